// Subscribing over a real socket to the simulator: the right secret, a wrong one, a wrong BotID.
import { describe, expect, it } from 'vitest';
import { WeComBotAuthError } from '../../src/errors/bot-errors.ts';
import { online, useBotFixture } from './helpers.ts';

describe('bot long connection: subscribe', () => {
  const f = useBotFixture();

  it('subscribes with the BotID and Secret and goes online', async () => {
    const states: string[] = [];
    const bot = f.bot();
    bot.on('state', (s) => states.push(s.state));
    await online(bot);
    expect(states).toEqual(['connecting', 'subscribing', 'online']);
    expect(f.sim.aibot.isSubscribed(f.sim.bots[0]!.botId)).toBe(true);
    const subscribe = f.sim.aibot.frames.find((frame) => frame.cmd === 'aibot_subscribe');
    expect(subscribe?.body).toEqual({ bot_id: f.sim.bots[0]!.botId });
    const stats = bot.stats();
    expect(stats.connects).toBe(1);
    expect(stats.commands.find((c) => c.cmd === 'aibot_subscribe')).toMatchObject({
      sent: 1,
      acked: 1,
      errors: 0,
    });
  });

  it('a wrong secret ends in auth_failed with a typed error, and no reconnect is scheduled', async () => {
    const bot = f.bot({ secret: 'not-the-secret' });
    bot.start();
    const error = await bot.whenOnline().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WeComBotAuthError);
    expect((error as WeComBotAuthError).errcode).toBe(40001);
    expect((error as WeComBotAuthError).code).toBe('BOT_AUTH_FAILED');
    expect(bot.status.state).toBe('auth_failed');
    expect(bot.status.lastError?.code).toBe('BOT_AUTH_FAILED');
    expect(f.timers.pending).toBe(0);
    expect(bot.stats().subscribeFailures).toBe(1);
    expect(f.sim.aibot.isSubscribed(f.sim.bots[0]!.botId)).toBe(false);
    expect(JSON.stringify(error)).not.toContain('not-the-secret');
  });

  it("another bot's secret does not open this bot", async () => {
    const bot = f.bot({ secret: f.sim.bots[1]!.secret });
    bot.start();
    await expect(bot.whenOnline()).rejects.toBeInstanceOf(WeComBotAuthError);
  });

  it('after a refusal, start() with the same client tries again', async () => {
    const bot = f.bot({ botId: 'aib-unknown' });
    bot.start();
    await expect(bot.whenOnline()).rejects.toBeInstanceOf(WeComBotAuthError);
    bot.start();
    await expect(bot.whenOnline()).rejects.toBeInstanceOf(WeComBotAuthError);
    expect(bot.stats().subscribeFailures).toBe(2);
  });
});
