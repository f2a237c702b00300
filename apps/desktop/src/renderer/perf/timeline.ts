// User Timing entries of the main window's start-up path (module loading, the services hop, the first
// queries, the page chunks), read by the start-up benchmark (bench/renderer). Recorded only when
// localStorage `wld.perf` is '1', which the benchmark sets; nothing here ever logs.
import type { CallTiming } from '../../shared/rpc.ts';

export const TIMELINE_FLAG = 'wld.perf';

function flagSet(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(TIMELINE_FLAG) === '1';
  } catch {
    return false;
  }
}

/** Read once: the flag decides for the whole life of the page. */
export const timelineEnabled = flagSet();

export function mark(name: string): void {
  if (timelineEnabled) performance.mark(name);
}

/** A span from `start` (performance.now()) until now. */
export function measureSince(name: string, start: number, detail?: unknown): void {
  if (timelineEnabled) performance.measure(name, { start, end: performance.now(), detail });
}

/** A services call's round trip, with the services' queue and handler time as its detail. */
export function recordCall(timing: CallTiming): void {
  performance.measure(`wld:rpc:${timing.method}`, {
    start: timing.sentAt,
    end: timing.answeredAt,
    detail: {
      ok: timing.ok,
      queuedMs: timing.services?.queuedMs ?? null,
      runMs: timing.services?.runMs ?? null,
    },
  });
}

/** Wraps a lazy import so its load (fetch, compile, evaluation) shows as `wld:chunk:<name>`. */
export function timedImport<T>(name: string, load: () => Promise<T>): () => Promise<T> {
  return () => {
    if (!timelineEnabled) return load();
    const start = performance.now();
    return load().finally(() => measureSince(`wld:chunk:${name}`, start));
  };
}
