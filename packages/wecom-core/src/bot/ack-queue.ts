// Frames waiting for WeCom's ack, matched by req_id. Backpressure: at most maxInFlight frames unacked
// on the wire and maxQueued waiting behind them (beyond that the call is refused at once). Frames that
// share a req_id (the parts of one streamed answer) go out one at a time, in order, because their acks
// are told apart only by req_id. Each frame has one deadline, queue time included.
import { classifyErrcode } from '../errors/classify.ts';
import {
  WeComBotBackpressureError,
  WeComBotConnectionError,
  WeComBotTimeoutError,
} from '../errors/bot-errors.ts';
import type { WeComError } from '../errors/errors.ts';
import type { Language } from '../http/types.ts';
import type { BotStats } from './bot-stats.ts';
import type { BotAck } from './frames.ts';
import type { BotTimers, CancelTimer } from './timers.ts';

export interface OutboundFrame {
  cmd: string;
  headers: { req_id: string };
  body?: unknown;
}

interface Item {
  frame: OutboundFrame;
  sentAt: number | null;
  resolve: (ack: BotAck) => void;
  reject: (error: WeComError) => void;
  cancelDeadline: CancelTimer;
}

export interface AckQueueOptions {
  timers: BotTimers;
  stats: BotStats;
  language: Language;
  maxInFlight: number;
  maxQueued: number;
  /** Writes a frame; false when the socket cannot take it now (closed, or its buffer is full). */
  write: (frame: OutboundFrame) => boolean;
}

export interface Pressure {
  inFlight: number;
  queued: number;
}

export class AckQueue {
  private queued: Item[] = [];
  private readonly inFlight = new Map<string, Item>();
  private open = false;

  private readonly options: AckQueueOptions;

  constructor(options: AckQueueOptions) {
    this.options = options;
  }

  get pressure(): Pressure {
    return { inFlight: this.inFlight.size, queued: this.queued.length };
  }

  request(frame: OutboundFrame, timeoutMs: number): Promise<BotAck> {
    const { stats, language, maxQueued, timers } = this.options;
    if (this.queued.length >= maxQueued) {
      stats.failed(frame.cmd, 'BOT_BACKPRESSURE');
      return Promise.reject(new WeComBotBackpressureError(this.queued.length, language));
    }
    return new Promise<BotAck>((resolve, reject) => {
      const item: Item = { frame, sentAt: null, resolve, reject, cancelDeadline: () => {} };
      item.cancelDeadline = timers.after(timeoutMs, () => {
        this.remove(item);
        stats.failed(frame.cmd, 'BOT_TIMEOUT');
        reject(new WeComBotTimeoutError(frame.cmd, frame.headers.req_id, timeoutMs, language));
        this.pump();
      });
      this.queued.push(item);
      this.pump();
    });
  }

  /** The connection is subscribed (true) or gone (false). */
  setOpen(open: boolean): void {
    this.open = open;
    if (open) this.pump();
  }

  /** Settles the frame this ack answers; false when nothing waited for that req_id. */
  ack(ack: BotAck): boolean {
    const reqId = ack.headers.req_id;
    const item = this.inFlight.get(reqId);
    if (!item) return false;
    this.inFlight.delete(reqId);
    item.cancelDeadline();
    const { stats, timers, language } = this.options;
    const cmd = item.frame.cmd;
    if (ack.errcode === 0) {
      stats.acked(cmd, timers.now() - (item.sentAt ?? timers.now()));
      item.resolve(ack);
    } else {
      const error = classifyErrcode({
        errcode: ack.errcode,
        errmsg: ack.errmsg ?? '',
        endpoint: `ws:${cmd}`,
        request: null,
        language,
      });
      stats.failed(cmd, error.code);
      item.reject(error);
    }
    this.pump();
    return true;
  }

  /** The socket dropped: frames on the wire may be lost; frames still queued wait for the next one. */
  connectionLost(): void {
    this.open = false;
    const { stats, language } = this.options;
    for (const item of this.inFlight.values()) {
      item.cancelDeadline();
      stats.failed(item.frame.cmd, 'BOT_CONNECTION_LOST');
      item.reject(new WeComBotConnectionError(item.frame.cmd, 'lost', language));
    }
    this.inFlight.clear();
  }

  /** Fails everything (stopped, taken over, refused). */
  failAll(error: (cmd: string) => WeComError): void {
    this.open = false;
    const items = [...this.inFlight.values(), ...this.queued];
    this.inFlight.clear();
    this.queued = [];
    for (const item of items) {
      item.cancelDeadline();
      const e = error(item.frame.cmd);
      this.options.stats.failed(item.frame.cmd, e.code);
      item.reject(e);
    }
  }

  private remove(item: Item): void {
    const reqId = item.frame.headers.req_id;
    if (this.inFlight.get(reqId) === item) this.inFlight.delete(reqId);
    else this.queued = this.queued.filter((q) => q !== item);
  }

  private pump(): void {
    if (!this.open || this.queued.length === 0) return;
    const { maxInFlight, stats, timers, write } = this.options;
    const waiting: Item[] = [];
    let blocked = false;
    for (const item of this.queued) {
      const reqId = item.frame.headers.req_id;
      if (blocked || this.inFlight.size >= maxInFlight || this.inFlight.has(reqId)) {
        waiting.push(item);
        continue;
      }
      if (!write(item.frame)) {
        // The socket cannot take more now; the next ack or reconnect pumps again.
        blocked = true;
        waiting.push(item);
        continue;
      }
      item.sentAt = timers.now();
      stats.sent(item.frame.cmd);
      this.inFlight.set(reqId, item);
    }
    this.queued = waiting;
  }
}
