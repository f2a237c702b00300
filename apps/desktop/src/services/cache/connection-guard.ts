// Every write on the cache's connection commits the continued transaction of watch pages first
// (continued-transaction.ts), so nothing else is ever written inside it: it may be rolled back
// whole. The connection's statements that write, exec, pragma, transactions and close are wrapped;
// statements that only read run inside it freely. Closing stops the checkpoint thread first.
import type Database from 'better-sqlite3';
import type { ContinuedTransaction } from './continued-transaction.ts';
import type { WalCheckpointer } from './wal-checkpointer.ts';

/** Wraps the connection's methods (the statements it prepares from now on included). */
export function guardConnection(db: Database.Database, continued: ContinuedTransaction, checkpointer: Pick<WalCheckpointer, 'close'>): void {
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
    // the checkpoint thread's connection closes first: the files are free once this returns
    checkpointer.close();
    return close();
  }) as typeof db.close;
}
