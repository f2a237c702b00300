// A clock that jumps instead of waiting: a sleep moves time to its end at once. Parallel sleeps do
// not add up (time moves to the latest end), so a one-minute window costs a minute of virtual time
// and no wall time.
import { systemClock } from '@wld/clock';
export interface VirtualClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Virtual ms elapsed since the clock was made. */
  elapsed(): number;
}

export function virtualClock(start = systemClock.now()): VirtualClock {
  let time = start;
  return {
    now: () => time,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      time = Math.max(time, time + Math.max(0, ms));
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (signal?.aborted) throw signal.reason;
    },
    elapsed: () => time - start,
  };
}
