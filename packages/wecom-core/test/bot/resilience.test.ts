// Heartbeat loss, dropped sockets and reconnects over a real socket, with time driven by hand:
// nothing here waits for real seconds.
import { describe, expect, it } from 'vitest';
import { WeComBotConnectionError, WeComBotTimeoutError } from '../../src/errors/bot-errors.ts';
import { nextMessage, nextState, online, useBotFixture } from './helpers.ts';

const MARKDOWN = { msgtype: 'markdown' as const, markdown: { content: 'ok' } };

describe('bot long connection: heartbeat and reconnect', () => {
  const f = useBotFixture();

  it('pings every 30 s; answered pings keep the connection', async () => {
    const bot = await online(f.bot());
    const user = f.sim.state.userList[0]!.userid;
    for (let i = 0; i < 4; i++) {
      f.timers.advance(30_000);
      // The simulator answers frames in order, so once this send is acked the ping's ack came first.
      await bot.send(user, MARKDOWN);
    }
    expect(f.sim.aibot.frames.filter((fr) => fr.cmd === 'ping')).toHaveLength(4);
    expect(bot.status.state).toBe('online');
    const stats = bot.stats();
    expect(stats.heartbeatsMissed).toBe(0);
    expect(stats.commands.find((c) => c.cmd === 'ping')).toMatchObject({ sent: 4, acked: 4 });
    expect(stats.reconnects).toBe(0);
  });

  it('two unanswered pings mean a dead connection: it reconnects after the backoff and subscribes again', async () => {
    const bot = await online(f.bot());
    const user = f.sim.state.userList[0]!.userid;
    f.sim.aibot.mutePings(true);
    f.timers.advance(30_000); // ping 1
    await bot.send(user, MARKDOWN);
    f.timers.advance(30_000); // ping 1 unanswered; ping 2
    await bot.send(user, MARKDOWN);
    expect(bot.status.state).toBe('online');
    const reconnecting = nextState(bot, 'reconnecting');
    f.timers.advance(30_000); // ping 2 unanswered: dead
    await reconnecting;
    expect(bot.stats().heartbeatsMissed).toBe(2);
    expect(bot.status.attempt).toBe(1);
    expect(bot.status.nextRetryAt! - f.timers.now()).toBe(1_000); // random() = 0: no jitter taken off

    f.sim.aibot.mutePings(false);
    const resubscribed = f.sim.aibot.nextSubscription();
    const backOnline = nextState(bot, 'online');
    f.timers.advance(1_000);
    await Promise.all([resubscribed, backOnline]);
    expect(f.sim.aibot.frames.filter((fr) => fr.cmd === 'aibot_subscribe')).toHaveLength(2);
    expect(bot.status.attempt).toBe(0);

    const arriving = nextMessage(bot);
    const conversation = f.sim.aibot.userSays('我的学习记录');
    const [, ctx] = await arriving;
    await bot.replyStream(ctx.reqId, { id: 'a', content: 'back', finish: true });
    expect(conversation.text).toBe('back');
  });

  it('a dropped socket fails frames on the wire, keeps queued ones, and delivers them after reconnecting', async () => {
    const bot = await online(f.bot({ maxInFlight: 1 }));
    const user = f.sim.state.userList[1]!.userid;
    const reconnecting = nextState(bot, 'reconnecting');
    f.sim.aibot.dropConnections();
    await reconnecting;
    // Sent while offline: waits in the queue for the next subscription.
    const later = bot.send(user, { msgtype: 'markdown', markdown: { content: 'sent while offline' } });
    const backOnline = nextState(bot, 'online');
    f.timers.advance(1_000);
    await backOnline;
    await expect(later).resolves.toMatchObject({ errcode: 0 });
    expect(f.sim.aibot.pushes.map((p) => p.body.markdown)).toEqual([{ content: 'sent while offline' }]);
  });

  it('frames in flight when the socket drops fail with a connection error', async () => {
    const bot = await online(f.bot());
    f.sim.aibot.mutePings(true);
    // A ping sent as a request is never answered while pings are muted: it stays in flight.
    const inFlight = bot.request('ping', 'ping_manual_1', undefined).catch((e: unknown) => e);
    await bot.send(f.sim.state.userList[0]!.userid, MARKDOWN); // the ping is on the wire now
    f.sim.aibot.dropConnections();
    expect(await inFlight).toBeInstanceOf(WeComBotConnectionError);
    expect((await inFlight) as WeComBotConnectionError).toMatchObject({ code: 'BOT_CONNECTION_LOST' });
  });

  it('a frame without an ack times out at its deadline', async () => {
    const bot = await online(f.bot({ requestTimeoutMs: 5_000 }));
    f.sim.aibot.mutePings(true);
    const pending = bot.request('ping', 'ping_manual_2', undefined).catch((e: unknown) => e);
    await bot.send(f.sim.state.userList[0]!.userid, MARKDOWN);
    f.timers.advance(5_000);
    const error = await pending;
    expect(error).toBeInstanceOf(WeComBotTimeoutError);
    expect(error).toMatchObject({ cmd: 'ping', reqId: 'ping_manual_2', timeoutMs: 5_000 });
    expect(bot.stats().commands.find((c) => c.cmd === 'ping')?.errorsByCode).toMatchObject({
      BOT_TIMEOUT: 1,
    });
  });

  it('backs off 1 s, 2 s, 4 s … up to 30 s while WeCom stays away, then comes back', async () => {
    const bot = await online(f.bot());
    const delays: number[] = [];
    bot.on('state', (s) => {
      if (s.state === 'reconnecting') delays.push(s.nextRetryAt! - f.timers.now());
    });
    f.sim.aibot.refuseConnections(true);
    let reconnecting = nextState(bot, 'reconnecting');
    f.sim.aibot.dropConnections();
    for (let attempt = 1; attempt <= 7; attempt++) {
      await reconnecting;
      const connecting = nextState(bot, 'connecting');
      f.timers.advance(delays[delays.length - 1]!);
      await connecting;
      reconnecting = nextState(bot, 'reconnecting');
    }
    await reconnecting;
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(bot.status.lastError?.code).toBe('NETWORK_OTHER');

    f.sim.aibot.refuseConnections(false);
    const backOnline = nextState(bot, 'online');
    f.timers.advance(30_000);
    await backOnline;
    expect(bot.status.attempt).toBe(0);
  });

  it('jitter takes up to a fifth off each delay', async () => {
    const bot = await online(f.bot({ random: () => 0.999 }));
    const reconnecting = nextState(bot, 'reconnecting');
    f.sim.aibot.dropConnections();
    await reconnecting;
    const delay = bot.status.nextRetryAt! - f.timers.now();
    expect(delay).toBe(800);
  });
});
