// One write transaction kept open across many small writes of one kind (the pages of watch-stat
// fetches), so the pages of the table and its watch-time index they touch are written to the WAL
// once, when it commits, instead of at every small write's commit: a 100k-viewer fetch lands all
// over the live's key range and index, and a commit per 500-row page wrote most of them again
// each time (and nested savepoints copied them to a statement journal).
// It commits before any other write on the connection (the context guards the connection's
// statements, exec and pragma: see guardConnection), once it has been open `maxOpenMs` (a timer,
// or the next write into it when the caller never lets the timer run), and when its owner or
// close says so. It is whole: every write in it carries the cursor that matches it,
// so when a write in it fails all of it is rolled back, the stored state is the last commit's (the
// fetches resume from there) and `onRollback` listeners drop what they kept in memory about it.
import type Database from 'better-sqlite3';

export interface ContinuedTransaction {
  /** Runs `fn` inside the continued transaction (opening it if needed); a throw rolls all of it back. */
  run<T>(fn: () => T): T;
  /**
   * Commits the continued transaction if one is open (a no-op inside `run`); true when it did.
   * `checkpoint: false` leaves the WAL's checkpoint (copying the commit into the database file)
   * to a later `checkpoint()`, so a caller can run the two as separate short steps.
   */
  settle(options?: { checkpoint?: boolean }): boolean;
  /**
   * Copies what the WAL holds into the database file, without waiting on readers (PASSIVE); left
   * to the next commit when a transaction is open.
   */
  checkpoint(): void;
  /** True while `run` is on the stack. */
  readonly inside: boolean;
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
  maxOpenMs: number,
): ContinuedTransaction {
  const begin = prepare('BEGIN');
  const commit = prepare('COMMIT');
  const rollback = prepare('ROLLBACK');
  // the connection's own pragma, not the guarded one (which would settle first)
  const pragma = db.pragma.bind(db);
  const listeners: Array<() => void> = [];
  let open = false;
  let depth = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When it opened, on the monotonic clock: a duration, not a time of day. */
  let openedAt = 0;

  const close = () => {
    open = false;
    clearTimeout(timer);
    timer = undefined;
  };

  const abandon = () => {
    close();
    if (db.inTransaction) rollback.run();
    for (const listener of listeners) listener();
  };

  const settle = (options: { checkpoint?: boolean } = {}): boolean => {
    if (!open || depth > 0) return false;
    const every = options.checkpoint === false ? (pragma('wal_autocheckpoint', { simple: true }) as number) : null;
    if (every !== null) pragma('wal_autocheckpoint = 0');
    try {
      commit.run();
      close();
      return true;
    } catch (error) {
      abandon();
      throw error;
    } finally {
      if (every !== null) pragma(`wal_autocheckpoint = ${every}`);
    }
  };

  return {
    run<T>(fn: () => T): T {
      if (open && depth === 0 && performance.now() - openedAt >= maxOpenMs) settle();
      if (!open) {
        // another transaction is open (a caller's ctx.tx): write inside it as a plain nested part
        if (db.inTransaction) return fn();
        begin.run();
        open = true;
        openedAt = performance.now();
        timer = setTimeout(() => {
          try {
            settle();
          } catch {
            // rolled back: the fetches see their stored cursors and resume from there
          }
        }, maxOpenMs);
        timer.unref?.();
      }
      depth++;
      try {
        return fn();
      } catch (error) {
        abandon();
        throw error;
      } finally {
        depth--;
      }
    },
    settle,
    checkpoint() {
      // inside a transaction (other pages came meanwhile) it cannot run: their commit checkpoints
      if (!db.inTransaction) pragma('wal_checkpoint(PASSIVE)');
    },
    get inside() {
      return depth > 0;
    },
    onRollback(listener) {
      listeners.push(listener);
    },
    prepare,
  };
}

/**
 * Makes every write on the connection commit the continued transaction first, so nothing else is
 * ever written inside it (it may be rolled back whole): statements that write, exec, pragma,
 * transactions and close. Statements that only read run inside it freely.
 */
export function guardConnection(db: Database.Database, continued: ContinuedTransaction): void {
  const prepare = db.prepare.bind(db);
  const exec = db.exec.bind(db);
  const pragma = db.pragma.bind(db);
  const transaction = db.transaction.bind(db);
  const close = db.close.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (!statement.readonly) {
      for (const method of ['run', 'get', 'all', 'iterate'] as const) {
        const original = statement[method] as (...args: unknown[]) => unknown;
        (statement as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
          continued.settle();
          return original.apply(this, args);
        };
      }
    }
    return statement;
  }) as typeof db.prepare;
  db.exec = ((sql: string) => {
    continued.settle();
    return exec(sql);
  }) as typeof db.exec;
  db.pragma = ((source: string, options?: Database.PragmaOptions) => {
    continued.settle();
    return pragma(source, options);
  }) as typeof db.pragma;
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const wrapped = transaction(fn);
    const run = (...args: never[]) => {
      continued.settle();
      return wrapped(...args);
    };
    return Object.assign(run, {
      default: (...args: never[]) => (continued.settle(), wrapped.default(...args)),
      deferred: (...args: never[]) => (continued.settle(), wrapped.deferred(...args)),
      immediate: (...args: never[]) => (continued.settle(), wrapped.immediate(...args)),
      exclusive: (...args: never[]) => (continued.settle(), wrapped.exclusive(...args)),
    });
  }) as typeof db.transaction;
  db.close = (() => {
    if (db.open) continued.settle();
    return close();
  }) as typeof db.close;
}
