// Renders the component again when the clock reaches the nearest of the given instants (ms). A label
// decided from "now" at render (a reminder's time has passed, a live has begun) then changes at that
// moment, not at the next unrelated render. Instants already past or null are ignored.
import { useEffect, useReducer } from 'react';
import dayjs from 'dayjs';
import { now } from '@wld/clock';

/** setTimeout's longest delay; a later instant is reached in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export function useRerenderAt(...instants: ReadonlyArray<number | null>): void {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const current = now();
  const next = instants.reduce<number | null>((soonest, at) => (at !== null && at > current && (soonest === null || at < soonest) ? at : soonest), null);
  useEffect(() => {
    if (next === null) return;
    // one millisecond past the instant, so that `at <= now()` holds at the new render
    const timer = setTimeout(rerender, Math.min(MAX_DELAY_MS, next - now() + 1));
    return () => clearTimeout(timer);
  }, [next]);
}

/** Renders the component again at the next local midnight: a view that marks "today". */
export function useRerenderAtMidnight(): void {
  useRerenderAt(dayjs(now()).add(1, 'day').startOf('day').valueOf());
}
