// Time as the bot connection sees it: heartbeats, ack deadlines and reconnect delays all go through
// this, so tests drive them by hand (ManualTimers) and never wait for real time.
import { systemClock } from '@wld/clock';

export type CancelTimer = () => void;

export interface BotTimers {
  now(): number;
  /** Runs fn once after ms; the returned function cancels it. */
  after(ms: number, fn: () => void): CancelTimer;
}

export const systemBotTimers: BotTimers = {
  now: () => systemClock.now(),
  after(ms, fn) {
    const handle = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
};
