// One write transaction kept open across many small writes of one kind (the pages of watch-stat
// fetches), so the pages of the table and its watch-time index they touch are written to the WAL
// once, when it commits, instead of at every small write's commit: a 100k-viewer fetch lands all
// over the live's key range and index, and a commit per 500-row page wrote most of them again
// each time (and nested savepoints copied them to a statement journal).
// It commits before any other write on the connection (connection-guard.ts), once it has been
// open `maxOpenMs` (a timer, or the next write into it when the caller never lets the timer run),
// once it holds `maxOpenRows` rows (in a task of its own right after that write, or before the
// next write), and when its owner or close says so. The row bound keeps each commit short: a
// commit writes every page the transaction dirtied, and 100k rows at once held the thread ~60 ms.
// It is whole: every write in it carries the cursor that matches it, so when a write in it fails
// all of it is rolled back, the stored state is the last commit's (the fetches resume from there)
// and `onRollback` listeners drop what they kept in memory about it.
import type Database from 'better-sqlite3';

export interface ContinuedTransaction {
  /**
   * Runs `fn` inside the continued transaction (opening it if needed); a throw rolls all of it
   * back. `rows`: how many rows `fn` writes, counted towards the commit's row bound.
   */
  run<T>(fn: () => T, rows?: number): T;
  /**
   * Commits the continued transaction if one is open (a no-op inside `run`); true when it did.
   * `checkpoint: false` leaves the WAL's checkpoint (copying the commit into the database file)
   * to a later `checkpoint()`, which runs on a thread of its own.
   */
  settle(options?: { checkpoint?: boolean }): boolean;
  /**
   * Copies what the WAL holds into the database file, without waiting on readers (PASSIVE), on the
   * checkpoint thread (wal-checkpointer.ts): this returns at once.
   */
  checkpoint(): void;
  /**
   * Runs `fn` (which commits) with the WAL's automatic checkpoint off, so a caller can run the
   * checkpoint as a step of its own: while a reader keeps the WAL from restarting, the automatic
   * one ran in the commit of a merge's switch and made it 12–20 ms longer.
   */
  withoutCheckpoint<T>(fn: () => T): T;
  /** Called after the continued transaction was rolled back. */
  onRollback(listener: () => void): void;
  /**
   * A statement for writes that run inside `run` (or a transaction): it does not commit the
   * continued transaction first, as the connection's other statements do.
   */
  prepare(sql: string): Database.Statement;
}

export function createContinuedTransaction(
  db: Database.Database,
  prepare: (sql: string) => Database.Statement,
  bounds: { maxOpenMs: number; maxOpenRows: number },
  checkpoint: () => void,
): ContinuedTransaction {
  const { maxOpenMs, maxOpenRows } = bounds;
  const begin = prepare('BEGIN');
  const commit = prepare('COMMIT');
  const rollback = prepare('ROLLBACK');
  // the connection's own pragma, not the guarded one (which would settle first)
  const pragma = db.pragma.bind(db);
  const listeners: Array<() => void> = [];
  let open = false;
  let depth = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let soon: ReturnType<typeof setImmediate> | undefined;
  /** When it opened, on the monotonic clock: a duration, not a time of day. */
  let openedAt = 0;
  /** Rows written into it since it opened. */
  let rowsWritten = 0;

  const close = () => {
    open = false;
    clearTimeout(timer);
    timer = undefined;
    clearImmediate(soon);
    soon = undefined;
    rowsWritten = 0;
  };

  const abandon = () => {
    close();
    if (db.inTransaction) rollback.run();
    for (const listener of listeners) listener();
  };

  const withoutCheckpoint = <T>(fn: () => T): T => {
    const every = pragma('wal_autocheckpoint', { simple: true }) as number;
    pragma('wal_autocheckpoint = 0');
    try {
      return fn();
    } finally {
      pragma(`wal_autocheckpoint = ${every}`);
    }
  };

  const commitOpen = (): boolean => {
    try {
      commit.run();
      close();
      return true;
    } catch (error) {
      abandon();
      throw error;
    }
  };

  const settle = (options: { checkpoint?: boolean } = {}): boolean => {
    if (!open || depth > 0) return false;
    return options.checkpoint === false ? withoutCheckpoint(commitOpen) : commitOpen();
  };

  /**
   * A commit the caller's event loop runs between its writes; the WAL's checkpoint after it runs on
   * its own thread (or in a task of its own): the commit alone holds the services' thread half as
   * long as the two together.
   */
  const settleQuietly = () => {
    try {
      if (settle({ checkpoint: false })) checkpoint();
    } catch {
      // rolled back: the fetches see their stored cursors and resume from there
    }
  };

  const due = () => rowsWritten >= maxOpenRows || performance.now() - openedAt >= maxOpenMs;

  return {
    run<T>(fn: () => T, rows = 0): T {
      if (open && depth === 0 && due()) settle();
      if (!open) {
        // another transaction is open (a caller's ctx.tx): write inside it as a plain nested part
        if (db.inTransaction) return fn();
        begin.run();
        open = true;
        openedAt = performance.now();
        timer = setTimeout(settleQuietly, maxOpenMs);
        timer.unref?.();
      }
      depth++;
      let result: T;
      try {
        result = fn();
      } catch (error) {
        abandon();
        throw error;
      } finally {
        depth--;
      }
      if (open && depth === 0) {
        rowsWritten += rows;
        if (rowsWritten >= maxOpenRows && soon === undefined) {
          soon = setImmediate(settleQuietly);
          soon.unref?.();
        }
      }
      return result;
    },
    settle,
    withoutCheckpoint,
    checkpoint,
    onRollback(listener) {
      listeners.push(listener);
    },
    prepare,
  };
}
