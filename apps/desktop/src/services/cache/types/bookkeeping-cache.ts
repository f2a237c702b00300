// The cache's own bookkeeping: the API call log, sync states and meta values, and maintenance.
import type {
  ApiCallRecord,
  ApiCallSummary,
  CacheInfo,
  ConnectionSettings,
  SyncState,
  SyncStatePatch,
} from './records.ts';
import type { ClearReport } from '../data-classes.ts';
import type { LocalRecordsExport } from '../local-records.ts';

export interface BookkeepingCache {
  // API call log
  /** Appends one call to the log. */
  recordApiCall(call: ApiCallRecord): void;
  /** Appends calls in one transaction (batch them: the runtime flushes every second or so); prunes. */
  recordApiCalls(calls: ApiCallRecord[]): void;
  /** Removes calls beyond the retention limits; returns rows removed. */
  pruneApiCalls(options?: { maxRows?: number; olderThan?: number }): number;
  /** Per-endpoint counts and latency percentiles of calls since `since` (ms). */
  apiCallSummary(since: number): ApiCallSummary;

  // sync state, meta, freshness
  /** The state of a sync scope, or null. */
  getSyncState(scope: string): SyncState | null;
  /** Updates (merges) the state of a sync scope. */
  setSyncState(scope: string, patch: SyncStatePatch): SyncState;
  /** All sync states, optionally those whose scope starts with `prefix`. */
  listSyncStates(prefix?: string): SyncState[];
  /** Last complete fetch per scope: { org, lives, watch, tags } (ms or null). */
  lastSync(): Record<string, number | null>;
  /** A meta value (JSON), or null. */
  getMeta<T = unknown>(key: string): T | null;
  /** Sets a meta value (JSON); null removes it. */
  setMeta(key: string, value: unknown): void;
  /** The newest fetched-at of anything cached (for "offline, data as of …"); null when empty. */
  newestFetchedAt(): number | null;

  // maintenance
  /** Path, bytes on disk (db + wal) and row counts per table. */
  info(): CacheInfo;
  /** Deletes all data, local-only records too, keeps the schema. */
  clear(): void;
  /** "Clear cache": deletes what a sync gives back, keeps local-only records; reports both. */
  clearSyncable(): ClearReport;
  /** The local-only records (message history, app chats, audiences, call log) as one document. */
  exportLocalRecords(): LocalRecordsExport;
  /** Deletes the local-only records (export them first); returns the rows removed per table. */
  clearLocalRecords(): Record<string, number>;
  /** Writes a consistent copy of the whole database to `file` (VACUUM INTO). */
  backupTo(file: string): void;
  /** The connection's pragmas as set at open (for diagnostics and tests). */
  connectionSettings(): ConnectionSettings;
  /** 'ok' or the problems PRAGMA integrity_check (and foreign_key_check) report. */
  integrityCheck(): 'ok' | string[];
  /** Runs `PRAGMA optimize` and a WAL checkpoint, then closes. */
  close(): void;
}
