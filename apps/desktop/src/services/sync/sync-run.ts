// What one sync part (org, lives, watch) gets to work with.
import { WeComApiError, type WeComClient } from '@wld/wecom-core';
import type { Cache } from '../cache/index.ts';

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
}

export interface SyncTuning {
  /** Parallel WeCom reads per part; the wecom-core limiter still bounds what goes on the wire. */
  concurrency: number;
  /** Users asked for their lives per lives sync, beyond the anchors already known (rolling window). */
  anchorDiscoveryBatch: number;
  /** Extra anchors always asked (e.g. the people who usually host lives). */
  extraAnchors: string[];
}

export const DEFAULT_SYNC_TUNING: SyncTuning = {
  concurrency: 8,
  anchorDiscoveryBatch: 2_000,
  extraAnchors: [],
};

export const background = (run: SyncRun) => ({ priority: 'background' as const, signal: run.signal });

export function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
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
