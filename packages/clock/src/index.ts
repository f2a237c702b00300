// The one source of "now" for a runtime (main, services, simulator, renderer, tests). Every other
// module takes a `Clock` (or `now: () => number`) and never reads the wall clock itself.
//
// WLD_FAKE_NOW=<ISO instant> pins the start of time: the clock then reads that instant plus the time
// elapsed since this module loaded, so timers, waits and relative times still behave. The renderer
// has no environment: its page clock is pinned by the test (Playwright `page.clock`) and `Date.now`
// is what that controls.

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Reads WLD_FAKE_NOW where a process environment exists; a bad value is refused loudly. */
export function fakeNowFromEnv(env: Record<string, string | undefined> | undefined = processEnv()): number | null {
  const raw = env?.['WLD_FAKE_NOW']?.trim();
  if (!raw) return null;
  const ms = parseInstant(raw);
  if (ms === null) {
    throw new Error(`WLD_FAKE_NOW must be an ISO instant with a time zone, e.g. 2026-12-06T15:50:00Z; got "${raw}"`);
  }
  return ms;
}

/** An ISO 8601 instant with an explicit zone ('Z' or ±hh:mm); anything else is null. */
export function parseInstant(raw: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(raw)) return null;
  const ms = Date.parse(raw);
  return Number.isFinite(ms) ? ms : null;
}

/** A clock that starts at `startMs` and then runs at the speed of the machine's monotonic clock. */
export function startedClock(startMs: number, monotonic: () => number = defaultMonotonic): Clock {
  const t0 = monotonic();
  return { now: () => Math.floor(startMs + (monotonic() - t0)) };
}

/** A clock that moves only when told (tests). */
export interface ManualClock extends Clock {
  set(ms: number): void;
  advance(ms: number): void;
}

export function manualClock(startMs: number): ManualClock {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

function processEnv(): Record<string, string | undefined> | undefined {
  const g = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return g.process?.env;
}

function defaultMonotonic(): number {
  return globalThis.performance.now();
}

function createSystemClock(): Clock {
  const fake = fakeNowFromEnv();
  if (fake !== null) return startedClock(fake);
  // The only read of the wall clock in the project's production code.
  return { now: () => Date.now() };
}

/** This runtime's clock. */
export const systemClock: Clock = createSystemClock();

/** Shorthand for `systemClock.now()`, for defaults of `now` options. */
export const now = (): number => systemClock.now();
