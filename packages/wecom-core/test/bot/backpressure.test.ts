// Backpressure: a bounded number of frames on the wire, a bounded queue behind them, refusals beyond.
import { describe, expect, it } from 'vitest';
import { WeComBotBackpressureError } from '../../src/errors/bot-errors.ts';
import { online, useBotFixture } from './helpers.ts';

describe('bot long connection: backpressure', () => {
  const f = useBotFixture();

  it('keeps at most maxInFlight frames unacked, queues maxQueued more, refuses the rest at once', async () => {
    const bot = await online(f.bot({ maxInFlight: 2, maxQueued: 3 }));
    const user = f.sim.state.userList[2]!.userid;
    const send = (n: number): Promise<unknown> =>
      bot.send(user, { msgtype: 'markdown', markdown: { content: `#${n}` } }).catch((e: unknown) => e);
    const results = [1, 2, 3, 4, 5, 6].map(send);
    expect(bot.pressure).toEqual({ inFlight: 2, queued: 3 });
    expect(await results[5]).toBeInstanceOf(WeComBotBackpressureError);
    const settled = await Promise.all(results.slice(0, 5));
    expect(settled.map((r) => (r as { errcode: number }).errcode)).toEqual([0, 0, 0, 0, 0]);
    expect(f.sim.aibot.pushes.map((p) => (p.body.markdown as { content: string }).content)).toEqual([
      '#1',
      '#2',
      '#3',
      '#4',
      '#5',
    ]);
    expect(bot.pressure).toEqual({ inFlight: 0, queued: 0 });
    expect(bot.stats().commands.find((c) => c.cmd === 'aibot_send_msg')?.errorsByCode).toEqual({
      BOT_BACKPRESSURE: 1,
    });
  });

  it('1,000 conversations answered concurrently all reach their own conversation', async () => {
    const bot = await online(f.bot({ maxInFlight: 64, maxQueued: 2_000 }));
    const acks: Promise<unknown>[] = [];
    bot.on('message', (message, ctx) => {
      const text = message.msgtype === 'text' ? message.text.content : '';
      acks.push(
        bot.replyStream(ctx.reqId, { id: `s-${ctx.reqId}`, content: `answer to ${text}`, finish: true }),
      );
    });
    const users = f.sim.state.userList;
    const conversations = Array.from({ length: 1_000 }, (_, i) =>
      f.sim.aibot.userSays(`question ${i}`, { userid: users[i % users.length]!.userid }),
    );
    await Promise.all(conversations.map((c) => c.finished()));
    await Promise.all(acks);
    expect(acks).toHaveLength(1_000);
    expect(conversations.every((c, i) => c.text === `answer to question ${i}`)).toBe(true);
    expect(bot.stats().commands.find((c) => c.cmd === 'aibot_respond_msg')).toMatchObject({
      sent: 1_000,
      acked: 1_000,
    });
  });
});
