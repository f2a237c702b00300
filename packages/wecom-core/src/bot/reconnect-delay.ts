// Reconnect backoff: 1 s, 2 s, 4 s … capped at 30 s, each shortened by up to `jitter` (a fraction) at
// random so that many desks that lost WeCom together do not come back in the same instant.

export interface ReconnectBackoff {
  baseMs: number;
  capMs: number;
  /** 0..1: the share of the delay that is random. */
  jitter: number;
}

export const DEFAULT_RECONNECT_BACKOFF: ReconnectBackoff = { baseMs: 1_000, capMs: 30_000, jitter: 0.2 };

/** attempt counts from 1. */
export function reconnectDelay(attempt: number, backoff: ReconnectBackoff, random: () => number): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (1 - backoff.jitter * random()));
}
