// WeCom's official Node SDK (@wecom/aibot-node-sdk), unchanged, pointed at the simulator with wsUrl:
// it authenticates, answers messages in a stream, updates a card after a click, sends a welcome,
// pushes markdown, uploads media, and reports the one-connection-per-bot take-over.
import { WSClient } from '@wecom/aibot-node-sdk';
import type { WsFrame } from '@wecom/aibot-node-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

describe('the official aibot SDK against the simulator', () => {
  let sim: SimServer;
  const clients: WSClient[] = [];

  const client = (): WSClient => {
    const c = new WSClient({
      botId: sim.bots[0]!.botId,
      secret: sim.bots[0]!.secret,
      wsUrl: sim.aibotUrl,
      logger: silent,
      maxReconnectAttempts: 0,
    });
    clients.push(c);
    return c;
  };

  const authenticated = (c: WSClient): Promise<void> =>
    new Promise((resolve, reject) => {
      c.once('authenticated', () => resolve());
      c.once('error', reject);
      c.connect();
    });

  beforeEach(async () => {
    sim = await startSimulator({ seed: 3, size: { users: 20, departments: 3, lives: 4 } });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) if (c.isConnected) c.disconnect();
    await sim.close();
  });

  it('authenticates and streams an answer to a text message', async () => {
    const c = client();
    await authenticated(c);
    expect(sim.aibot.isSubscribed()).toBe(true);
    const sent: Promise<unknown>[] = [];
    c.on('message.text', (frame: WsFrame) => {
      sent.push(c.replyStream(frame, 'stream-1', '查询中…', false));
      sent.push(c.replyStream(frame, 'stream-1', '周五 14:00 安全培训', true));
    });
    const conversation = sim.aibot.userSays('下一场培训什么时候');
    await conversation.finished();
    await Promise.all(sent);
    expect(conversation.replies).toHaveLength(2);
    expect(conversation.text).toBe('周五 14:00 安全培训');
  });

  it('updates a card after a click and sends a welcome on enter_chat', async () => {
    const c = client();
    await authenticated(c);
    const sent: Promise<unknown>[] = [];
    c.on('event.template_card_event', (frame: WsFrame) => {
      const key = (frame.body as { event: { event_key?: string } }).event.event_key;
      sent.push(
        c.updateTemplateCard(frame, { card_type: 'text_notice', main_title: { title: `已处理 ${key}` } }),
      );
    });
    c.on('event.enter_chat', (frame: WsFrame) => {
      sent.push(c.replyWelcome(frame, { msgtype: 'text', text: { content: '欢迎' } }));
    });
    const click = sim.aibot.clickCard('signup:live1', 'live1');
    const [update] = await click.finished();
    expect(update?.cmd).toBe('aibot_respond_update_msg');
    expect(update?.body).toMatchObject({ template_card: { main_title: { title: '已处理 signup:live1' } } });
    const enter = sim.aibot.enterChat();
    const [welcome] = await enter.finished();
    expect(welcome?.body).toEqual({ msgtype: 'text', text: { content: '欢迎' } });
    await Promise.all(sent);
  });

  it('pushes markdown with sendMessage and uploads media in chunks', async () => {
    const c = client();
    await authenticated(c);
    const userid = sim.state.userList[2]!.userid;
    const ack = await c.sendMessage(userid, { msgtype: 'markdown', markdown: { content: '**明天培训**' } });
    expect(ack.errcode).toBe(0);
    expect(sim.aibot.pushes).toMatchObject([
      { chatid: userid, body: { markdown: { content: '**明天培训**' } } },
    ]);
    const data = Buffer.alloc(700_000, 7);
    const uploaded = await c.uploadMedia(data, { type: 'file', filename: 'a.bin' });
    expect(sim.aibot.uploads.media.get(uploaded.media_id)).toMatchObject({
      bytes: 700_000,
      filename: 'a.bin',
    });
  });

  it('a second connection takes the bot over: the first gets disconnected_event', async () => {
    const first = client();
    await authenticated(first);
    const kicked = new Promise<WsFrame>((resolve) => first.once('event.disconnected_event', resolve));
    const second = client();
    await authenticated(second);
    const frame = await kicked;
    expect((frame.body as { event: { eventtype: string } }).event.eventtype).toBe('disconnected_event');
    expect(sim.aibot.connections(sim.bots[0]!.botId)).toBe(1);
  });

  it('a wrong secret is refused', async () => {
    const c = new WSClient({
      botId: sim.bots[0]!.botId,
      secret: 'wrong',
      wsUrl: sim.aibotUrl,
      logger: silent,
      maxAuthFailureAttempts: 0,
    });
    clients.push(c);
    const error = await new Promise<Error>((resolve) => {
      c.once('error', resolve);
      c.connect();
    });
    expect(error.message).toContain('40001');
  });
});
