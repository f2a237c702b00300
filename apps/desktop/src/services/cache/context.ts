// What every cache module shares: the connection, a statement cache, the clock, data-set times.
import type Database from 'better-sqlite3';
import { guardConnection } from './connection-guard.ts';
import { createContinuedTransaction, type ContinuedTransaction } from './continued-transaction.ts';
import { createWalCheckpointer } from './wal-checkpointer.ts';

export type DatasetName = 'org' | 'tags' | 'lives' | 'watch' | 'appchats';

export interface ResolvedCacheOptions {
  now: () => number;
  apiCallsMaxRows: number;
  apiCallsMaxAgeMs: number;
  searchDriveLimit: number;
  pendingWatchPagesMs: number;
  pendingWatchRows: number;
  log: (level: 'info' | 'warn', message: string) => void;
}

export interface CacheContext {
  readonly db: Database.Database;
  readonly path: string;
  readonly options: ResolvedCacheOptions;
  now(): number;
  /** A prepared statement, prepared once per SQL text. */
  stmt(sql: string): Database.Statement;
  /** Runs `fn` in a transaction (a savepoint when already inside one). */
  tx<T>(fn: () => T): T;
  /** The write transaction watch ingest keeps open across pages; any other write commits it first. */
  readonly continued: ContinuedTransaction;
  /** Records that a data set was written at `at` (keeps the newest). */
  touchDataset(name: DatasetName, at: number): void;
  /** Newest write time of a data set, or null. */
  datasetAt(name: DatasetName): number | null;
  getMeta<T>(key: string): T | null;
  setMeta(key: string, value: unknown): void;
}

export function createContext(
  db: Database.Database,
  path: string,
  options: ResolvedCacheOptions,
): CacheContext {
  const checkpointer = createWalCheckpointer(path, inlineCheckpoints(db), {
    onFailure: (reason) => options.log('warn', `the WAL checkpoint thread failed (${reason}); checkpoints run on the services' thread`),
  });
  const continued = createContinuedTransaction(
    db,
    db.prepare.bind(db),
    { maxOpenMs: options.pendingWatchPagesMs, maxOpenRows: options.pendingWatchRows },
    () => checkpointer.request(),
  );
  guardConnection(db, continued, checkpointer);
  const statements = new Map<string, Database.Statement>();
  const stmt = (sql: string): Database.Statement => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  return {
    db,
    path,
    options,
    now: options.now,
    stmt,
    tx: (fn) => db.transaction(fn)(),
    continued,
    touchDataset(name, at) {
      stmt(
        `INSERT INTO datasets (name, fetched_at) VALUES (?, ?)
         ON CONFLICT(name) DO UPDATE SET fetched_at = max(fetched_at, excluded.fetched_at)`,
      ).run(name, at);
    },
    datasetAt(name) {
      const row = stmt('SELECT fetched_at FROM datasets WHERE name = ?').get(name) as
        { fetched_at: number } | undefined;
      return row?.fetched_at ?? null;
    },
    getMeta<T>(key: string) {
      const row = stmt('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as T) : null;
    },
    setMeta(key, value) {
      if (value === null || value === undefined) stmt('DELETE FROM meta WHERE key = ?').run(key);
      else stmt('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, JSON.stringify(value));
    },
  };
}

/**
 * Requested checkpoints on the connection's own thread, where no checkpoint thread runs: each in a
 * task of its own after the request (so it never lengthens the commit before it), one for requests
 * that come together.
 */
function inlineCheckpoints(db: Database.Database): () => void {
  // the connection's own pragma, not the guarded one (which would commit the continued transaction)
  const pragma = db.pragma.bind(db);
  let due: ReturnType<typeof setImmediate> | undefined;
  return () => {
    if (due) return;
    due = setImmediate(() => {
      due = undefined;
      // inside a transaction (other pages came meanwhile) it cannot run: a later one copies what is left
      if (db.open && !db.inTransaction) pragma('wal_checkpoint(PASSIVE)');
    });
    due.unref?.();
  };
}

/** Splits rows into chunks so one transaction never holds the write lock for too long. */
export function* chunks<T>(rows: readonly T[], size: number): Generator<readonly T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

/** 0/1 flags and optional numbers from WeCom JSON, tolerant of strings ("1"). */
export const int = (value: unknown, fallback: number): number => {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
};
export const intOrNull = (value: unknown): number | null => {
  const n = int(value, NaN);
  return Number.isNaN(n) ? null : n;
};
export const textOrNull = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
