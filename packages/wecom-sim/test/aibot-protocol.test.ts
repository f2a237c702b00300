// The simulator's bot endpoint checked with a bare `ws` client: what it refuses and how.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';

interface Frame {
  cmd?: string;
  headers: { req_id: string };
  errcode?: number;
  errmsg?: string;
  body?: Record<string, unknown>;
}

/** A socket whose frames are read one at a time, in order. */
async function open(
  url: string,
): Promise<{ ws: WebSocket; next(): Promise<Frame>; closed: Promise<number> }> {
  const ws = new WebSocket(url);
  const frames: Frame[] = [];
  const waiting: Array<(f: Frame) => void> = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame;
    const w = waiting.shift();
    if (w) w(frame);
    else frames.push(frame);
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return {
    ws,
    next: () => {
      const f = frames.shift();
      return f ? Promise.resolve(f) : new Promise((resolve) => waiting.push(resolve));
    },
    closed,
  };
}

const send = (ws: WebSocket, cmd: string, reqId: string, body?: unknown): void =>
  ws.send(JSON.stringify({ cmd, headers: { req_id: reqId }, ...(body === undefined ? {} : { body }) }));

describe('simulator: AI-bot endpoint', () => {
  let sim: SimServer;
  beforeEach(async () => {
    sim = await startSimulator({ seed: 5, size: { users: 10, departments: 2, lives: 2 } });
  });
  afterEach(async () => {
    await sim.close();
  });

  it('answers a wrong secret with 40001 and closes the socket', async () => {
    const c = await open(sim.aibotUrl);
    send(c.ws, 'aibot_subscribe', 'sub1', { bot_id: sim.bots[0]!.botId, secret: 'nope' });
    expect(await c.next()).toMatchObject({ headers: { req_id: 'sub1' }, errcode: 40001 });
    expect(await c.closed).toBe(1008);
  });

  it('refuses frames before subscribe, and answers pings after it', async () => {
    const c = await open(sim.aibotUrl);
    send(c.ws, 'ping', 'p0');
    expect(await c.next()).toMatchObject({ headers: { req_id: 'p0' }, errcode: 40058 });
    send(c.ws, 'aibot_subscribe', 'sub', { bot_id: sim.bots[0]!.botId, secret: sim.bots[0]!.secret });
    expect(await c.next()).toMatchObject({ headers: { req_id: 'sub' }, errcode: 0 });
    send(c.ws, 'ping', 'p1');
    expect(await c.next()).toEqual({ headers: { req_id: 'p1' }, errcode: 0, errmsg: 'ok' });
    c.ws.close();
  });

  it('muted pings get no answer while other frames still do', async () => {
    const c = await open(sim.aibotUrl);
    send(c.ws, 'aibot_subscribe', 'sub', { bot_id: sim.bots[0]!.botId, secret: sim.bots[0]!.secret });
    await c.next();
    sim.aibot.mutePings(true);
    send(c.ws, 'ping', 'p1');
    send(c.ws, 'aibot_send_msg', 'm1', {
      chatid: sim.state.userList[0]!.userid,
      msgtype: 'markdown',
      markdown: { content: 'x' },
    });
    expect(await c.next()).toMatchObject({ headers: { req_id: 'm1' }, errcode: 0 });
    c.ws.close();
  });

  it('checks stream replies: size, and nothing after finish', async () => {
    const c = await open(sim.aibotUrl);
    send(c.ws, 'aibot_subscribe', 'sub', { bot_id: sim.bots[0]!.botId, secret: sim.bots[0]!.secret });
    await c.next();
    const conversation = sim.aibot.userSays('hi');
    const callback = await c.next();
    expect(callback).toMatchObject({ cmd: 'aibot_msg_callback', headers: { req_id: conversation.reqId } });
    const reqId = callback.headers.req_id;
    send(c.ws, 'aibot_respond_msg', reqId, {
      msgtype: 'stream',
      stream: { id: 's', content: 'x'.repeat(20_481) },
    });
    expect(await c.next()).toMatchObject({ errcode: 40058 });
    send(c.ws, 'aibot_respond_msg', reqId, {
      msgtype: 'stream',
      stream: { id: 's', content: 'done', finish: true },
    });
    expect(await c.next()).toMatchObject({ errcode: 0 });
    send(c.ws, 'aibot_respond_msg', reqId, { msgtype: 'stream', stream: { id: 's', content: 'more' } });
    expect(await c.next()).toMatchObject({ errcode: 40058, errmsg: 'stream s already finished' });
    expect(conversation.text).toBe('done');
    c.ws.close();
  });

  it('take-over: the old connection gets disconnected_event and is closed', async () => {
    const a = await open(sim.aibotUrl);
    send(a.ws, 'aibot_subscribe', 'a', { bot_id: sim.bots[0]!.botId, secret: sim.bots[0]!.secret });
    await a.next();
    const b = await open(sim.aibotUrl);
    send(b.ws, 'aibot_subscribe', 'b', { bot_id: sim.bots[0]!.botId, secret: sim.bots[0]!.secret });
    expect(await b.next()).toMatchObject({ errcode: 0 });
    expect(await a.next()).toMatchObject({
      cmd: 'aibot_event_callback',
      body: { event: { eventtype: 'disconnected_event' } },
    });
    expect(await a.closed).toBe(1000);
    b.ws.close();
  });

  it('refuses connections with 503 while told to, and other paths with 404', async () => {
    sim.aibot.refuseConnections(true);
    await expect(open(sim.aibotUrl)).rejects.toThrow('503');
    await expect(open(sim.aibotUrl.replace('/aibot', '/other'))).rejects.toThrow('404');
  });
});
