// The AI-bot long connection (智能机器人长连接), built on `ws`:
//   connect → aibot_subscribe {bot_id, secret} → online: heartbeat, callbacks, replies matched by req_id
//   socket lost / two pings unanswered → reconnect with backoff (1 s → 30 s, jitter) and subscribe again
//   disconnected_event (another connection took the bot) → 'taken_over', no reconnect
//   subscribe refused → 'auth_failed', no reconnect
// Time goes through BotTimers, so tests drive heartbeats, deadlines and backoff by hand.
import WebSocket from 'ws';
import type { ClientOptions, RawData } from 'ws';
import {
  WeComBotAuthError,
  WeComBotConnectionError,
  WeComBotTakenOverError,
  WeComBotTimeoutError,
} from '../errors/bot-errors.ts';
import { WeComInputError, WeComNetworkError } from '../errors/errors.ts';
import type { WeComError } from '../errors/errors.ts';
import { classifyNetworkFailure } from '../http/network-errors.ts';
import type { Language } from '../http/types.ts';
import { utf8Bytes } from '../rules/text-length.ts';
import { AckQueue } from './ack-queue.ts';
import type { OutboundFrame, Pressure } from './ack-queue.ts';
import { BotStats } from './bot-stats.ts';
import type { BotStatsSnapshot } from './bot-stats.ts';
import { isTerminal } from './bot-state.ts';
import type { BotConnectionState, BotStatus } from './bot-state.ts';
import { BOT_CMD, DEFAULT_BOT_WS_URL, STREAM_CONTENT_MAX_BYTES } from './commands.ts';
import { decodeFrame } from './decode-frame.ts';
import type { BotAck, BotEvent, BotMessage } from './frames.ts';
import { Heartbeat } from './heartbeat.ts';
import { Listeners } from './listeners.ts';
import type {
  BotReplyBody,
  BotSendBody,
  BotUpdateCardBody,
  BotWelcomeBody,
  StreamReply,
} from './outbound.ts';
import { DEFAULT_RECONNECT_BACKOFF, reconnectDelay } from './reconnect-delay.ts';
import type { ReconnectBackoff } from './reconnect-delay.ts';
import { newReqId } from './req-id.ts';
import { systemBotTimers } from './timers.ts';
import { uploadBotMedia } from './upload-media.ts';
import type { BotMediaUpload, BotUploadedMedia } from './upload-media.ts';
import type { BotTimers, CancelTimer } from './timers.ts';

export interface BotConnectionOptions {
  botId: string;
  secret: string;
  /** Default wss://openws.work.weixin.qq.com; the simulator's is ws://127.0.0.1:<port>/aibot. */
  url?: string;
  language?: Language;
  timers?: BotTimers;
  random?: () => number;
  /** Default 30 000. */
  heartbeatIntervalMs?: number;
  /** Default 2. */
  maxMissedHeartbeats?: number;
  /** Ack deadline of a frame, queue time included; default 10 000. */
  requestTimeoutMs?: number;
  /** Default 10 000; a subscribe without an answer counts as a lost connection. */
  subscribeTimeoutMs?: number;
  backoff?: Partial<ReconnectBackoff>;
  /** Default 32 frames awaiting their ack. */
  maxInFlight?: number;
  /** Default 1 000 frames waiting behind them. */
  maxQueued?: number;
  /** Stop writing while the socket buffers more than this (bytes); default 4 MB. */
  highWaterMark?: number;
  /** Passed to `ws` (agent for a proxy, headers, …). */
  wsOptions?: ClientOptions;
}

/** Where a callback came from: its req_id is what every reply to it must carry. */
export interface InboundContext {
  reqId: string;
  receivedAt: number;
}

export type BotConnectionEvents = {
  state: [BotStatus];
  message: [BotMessage, InboundContext];
  event: [BotEvent, InboundContext];
  /** Invalid frames, socket errors, throwing listeners: reported, never thrown. */
  error: [WeComError | Error];
};

export class BotConnection {
  private readonly language: Language;
  private readonly timers: BotTimers;
  private readonly random: () => number;
  private readonly backoff: ReconnectBackoff;
  private readonly statsRecorder: BotStats;
  private readonly queue: AckQueue;
  private readonly heartbeat: Heartbeat;
  private readonly listeners: Listeners<BotConnectionEvents>;
  private socket: WebSocket | null = null;
  private current: BotStatus;
  private cancelReconnect: CancelTimer | null = null;
  private cancelSubscribe: CancelTimer | null = null;
  private subscribeReqId: string | null = null;
  private subscribeSentAt = 0;
  private readonly pings = new Map<string, number>();
  private lastError: WeComError | null = null;

