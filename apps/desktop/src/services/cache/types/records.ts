// What the cache stores and reports besides WeCom's shapes: sent messages, chats, API calls, sync
// state, watch cursors and diagnostics.
import type { Recipients, SendResult } from '../../../shared/models.ts';

export interface ApiCallRecord {
  endpoint: string;
  /** start of the call, ms */
  at: number;
  durationMs: number;
  /** WeCom errcode; null for network errors */
  errcode: number | null;
  attempts: number;
  /** short error text (never a token or secret) */
  error?: string | null;
}

export interface NewSentMessage {
  msgid: string | null;
  msgtype: string;
  summary: string;
  recipients: Recipients;
  sentAt: number;
  result: SendResult;
  /** 'live-invite' | 'absentee-reminder' | 'manual' */
  origin: string;
  /** the request body as sent, for the record (optional) */
  body?: unknown;
}

export interface AppChatInput {
  chatid: string;
  name: string;
  owner: string;
  userlist: string[];
}

export interface AppChatChange {
  name?: string;
  owner?: string;
  addUsers?: string[];
  removeUsers?: string[];
}

/** Progress of a resumable sync scope, e.g. 'org', 'lives', 'watch:<livingid>'. */
export interface SyncState {
  scope: string;
  /** 'idle' | 'running' | 'done' | 'failed' | 'cancelled' */
  status: string;
  /** paging cursor / next_key to resume from; null when none */
  cursor: string | null;
  /** when the scope's data was last completely fetched (ms); null when never */
  fetchedAt: number | null;
  phase: string | null;
  done: number;
  total: number | null;
  /** free-form JSON the sync engine keeps with the scope */
  data: unknown;
  updatedAt: number;
}
export type SyncStatePatch = Partial<Omit<SyncState, 'scope' | 'updatedAt'>>;

export interface WatchCursor {
  livingid: string;
  /** 'none' (never fetched) | 'running' (resume from nextKey) | 'done' */
  status: 'none' | 'running' | 'done';
  /** the next_key to request ('0' unless running) */
  nextKey: string;
  /** pages and rows stored by the running (or last) fetch */
  pages: number;
  rows: number;
  /** when the last complete fetch ended (ms); null when none */
  fetchedAt: number | null;
}

export interface ConnectionSettings {
  journalMode: string;
  /** 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA */
  synchronous: number;
  foreignKeys: boolean;
  busyTimeoutMs: number;
  /** negative: KiB; positive: pages */
  cacheSize: number;
}

export interface CacheInfo {
  path: string;
  bytes: number;
  /** Rows per table: the re-syncable ones and every local-only one. */
  rows: Record<string, number>;
  /** The tables of `rows` that only this PC has (LOCAL_ONLY_TABLES): "Clear the cache" keeps them. */
  localOnly: string[];
}

export interface ApiCallSummary {
  total: number;
  errors: number;
  endpoints: Array<{
    endpoint: string;
    calls: number;
    errors: number;
    p50: number;
    p95: number;
    p99: number;
  }>;
  lastErrors: Array<{ at: number; endpoint: string; errcode: number | null; message: string }>;
}
