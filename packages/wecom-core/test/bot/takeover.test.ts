// WeCom keeps one long connection per bot: a second connection (another PC) takes the bot; the first
// gets disconnected_event, is closed, and must not fight back by reconnecting.
import { describe, expect, it } from 'vitest';
import { ManualTimers } from '../../src/bot/manual-timers.ts';
import { WeComBotTakenOverError } from '../../src/errors/bot-errors.ts';
import { nextEvent, nextMessage, nextState, online, useBotFixture } from './helpers.ts';

describe('bot long connection: one connection per bot', () => {
  const f = useBotFixture();

  it('a second PC takes the bot over: the first shows "taken over", stops, and does not reconnect', async () => {
    // The first PC has its own clock, so that time passing for it does not touch the second one.
    const firstTimers = new ManualTimers();
    const first = await online(f.bot({ timers: firstTimers }));
    const disconnectedEvent = nextEvent(first, 'disconnected_event');
    const takenOver = nextState(first, 'taken_over');
    const second = await online(f.bot());
    await Promise.all([disconnectedEvent, takenOver]);

    expect(first.status.lastError?.code).toBe('BOT_TAKEN_OVER');
    expect(first.status.lastError?.messages.zh).toContain('另一台电脑接管了此机器人');
    expect(first.stats().takeOvers).toBe(1);
    expect(firstTimers.pending).toBe(0);
    firstTimers.advance(120_000);
    expect(first.status.state).toBe('taken_over');
    expect(f.sim.aibot.frames.filter((fr) => fr.cmd === 'aibot_subscribe')).toHaveLength(2);
    await expect(
      first.send(f.sim.state.userList[0]!.userid, { msgtype: 'markdown', markdown: { content: 'x' } }),
    ).rejects.toBeInstanceOf(WeComBotTakenOverError);

    // Messages now go to the second connection.
    const arriving = nextMessage(second);
    const conversation = f.sim.aibot.userSays('下一场培训什么时候');
    const [, ctx] = await arriving;
    await second.replyStream(ctx.reqId, { id: 's', content: '来自第二台电脑', finish: true });
    expect(conversation.text).toBe('来自第二台电脑');
    expect(f.sim.aibot.connections(f.sim.bots[0]!.botId)).toBe(1);
  });

  it('start() on the first PC takes the bot back, and the second one is the one taken over', async () => {
    const first = await online(f.bot());
    const second = f.bot();
    const firstOut = nextState(first, 'taken_over');
    await online(second);
    await firstOut;
    const secondOut = nextState(second, 'taken_over');
    await online(first);
    await secondOut;
    expect(first.status.state).toBe('online');
    expect(second.status.state).toBe('taken_over');
  });

  it('frames waiting when the bot is taken over fail with the take-over error', async () => {
    const first = await online(f.bot());
    f.sim.aibot.mutePings(true);
    const waiting = first.request('ping', 'ping_waiting', undefined).catch((e: unknown) => e);
    const out = nextState(first, 'taken_over');
    await online(f.bot());
    await out;
    expect(await waiting).toBeInstanceOf(WeComBotTakenOverError);
  });
});
