// The SQLite cache of the services process: its public interface, wire input shapes and read results.
// Inputs are WeCom wire shapes (snake_case, as WeCom's JSON); reads are shaped for the renderer
// contract (camelCase, src/shared/models.ts) minus `stale`, which the handler adds from the TTL.
// Times: `fetchedAt`, `now`, `at` are ms since epoch; live times (living_start…) are unix seconds.
import type { z } from 'zod';
import type { ClearReport } from './data-classes.ts';
import type { LocalRecordsExport } from './local-records.ts';
import type { MethodOutput, servicesContract } from '../../shared/contract.ts';
import type { Audience, SendResult, Recipients, SentMessage, AppChat } from '../../shared/models.ts';

/** A read result without `stale` (the handler adds it from the TTL and `asOf`). */
export type Fresh<T> = Omit<T, 'stale'>;
type Input<M extends keyof typeof servicesContract> = z.output<(typeof servicesContract)[M]['input']>;

// ─── wire inputs (minimal, compatible with WeCom's JSON) ─────────────────────────────────────────

export interface WireUser {
  userid: string;
  name?: string;
  /** Department ids; when present the user's department links are replaced by these. */
  department?: number[];
  /** Sort order inside each department, parallel to `department`. */
  order?: number[];
  is_leader_in_dept?: number[];
  position?: string;
  /** 1 activated, 2 disabled, 4 not activated, 5 left; missing → 1 */
  status?: number;
  main_department?: number;
  alias?: string;
  email?: string;
  biz_mail?: string;
  mobile?: string;
}

export interface WireDepartment {
  id: number;
  name?: string;
  name_en?: string;
  parentid: number;
  order?: number;
  department_leader?: string[];
}

/** One (user, department) link, as user/list_id's `dept_user[]`. */
export interface WireDeptUser {
  userid: string;
  department: number;
}

/** What a full org sync fetches completely: only these are swept at its end. */
export type OrgSyncPart = 'departments' | 'users' | 'tags';

export interface WireTag {
  tagid: number;
  tagname: string;
}

/** tag/get members: `userlist[]{userid,name}` (or plain userids) and `partylist[]`. */
export interface WireTagMembers {
  userlist?: Array<{ userid: string; name?: string } | string>;
  partylist?: number[];
}

/** get_living_info's `living_info` plus its livingid (and remind_time, known from create/modify). */
export interface WireLivingInfo {
  livingid: string;
  theme: string;
  living_start: number;
  living_duration: number;
  status: number;
  anchor_userid: string;
  reserve_start?: number;
  reserve_living_duration?: number;
  description?: string;
  main_department?: number;
  viewer_num?: number;
  comment_num?: number;
  mic_num?: number;
  open_replay?: number;
  replay_status?: number;
  type?: number;
  push_stream_url?: string;
  online_count?: number;
  subscribe_count?: number;
  /** Not in living_info: set when known (create/modify); kept when absent. */
  remind_time?: number;
}

export interface WireWatchUser {
  userid: string;
  watch_time: number;
  is_comment?: number;
  is_mic?: number;
  invitor_userid?: string;
  invitor_external_userid?: string;
}

export interface WireWatchExternalUser {
  external_userid: string;
  /** 1 WeChat user, 2 WeCom user of another corp */
  type?: number;
  name?: string;
  watch_time: number;
  is_comment?: number;
  is_mic?: number;
  invitor_userid?: string;
  invitor_external_userid?: string;
}

/** get_watch_stat's `stat_info`. */
export interface WireWatchPage {
  users?: WireWatchUser[];
  external_users?: WireWatchExternalUser[];
}

// ─── other inputs ────────────────────────────────────────────────────────────────────────────────

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
  rows: Record<string, number>;
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

// ─── read inputs and results ────────────────────────────────────────────────────────────────────

export type UserSearchQuery = Partial<Input<'users.search'>>;
export type LiveListFilter = Partial<Input<'lives.list'>>;
export type WatchStatsQuery = Partial<Input<'lives.watchStats'>> & { livingid: string };
export type StatsOverviewQuery = Input<'stats.overview'> & {
  /** offset of local time from UTC used for day and week boundaries; default: this machine's */
  utcOffsetSeconds?: number;
};

