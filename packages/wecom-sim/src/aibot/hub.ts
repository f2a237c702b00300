// The simulator's AI-bot long connection (智能机器人长连接) on its HTTP port (ws://…/aibot):
// subscribe, heartbeat, callbacks pushed by scripted users, the bot's replies checked and recorded,
// and faults: dropped connections, unanswered pings, and WeCom's one-connection-per-bot rule (a new
// subscription sends disconnected_event to the old connection and closes it).
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Rng } from '../random.ts';
import { randomString } from '../random.ts';
import type { SimStore } from '../state/store.ts';
import type { SimBot } from './bots.ts';
import { Conversation } from './conversation.ts';
import type { ConversationKind } from './conversation.ts';
import { checkReply, isReplyCmd } from './replies.ts';
import { BotSession } from './session.ts';
import type { SessionHub } from './session.ts';
import { BotUploads } from './uploads.ts';
import { ack, BOT_ERRCODE, sendMsgSchema, zodProblem } from './wire.ts';
import type { AckFrame } from './wire.ts';

export const AIBOT_PATH = '/aibot';

export interface SimBotFrame {
  botId: string | null;
  cmd: string;
  reqId: string;
  body: unknown;
  at: number;
}

export interface SimBotPush {
  botId: string;
  chatid: string;
  body: Record<string, unknown>;
  at: number;
}

export interface ScriptedTurn {
  /** default: the first bot */
  botId?: string;
  /** default: the organisation's first member */
  userid?: string;
  /** a group chat id; absent for a single chat */
  chatid?: string;
}

export interface HubInit {
  bots: SimBot[];
  store: SimStore;
  corpId: string;
  now: () => number;
  rng: Rng;
}

export class AibotHub implements SessionHub {
  readonly bots: SimBot[];
  /** every frame received, in order (secrets are not kept) */
  readonly frames: SimBotFrame[] = [];
  /** aibot_send_msg pushes */
  readonly pushes: SimBotPush[] = [];
  readonly uploads: BotUploads;
  private readonly init: HubInit;
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<BotSession>();
  private readonly active = new Map<string, BotSession>();
  private readonly conversations = new Map<string, Conversation>();
  private readonly groups = new Set<string>();
  private readonly mutedPings = new Set<string>();
  private refusing = false;
  private readonly events = new EventEmitter();

  constructor(init: HubInit) {
    this.init = init;
    this.bots = init.bots;
    this.uploads = new BotUploads(init.rng, init.now);
    this.events.setMaxListeners(0);
  }

  /** For server.on('upgrade'): takes /aibot, refuses everything else. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://sim.local').pathname;
    if (path !== AIBOT_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\n\r\n');
      return;
    }
    if (this.refusing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nconnection: close\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sessions.add(new BotSession(ws, this));
    });
  }

  // --- the protocol (called by sessions) ---

  subscribe(session: BotSession, botId: string, secret: string): string | null {
    const bot = this.bots.find((b) => b.botId === botId);
    if (!bot || bot.secret !== secret) return 'invalid bot_id or secret';
    const previous = this.active.get(botId);
    session.botId = botId;
    this.active.set(botId, session);
    if (previous && previous !== session) {
      previous.send(this.eventFrame(botId, null, { eventtype: 'disconnected_event' }));
      previous.botId = null;
      previous.close(1000, 'another connection subscribed this bot');
    }
    this.events.emit('subscribed', botId);
    return null;
  }

  answerPing(session: BotSession): boolean {
    return session.botId !== null && !this.mutedPings.has(session.botId) && !this.mutedPings.has('*');
  }

  handle(session: BotSession, cmd: string, reqId: string, body: unknown): AckFrame {
    const botId = session.botId!;
    if (isReplyCmd(cmd)) {
      const conversation = this.conversations.get(reqId);
      const check = checkReply(conversation, botId, cmd, reqId, body);
      if (!check.ok) return check.ack;
      conversation!.add({ cmd, body: check.body, at: this.init.now() });
      return ack(reqId);
    }
    if (cmd === 'aibot_send_msg') {
      const parsed = sendMsgSchema.safeParse(body);
      if (!parsed.success) return ack(reqId, BOT_ERRCODE.badParam, zodProblem(parsed.error));
      const chatid = parsed.data.chatid;
      if (!this.groups.has(chatid) && !this.init.store.users.has(chatid.toLowerCase()))
        return ack(reqId, BOT_ERRCODE.badParam, `unknown chatid ${chatid}`);
      this.pushes.push({ botId, chatid, body: parsed.data, at: this.init.now() });
      this.events.emit('push');
      return ack(reqId);
    }
    if (cmd.startsWith('aibot_upload_media_')) return this.uploads.handle(cmd, reqId, body);
    return ack(reqId, BOT_ERRCODE.badParam, `unknown cmd ${cmd}`);
  }

  note(session: BotSession, cmd: string, reqId: string, body: unknown): void {
    const kept =
      cmd === 'aibot_subscribe' ? { bot_id: (body as { bot_id?: unknown } | undefined)?.bot_id } : body;
    this.frames.push({ botId: session.botId, cmd, reqId, body: kept, at: this.init.now() });
  }

  release(session: BotSession): void {
    this.sessions.delete(session);
    for (const [botId, s] of this.active) if (s === session) this.active.delete(botId);
  }

  // --- scripted users ---

  /** A person writes to the bot; the conversation collects the bot's answer. */
  userSays(text: string, turn: ScriptedTurn = {}): Conversation {
    return this.push('message', turn, (botId, userid, chatid) => ({
      cmd: 'aibot_msg_callback',
      body: {
        ...this.origin(botId, userid, chatid),
        msgtype: 'text',
        text: { content: text },
      },
    }));
  }

