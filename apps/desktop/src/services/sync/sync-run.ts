// What one sync part (org, lives, watch) gets to work with.
import { WeComApiError, type WeComClient } from '@wld/wecom-core';
import type { Cache } from '../cache/index.ts';
import type { Language } from '../i18n.ts';

export interface SyncRun {
  client: WeComClient;
  cache: Cache;
  signal: AbortSignal;
  /** True when the profile has a contacts-sync secret (user/list_id becomes available). */
  hasContactsSecret: boolean;
  /** Reports progress of the current phase; cheap to call often (the engine throttles events). */
  progress(phase: string, done: number, total: number | null): void;
  now(): number;
  options: SyncTuning;
  /** Waits (backoff, rate-limit windows); injected so tests never wait on the wall clock. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Tells the user why the job waits or retries (null: working normally again). */
  status(note: SyncNote | null): void;
  /** Retries this job may still spend across all its units. */
  budget: RetryBudget;
  /** When the job started (ms, the run's clock): rate-limit waits end within `maxJobMs` of it. */
  startedAt: number;
  language: Language;
}

export interface SyncNote {
  /** Machine code, e.g. 'WAIT_RATE_LIMIT', 'RETRYING'. */
  code: string;
  /** What the renderer's sentence for the code needs (common: sync.note.*). */
  params?: Record<string, string | number>;
  /** Plain English, for logs and tests. */
  message: string;
  /** When a wait ends (ms), for waits. */
  until: number | null;
}

export interface RetryBudget {
  used: number;
  readonly max: number;
}

export interface SyncTuning {
  /** Parallel WeCom reads per part; the wecom-core limiter still bounds what goes on the wire. */
  concurrency: number;
  /**
   * Lives whose watch stats are fetched side by side, each a chain of pages (one request in flight
   * per chain); the limiter still bounds the calls per minute and in flight.
   */
  watchConcurrency: number;
  /** Users asked for their lives per lives sync, beyond the anchors already known (rolling window). */
  anchorDiscoveryBatch: number;
  /** Extra anchors always asked (e.g. the people who usually host lives). */
  extraAnchors: string[];
  /** Retries one job may spend over all its units (departments, pages, lives). */
  retryBudget: number;
  /** Attempts of one unit before the job reports it (rate-limit waits are not counted). */
  unitAttempts: number;
  /** A page in an unexpected shape is fetched again this often before it is reported. */
  shapeRetries: number;
  /** Backoff between unit attempts: base and cap (ms), full jitter. */
  unitBackoffMs: { base: number; cap: number };
  /** Longest a job may run, rate-limit waits included, before it gives up (ms); covers WeCom's day window. */
  maxJobMs: number;
  /**
   * Share of get_user_all_livingid's hourly quota (the client's quota for that API) that the sweep
   * of members who are not known anchors may use: calls accrue with the time since the last sweep,
   * at most one hour's share per sync. Known and configured anchors are always asked.
   */
  discoveryQuotaShare: number;
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  concurrency: 8,
  watchConcurrency: 32,
  anchorDiscoveryBatch: 2_000,
  extraAnchors: [],
  retryBudget: 500,
  unitAttempts: 12,
  shapeRetries: 6,
  unitBackoffMs: { base: 500, cap: 30_000 },
  maxJobMs: 26 * 3600_000,
  discoveryQuotaShare: 0.01,
};

export const background = (run: SyncRun) => ({ priority: 'background' as const, signal: run.signal });

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted)
    throw signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
}

/**
 * Lets the event loop breathe between synchronous chunks (SQLite writes, big pages), so calls from
 * the windows are answered while a sync runs.
 */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * WeCom refused one item (a member who left, a live this app may not see or that no longer
 * exists): skip that item. Anything else (network, rate limit, bad secret) stops the sync.
 */
export function isItemError(error: unknown): boolean {
  return error instanceof WeComApiError && (error.category === 'client' || error.category === 'permission');
}
