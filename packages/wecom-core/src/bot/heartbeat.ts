// The heartbeat: a ping every intervalMs; each ack clears the count of unanswered pings. When the
// count has reached maxMissed at the next tick, the connection is dead (WeCom: two missed acks).
import type { BotTimers, CancelTimer } from './timers.ts';

export interface HeartbeatOptions {
  timers: BotTimers;
  intervalMs: number;
  maxMissed: number;
  sendPing: () => void;
  onMissed: () => void;
  onDead: () => void;
}

export class Heartbeat {
  private unanswered = 0;
  private cancel: CancelTimer | null = null;

  private readonly options: HeartbeatOptions;

  constructor(options: HeartbeatOptions) {
    this.options = options;
  }

  start(): void {
    this.stop();
    this.unanswered = 0;
    this.schedule();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  acked(): void {
    this.unanswered = 0;
  }

  private schedule(): void {
    this.cancel = this.options.timers.after(this.options.intervalMs, () => this.tick());
  }

  private tick(): void {
    this.cancel = null;
    if (this.unanswered > 0) this.options.onMissed();
    if (this.unanswered >= this.options.maxMissed) {
      this.options.onDead();
      return;
    }
    this.unanswered++;
    this.options.sendPing();
    this.schedule();
  }
}