  /** A person clicks a button of a template card the bot sent. */
  clickCard(eventKey: string, taskId: string, turn: ScriptedTurn = {}): Conversation {
    const card = { card_type: 'button_interaction', event_key: eventKey, task_id: taskId };
    return this.push('template_card_event', turn, (botId, userid, chatid) =>
      this.eventFrame(
        botId,
        userid,
        { eventtype: 'template_card_event', ...card, template_card_event: card },
        chatid,
      ),
    );
  }

  /** A person opens the single chat with the bot (first time today). */
  enterChat(turn: ScriptedTurn = {}): Conversation {
    return this.push('enter_chat', turn, (botId, userid) =>
      this.eventFrame(botId, userid, { eventtype: 'enter_chat' }),
    );
  }

  /** Sends any text as a frame to the bot's connection (a malformed or unexpected frame, for tests). */
  sendRaw(text: string, botId: string = this.bots[0]!.botId): void {
    const session = this.active.get(botId);
    if (!session) throw new Error(`bot ${botId} has no subscribed connection`);
    session.sendText(text);
  }

  /** Makes a group chat known (where the bot is a member) so aibot_send_msg may push to it. */
  addGroup(chatid: string): void {
    this.groups.add(chatid);
  }

  isSubscribed(botId: string = this.bots[0]!.botId): boolean {
    return this.active.has(botId);
  }

  /** Resolves at once when subscribed, or at the next subscription. */
  whenSubscribed(botId: string = this.bots[0]!.botId): Promise<void> {
    if (this.active.has(botId)) return Promise.resolve();
    return this.nextSubscription(botId);
  }

  nextSubscription(botId: string = this.bots[0]!.botId): Promise<void> {
    return new Promise((resolve) => {
      const listener = (id: string): void => {
        if (id !== botId) return;
        this.events.off('subscribed', listener);
        resolve();
      };
      this.events.on('subscribed', listener);
    });
  }

  /** Open sockets (subscribed or not), for one bot or all. */
  connections(botId?: string): number {
    if (botId === undefined) return this.sessions.size;
    return [...this.sessions].filter((s) => s.botId === botId).length;
  }

  // --- faults ---

  /** Cuts connections without a close handshake (a network drop). */
  dropConnections(botId?: string): number {
    let dropped = 0;
    for (const session of this.sessions) {
      if (botId !== undefined && session.botId !== botId) continue;
      session.drop();
      dropped++;
    }
    return dropped;
  }

  /** Refuses (or accepts again) new connections with HTTP 503, as when WeCom is unreachable. */
  refuseConnections(on: boolean): void {
    this.refusing = on;
  }

  /** Stops (or resumes) answering pings, for one bot or all. */
  mutePings(on: boolean, botId = '*'): void {
    if (on) this.mutedPings.add(botId);
    else this.mutedPings.delete(botId);
  }

  close(): void {
    for (const session of this.sessions) session.drop();
    this.sessions.clear();
    this.active.clear();
    this.wss.close();
  }

  private push(
    kind: ConversationKind,
    turn: ScriptedTurn,
    frame: (botId: string, userid: string, chatid: string | undefined) => { cmd: string; body: unknown },
  ): Conversation {
    const botId = turn.botId ?? this.bots[0]!.botId;
    const userid = turn.userid ?? this.init.store.userList[0]!.userid;
    const session = this.active.get(botId);
    if (!session) throw new Error(`bot ${botId} has no subscribed connection`);
    if (turn.chatid) this.groups.add(turn.chatid);
    const reqId = randomString(this.init.rng, 32);
    const conversation = new Conversation({
      reqId,
      kind,
      botId,
      userid,
      ...(turn.chatid ? { chatid: turn.chatid } : {}),
    });
    this.conversations.set(reqId, conversation);
    const { cmd, body } = frame(botId, userid, turn.chatid);
    session.send({ cmd, headers: { req_id: reqId }, body });
    return conversation;
  }

  private origin(botId: string, userid: string, chatid: string | undefined): Record<string, unknown> {
    return {
      msgid: randomString(this.init.rng, 32),
      aibotid: botId,
      ...(chatid ? { chatid, chattype: 'group' } : { chattype: 'single' }),
      from: { userid },
      create_time: Math.floor(this.init.now() / 1000),
    };
  }

  /** userid null: an event from WeCom itself (disconnected_event), with no sender. */
  private eventFrame(
    botId: string,
    userid: string | null,
    event: Record<string, unknown>,
    chatid?: string,
  ): { cmd: string; headers: { req_id: string }; body: Record<string, unknown> } {
    const origin = this.origin(botId, userid ?? '', chatid);
    delete origin.from;
    return {
      cmd: 'aibot_event_callback',
      headers: { req_id: randomString(this.init.rng, 32) },
      body: {
        ...origin,
        ...(userid === null ? {} : { from: { userid, corpid: this.init.corpId } }),
        msgtype: 'event',
        event,
      },
    };
  }
}