  private readonly options: BotConnectionOptions;

  constructor(options: BotConnectionOptions) {
    this.options = options;
    this.language = options.language ?? 'zh-CN';
    this.timers = options.timers ?? systemBotTimers;
    this.random = options.random ?? Math.random;
    this.backoff = { ...DEFAULT_RECONNECT_BACKOFF, ...options.backoff };
    this.statsRecorder = new BotStats(() => this.timers.now());
    let reporting = false;
    this.listeners = new Listeners((error) => {
      if (reporting) return; // an error listener that throws is not reported to itself
      reporting = true;
      try {
        this.listeners.emit('error', toError(error));
      } finally {
        reporting = false;
      }
    });
    this.current = {
      state: 'idle',
      since: this.timers.now(),
      attempt: 0,
      nextRetryAt: null,
      lastError: null,
    };
    this.queue = new AckQueue({
      timers: this.timers,
      stats: this.statsRecorder,
      language: this.language,
      maxInFlight: options.maxInFlight ?? 32,
      maxQueued: options.maxQueued ?? 1_000,
      write: (frame) => this.write(frame),
    });
    this.heartbeat = new Heartbeat({
      timers: this.timers,
      intervalMs: options.heartbeatIntervalMs ?? 30_000,
      maxMissed: options.maxMissedHeartbeats ?? 2,
      sendPing: () => this.sendPing(),
      onMissed: () => this.statsRecorder.count('heartbeatsMissed'),
      onDead: () => this.socket?.terminate(),
    });
  }

  get status(): BotStatus {
    return this.current;
  }

  get pressure(): Pressure {
    return this.queue.pressure;
  }

  stats(): BotStatsSnapshot {
    return this.statsRecorder.snapshot();
  }

  on<K extends keyof BotConnectionEvents>(
    event: K,
    listener: (...args: BotConnectionEvents[K]) => void,
  ): () => void {
    return this.listeners.on(event, listener);
  }

  /** Connects (again, after a stop, a take-over or a refusal: this takes the bot back). */
  start(): void {
    if (!isTerminal(this.current.state)) return;
    this.current = { ...this.current, attempt: 0, lastError: null };
    this.connect();
  }

  stop(): void {
    this.cancelTimers();
    this.setState('stopped');
    this.queue.failAll((cmd) => new WeComBotConnectionError(cmd, 'stopped', this.language));
    this.dropSocket(1000);
  }

