// How the cache is opened: SQLite tuning, its clock and the API-call log's retention.

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
  /**
   * Watch pages are committed together at most this many ms after the first of them was written
   * (default 1000), and before any other write: a crash loses at most that much of a fetch, which
   * goes on from its last committed page.
   */
  pendingWatchPagesMs?: number;
  /**
   * …and once they hold this many rows (default 20,000): a commit writes every page the rows
   * touched, so a bound on rows is a bound on how long one commit holds the thread.
   */
  pendingWatchRows?: number;
  /** Where the cache tells the services' log what they should know (its checkpoint worker failing). */
  log?: (level: 'info' | 'warn', message: string) => void;
}
