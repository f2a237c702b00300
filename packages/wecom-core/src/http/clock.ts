// Time as the pipeline sees it. Tests inject a clock (for TTLs, token expiry and rate-limit windows);
// sleep must honour an AbortSignal and leave no timer behind once it settles.
import { setTimeout as delay } from 'node:timers/promises';
import { systemClock as runtimeClock } from '@wld/clock';

export interface Clock {
  now(): number;
  /** Resolves after ms; rejects with the signal's reason when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => runtimeClock.now(),
  sleep: (ms, signal) => delay(Math.max(0, ms), undefined, signal ? { signal } : undefined),
};

export function makeClock(now?: () => number, sleep?: (ms: number, signal?: AbortSignal) => Promise<void>): Clock {
  return { now: now ?? systemClock.now, sleep: sleep ?? systemClock.sleep };
}