export type DepartmentsResult = Fresh<MethodOutput<'org.departments'>>;
export type UserSearchResult = Fresh<MethodOutput<'users.search'>>;
export type UserDetailResult = Fresh<MethodOutput<'users.get'>>;
export type TagsResult = Fresh<MethodOutput<'tags.list'>>;
export type TagMembersResult = Fresh<MethodOutput<'tags.members'>>;
export type LivesResult = Fresh<MethodOutput<'lives.list'>>;
export type LiveDetailResult = Fresh<MethodOutput<'lives.get'>>;
export type LivesNowResult = Fresh<MethodOutput<'lives.now'>>;
export type WatchStatsResult = Fresh<MethodOutput<'lives.watchStats'>>;
export type LiveAnalyticsResult = Fresh<MethodOutput<'lives.analytics'>>;
export type AbsenteesResult = Fresh<MethodOutput<'lives.absentees'>>;
export type HomeStatsResult = Fresh<MethodOutput<'stats.home'>>;
export type StatsOverviewResult = Fresh<MethodOutput<'stats.overview'>>;

export interface CacheOptions {
  /** ms to wait on a locked database (default 5000) */
  busyTimeoutMs?: number;
  /** page cache size in KiB (default 65536 = 64 MiB; SQLite allocates it only as pages are used) */
  cacheSizeKiB?: number;
  /** memory-mapped I/O window in MiB (default 256; 0 turns it off) */
  mmapSizeMiB?: number;
  /** clock for fetched-at defaults and pruning (default Date.now) */
  now?: () => number;
  /** api_calls pruning: keep at most this many rows (default 200,000) … */
  apiCallsMaxRows?: number;
  /** … and none older than this many ms (default 30 days) */
  apiCallsMaxAgeMs?: number;
  /** user search: a filter matching up to this many users drives the query, else the sort index is walked (default 3000) */
  searchDriveLimit?: number;
}

// ─── the cache ──────────────────────────────────────────────────────────────────────────────────

export interface Cache {
  /** Absolute path of the database file. */
  readonly path: string;
  /** Schema version after migrations (PRAGMA user_version). */
  readonly schemaVersion: number;

  // org: writes
  /**
   * Starts a full org sync of the parts named in `include` (default all three); rows written until
   * finishOrgSync are stamped with the returned generation.
   */
  beginOrgSync(options?: { include?: OrgSyncPart[] }): number;
  /** Ends a full org sync: removes users, departments, links, tags not seen in `generation`, in one transaction, and recomputes counts. */
  finishOrgSync(generation: number, fetchedAt?: number): { removed: Record<string, number> };
  /**
   * The same end of a full org sync in short transactions, one per step: yield to the event loop
   * between steps. Removes rows in chunks, then marks the sync complete, then recomputes the
   * aggregates; a crash part-way leaves whole rows, the sync unfinished and the aggregates dirty.
   */
  finishOrgSyncInSteps(generation: number, fetchedAt?: number): Generator<void, { removed: Record<string, number> }>;
  /** Abandons a full org sync without removing anything (a later full sync sweeps). */
  abortOrgSync(generation: number): void;
  /** Upserts departments (chunked, idempotent). */
  upsertDepartments(rows: WireDepartment[], fetchedAt?: number): void;
  /** Upserts users; a row carrying `department` replaces that user's department links. */
  upsertUsers(rows: WireUser[], fetchedAt?: number): void;
  /** Replaces the department links of every user named in `rows` (user/list_id's dept_user). */
  replaceUserDepartmentLinks(rows: WireDeptUser[], fetchedAt?: number): void;
  /** Removes users by userid (e.g. after 60111). */
  deleteUsers(userids: string[]): number;
  /** Upserts tags (tag/list). */
  upsertTags(rows: WireTag[], fetchedAt?: number): void;
  /** Replaces a tag's members (tag/get). */
  replaceTagMembers(tagid: number, members: WireTagMembers, fetchedAt?: number): void;
  /** Recomputes department closure, members, counts, divisions and tag member counts now (else lazily on the next read). */
  recomputeOrgAggregates(): void;

  // org: reads
  /** All departments with direct and recursive (distinct) user counts. */
  departments(): DepartmentsResult;
  /** FTS user search with department, status filters, sort and paging. */
  searchUsers(query: UserSearchQuery): UserSearchResult;
  /** One user with department names, tags and lives watched; null when unknown. */
  getUser(userid: string): UserDetailResult | null;
  /** Users by userid (unknown ids are left out), in the order given. */
  usersByIds(userids: string[]): UserSearchResult['rows'];
  /** Tags with member counts (users plus users of member departments, distinct). */
  tags(): TagsResult;
  /** A tag's users and departments; null when the tag is unknown. */
  tagMembers(tagid: number): TagMembersResult | null;