  /** Resolves when subscribed; rejects when the connection ends in a state it does not leave by itself. */
  whenOnline(): Promise<void> {
    if (this.current.state === 'online') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const off = this.on('state', (status) => {
        if (status.state === 'online') {
          off();
          resolve();
        } else if (isTerminal(status.state)) {
          off();
          reject(this.terminalError(status));
        }
      });
    });
  }

  /** A reply to a message callback (aibot_respond_msg). */
  reply(reqId: string, body: BotReplyBody, timeoutMs?: number): Promise<BotAck> {
    if ('stream' in body) this.checkStream(body.stream);
    return this.request(BOT_CMD.respondMsg, reqId, body, timeoutMs);
  }

  /** One part of a streamed answer; parts with the same stream.id replace the text, finish ends it. */
  replyStream(reqId: string, stream: StreamReply, timeoutMs?: number): Promise<BotAck> {
    return this.reply(reqId, { msgtype: 'stream', stream }, timeoutMs);
  }

  /** The welcome for enter_chat (aibot_respond_welcome_msg), with that event's req_id. */
  replyWelcome(reqId: string, body: BotWelcomeBody, timeoutMs?: number): Promise<BotAck> {
    return this.request(BOT_CMD.respondWelcome, reqId, body, timeoutMs);
  }

  /** Replaces the card a template_card_event came from (aibot_respond_update_msg). */
  updateCard(reqId: string, body: BotUpdateCardBody, timeoutMs?: number): Promise<BotAck> {
    return this.request(BOT_CMD.respondUpdate, reqId, body, timeoutMs);
  }

  /** Pushes a message to a chat (aibot_send_msg): a userid for a single chat, a chatid for a group. */
  send(chatid: string, body: BotSendBody, timeoutMs?: number): Promise<BotAck> {
    const cmd = BOT_CMD.sendMsg;
    return this.request(cmd, newReqId(cmd, this.timers.now()), { chatid, ...body }, timeoutMs);
  }

  /** Uploads temporary media in ≤ 512 KB chunks; answers the media_id. */
  uploadMedia(upload: BotMediaUpload): Promise<BotUploadedMedia> {
    return uploadBotMedia(
      (cmd, reqId, body) => this.request(cmd, reqId, body),
      upload,
      () => this.timers.now(),
      this.language,
    );
  }

  /** Any frame that WeCom acks, e.g. the media upload steps. */
  request(cmd: string, reqId: string, body: unknown, timeoutMs?: number): Promise<BotAck> {
    if (isTerminal(this.current.state)) {
      const error =
        this.current.state === 'taken_over'
          ? new WeComBotTakenOverError(this.language)
          : new WeComBotConnectionError(cmd, 'stopped', this.language);
      this.statsRecorder.failed(cmd, error.code);
      return Promise.reject(error);
    }
    const frame: OutboundFrame = { cmd, headers: { req_id: reqId }, body };
    return this.queue.request(frame, timeoutMs ?? this.options.requestTimeoutMs ?? 10_000);
  }

  private checkStream(stream: StreamReply): void {
    if (stream.content !== undefined && utf8Bytes(stream.content) > STREAM_CONTENT_MAX_BYTES) {
      throw new WeComInputError(
        `stream.content is over ${STREAM_CONTENT_MAX_BYTES} bytes`,
        'stream.content',
        {
          zh: `回复内容超过 ${STREAM_CONTENT_MAX_BYTES} 字节，请分段发送。`,
          en: `The reply is over ${STREAM_CONTENT_MAX_BYTES} bytes; send it in parts.`,
        },
        this.language,
      );
    }
  }

  private connect(): void {
    this.cancelTimers();
    this.setState('connecting');
    this.statsRecorder.count('connects');
    const socket = new WebSocket(this.options.url ?? DEFAULT_BOT_WS_URL, this.options.wsOptions);
    this.socket = socket;
    socket.on('open', () => {
      if (socket === this.socket) this.subscribe();
    });
    socket.on('message', (data: RawData, isBinary: boolean) => {
      if (socket === this.socket && !isBinary) this.receive(rawText(data));
    });
    socket.on('error', (error: Error) => {
      if (socket !== this.socket) return;
      const failure = classifyNetworkFailure(error, false);
      const kind = failure.kind === 'aborted' ? 'other' : failure.kind;
      const networkError = new WeComNetworkError(
        { kind, endpoint: 'ws:connect', request: null, language: this.language },
        { cause: error },
      );
      this.noteError(networkError);
      this.listeners.emit('error', networkError);
    });
    socket.on('close', () => {
      if (socket === this.socket) this.lost();
    });
  }

  private subscribe(): void {
    this.setState('subscribing');
    const cmd = BOT_CMD.subscribe;
    const reqId = newReqId(cmd, this.timers.now());
    this.subscribeReqId = reqId;
    this.subscribeSentAt = this.timers.now();
    this.statsRecorder.sent(cmd);
    this.write({
      cmd,
      headers: { req_id: reqId },
      body: { bot_id: this.options.botId, secret: this.options.secret },
    });
    const timeoutMs = this.options.subscribeTimeoutMs ?? 10_000;
    this.cancelSubscribe = this.timers.after(timeoutMs, () => {
      this.cancelSubscribe = null;
      this.statsRecorder.failed(cmd, 'BOT_TIMEOUT');
      const error = new WeComBotTimeoutError(cmd, reqId, timeoutMs, this.language);
      this.noteError(error);
      this.socket?.terminate();
    });
  }

  private receive(text: string): void {
    const frame = decodeFrame(text, this.language);
    const receivedAt = this.timers.now();
    switch (frame.kind) {
      case 'invalid':
        this.statsRecorder.count('invalid');
        this.statsRecorder.received(frame.cmd);
        this.listeners.emit('error', frame.error);
        return;
      case 'message':
        this.statsRecorder.received(BOT_CMD.msgCallback);
        this.listeners.emit('message', frame.message, { reqId: frame.reqId, receivedAt });
        return;
      case 'event':
        this.statsRecorder.received(BOT_CMD.eventCallback);
        this.listeners.emit('event', frame.event, { reqId: frame.reqId, receivedAt });
        if (frame.event.event.eventtype === 'disconnected_event') this.takenOver();
        return;
      case 'ack':
        this.onAck(frame.ack);
        return;
    }
  }

  private onAck(ack: BotAck): void {
    const reqId = ack.headers.req_id;
    if (reqId === this.subscribeReqId) return this.onSubscribed(ack);
    const pingSentAt = this.pings.get(reqId);
    if (pingSentAt !== undefined) {
      this.pings.delete(reqId);
      if (ack.errcode === 0) {
        this.statsRecorder.acked(BOT_CMD.ping, this.timers.now() - pingSentAt);
        this.heartbeat.acked();
      } else this.statsRecorder.failed(BOT_CMD.ping, `WECOM_${ack.errcode}`);
      return;
    }
    this.queue.ack(ack);
  }

  private onSubscribed(ack: BotAck): void {
    this.subscribeReqId = null;
    this.cancelSubscribe?.();
    this.cancelSubscribe = null;
    if (ack.errcode !== 0) {
      this.statsRecorder.failed(BOT_CMD.subscribe, 'BOT_AUTH_FAILED');
      this.statsRecorder.count('subscribeFailures');
      const error = new WeComBotAuthError(ack.errcode, ack.errmsg ?? '', this.language);
      this.noteError(error);
      this.setState('auth_failed');
      this.queue.failAll(() => error);
      this.dropSocket(1000);
      return;
    }
    this.statsRecorder.acked(BOT_CMD.subscribe, this.timers.now() - this.subscribeSentAt);
    this.lastError = null;
    this.current = { ...this.current, attempt: 0, lastError: null };
    this.setState('online');
    this.heartbeat.start();
    this.queue.setOpen(true);
  }

  private takenOver(): void {
    this.statsRecorder.count('takeOvers');
    const error = new WeComBotTakenOverError(this.language);
    this.cancelTimers();
    this.noteError(error);
    this.setState('taken_over');
    this.queue.failAll(() => error);
    this.dropSocket(1000);
  }

  /** The socket closed without us asking: reconnect unless the state says not to. */
  private lost(): void {
    this.socket = null;
    this.heartbeat.stop();
    this.cancelSubscribe?.();
    this.cancelSubscribe = null;
    this.subscribeReqId = null;
    this.pings.clear();
    this.queue.connectionLost();
    if (isTerminal(this.current.state)) return;
    const attempt = this.current.attempt + 1;
    const delay = reconnectDelay(attempt, this.backoff, this.random);
    this.statsRecorder.count('reconnects');
    this.current = { ...this.current, attempt };
    this.setState('reconnecting', this.timers.now() + delay);
    this.cancelReconnect = this.timers.after(delay, () => {
      this.cancelReconnect = null;
      this.connect();
    });
  }

  private sendPing(): void {
    const reqId = newReqId(BOT_CMD.ping, this.timers.now());
    this.pings.set(reqId, this.timers.now());
    this.statsRecorder.sent(BOT_CMD.ping);
    this.write({ cmd: BOT_CMD.ping, headers: { req_id: reqId } });
  }

  private write(frame: OutboundFrame): boolean {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return false;
    if (socket.bufferedAmount > (this.options.highWaterMark ?? 4 * 1024 * 1024)) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  private dropSocket(code: number): void {
    const socket = this.socket;
    this.socket = null;
    this.heartbeat.stop();
    this.pings.clear();
    if (!socket) return;
    socket.removeAllListeners();
    socket.on('error', () => {});
    if (socket.readyState === WebSocket.OPEN) socket.close(code);
    else socket.terminate();
  }

  private cancelTimers(): void {
    this.cancelReconnect?.();
    this.cancelReconnect = null;
    this.cancelSubscribe?.();
    this.cancelSubscribe = null;
  }

  private setState(state: BotConnectionState, nextRetryAt: number | null = null): void {
    this.current = { ...this.current, state, since: this.timers.now(), nextRetryAt };
    this.listeners.emit('state', this.current);
  }

  private terminalError(status: BotStatus): WeComError {
    if (status.state === 'taken_over') return new WeComBotTakenOverError(this.language);
    if (status.state === 'auth_failed' && this.lastError) return this.lastError;
    return new WeComBotConnectionError(BOT_CMD.subscribe, 'stopped', this.language);
  }

  private noteError(error: WeComError): void {
    this.lastError = error;
    this.current = { ...this.current, lastError: summary(error) };
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function summary(error: WeComError): BotStatus['lastError'] {
  return { code: error.code, messages: error.messages };
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
