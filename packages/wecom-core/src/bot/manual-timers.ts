// Timers that move only when told: advance(ms) runs every due callback in time order.
import type { BotTimers, CancelTimer } from './timers.ts';

interface Entry {
  at: number;
  seq: number;
  fn: () => void;
}

export class ManualTimers implements BotTimers {
  private time: number;
  private seq = 0;
  private entries: Entry[] = [];

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): CancelTimer {
    const entry: Entry = { at: this.time + Math.max(0, ms), seq: this.seq++, fn };
    this.entries.push(entry);
    return () => {
      this.entries = this.entries.filter((e) => e !== entry);
    };
  }

  /** Pending callbacks. */
  get pending(): number {
    return this.entries.length;
  }

  /** Moves the clock forward by ms, running callbacks that fall due (including ones they schedule). */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      this.entries = this.entries.filter((e) => e !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = end;
  }

  private nextDue(end: number): Entry | undefined {
    let best: Entry | undefined;
    for (const e of this.entries) {
      if (e.at > end) continue;
      if (!best || e.at < best.at || (e.at === best.at && e.seq < best.seq)) best = e;
    }
    return best;
  }
}