  // lives
  /** Upserts lives (living_info + livingid); changes of duration mark summaries dirty. */
  upsertLives(rows: WireLivingInfo[], fetchedAt?: number): void;
  /** Removes lives and their watch rows, audience and summaries. */
  deleteLives(livingids: string[]): number;
  /** Stores the audience picked when scheduling (WeCom keeps none). */
  setLiveAudience(livingid: string, audience: Audience | null): void;
  /** The stored audience, or null. */
  getLiveAudience(livingid: string): Audience | null;
  /** Lives filtered by start range, status, anchor, type and a theme/livingid query, newest first. */
  listLives(filter: LiveListFilter): LivesResult;
  /** One live with its audience; null when unknown. */
  getLive(livingid: string): LiveDetailResult | null;
  /** Lives live now (status 1) and reserved ones starting within `horizonSeconds` of `now` (ms). */
  livesNow(now: number, horizonSeconds: number): LivesNowResult;
  /** Distinct anchors of cached lives (for the lives sync). */
  knownAnchors(): string[];
  /** Livingids whose watch stats should be (re)fetched: living now, running fetches, ended lives not complete. */
  pendingWatchSyncs(): string[];

  // watch stats: writes
  /** The stored paging cursor of a live's watch stats, with the pages and rows of a running fetch. */
  watchCursor(livingid: string): WatchCursor;
  /** Starts (or resumes, unless `restart`) fetching a live's watch stats; returns the next_key to request. */
  beginWatch(livingid: string, options?: { restart?: boolean }): { nextKey: string; resumed: boolean };
  /**
   * Stores one get_watch_stat page AND the cursor in one transaction. `fromKey` (the next_key the
   * page was requested with) guards against applying a page twice or out of order. `ending: 1`
   * finishes the fetch in the same transaction: the fetch's pages are merged into the watch rows,
   * rows it no longer reports are removed and the live's summaries recomputed. Until then readers
   * see the previous complete fetch.
   */
  appendWatchPage(
    livingid: string,
    page: WireWatchPage,
    paging: { nextKey: string; ending: number | boolean; fromKey?: string },
    fetchedAt?: number,
  ): { rows: number; finished: boolean };
  /** Ends a running fetch as if its last page said ending = 1 (idempotent; a live without stats ends empty). */
  finishWatch(livingid: string, fetchedAt?: number): void;

  // watch stats and dashboards: reads
  /** One page of a live's viewers from its last complete fetch (`complete` false: none yet). */
  watchStats(query: WatchStatsQuery): WatchStatsResult;
  /** Aggregates for one live's charts (by department: the viewers' departments when fetched); null when the live is unknown. */
  liveAnalytics(livingid: string): LiveAnalyticsResult | null;
  /** Audience members (expanded; not disabled or departed) without a watch row, grouped by main department. */
  absentees(livingid: string): AbsenteesResult;
  /** Home page: lives now, next reserved, last-30-days totals, last sync per scope. */
  homeStats(now: number): HomeStatsResult;
  /**
   * Statistics across lives held (status 1, 2) that started in [from, to] (unix s), filtered by
   * anchor, type and the live's main department (subtree); completion by division.
   */
  statsOverview(query: StatsOverviewQuery): StatsOverviewResult;

  // messages
  /** Records a sent message; returns its id. */
  recordSentMessage(message: NewSentMessage): number;
  /** Marks a message recalled; false when the msgid is unknown. */
  markRecalled(msgid: string, at?: number): boolean;
  /** Sent messages, newest first. */
  sentMessages(page: { offset?: number; limit?: number }): { total: number; rows: SentMessage[] };
  /** One sent message by id, or null. */
  getSentMessage(id: number): SentMessage | null;

  // app group chats
  /** Inserts or replaces a chat and its members. */
  upsertAppChat(chat: AppChatInput, fetchedAt?: number): AppChat;
  /** Applies an appchat/update change; null when the chat is unknown. */
  updateAppChat(chatid: string, change: AppChatChange, fetchedAt?: number): AppChat | null;
  /** Removes a chat from the cache. */
  deleteAppChat(chatid: string): boolean;
  /** All chats, by name. */
  listAppChats(): AppChat[];
  /** One chat, or null. */
  getAppChat(chatid: string): AppChat | null;

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
