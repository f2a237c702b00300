// The body of the thread that copies the cache's WAL into its database file (wal-checkpointer.ts).
// It runs as a worker's script from its source text (`String(checkpointThread)`), so it imports
// nothing and closes over nothing: what it needs comes through `load` (the worker's require) and
// workerData. The same text then runs from the TypeScript sources and from the bundle (its imports
// here are types only, erased from both).
import type Database from 'better-sqlite3';
import type * as WorkerThreads from 'node:worker_threads';

/** What the thread is given. */
export interface CheckpointThreadData {
  /** better-sqlite3's entry, resolved by the services (the worker's require has no base of its own). */
  driver: string;
  /** The cache's database file. */
  path: string;
  /** One Int32: set to 1 once the thread's connection is closed (or never opened). */
  closed: SharedArrayBuffer;
}

/** What the thread posts after each checkpoint (SQLite's answer to `wal_checkpoint`). */
export interface CheckpointDone {
  kind: 'done';
  /** 1 when another connection held the checkpoint lock: nothing was copied. */
  busy: number;
  /** Frames in the WAL. */
  log: number;
  /** Frames copied into the database file so far. */
  checkpointed: number;
}

/** What the thread posts when its connection failed: checkpoints go back to the services' thread. */
export interface CheckpointFailed {
  kind: 'failed';
  message: string;
}

export function checkpointThread(load: (id: string) => unknown): void {
  const { parentPort, workerData } = load('node:worker_threads') as typeof WorkerThreads;
  const { driver, path, closed } = workerData as CheckpointThreadData;
  const closedFlag = new Int32Array(closed);
  const markClosed = () => {
    Atomics.store(closedFlag, 0, 1);
    Atomics.notify(closedFlag, 0);
  };
  const port = parentPort!;
  let db: Database.Database | null = null;
  /** Closes what is open, says why, and ends the thread: checkpoints go back to the services' thread. */
  const fail = (error: unknown) => {
    if (db?.open) db.close();
    markClosed();
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies CheckpointFailed);
    port.close();
  };
  try {
    const Driver = load(driver) as typeof Database;
    db = new Driver(path, { fileMustExist: true });
    // it never writes; a checkpoint that finds the lock taken answers busy at once instead of waiting
    db.pragma('busy_timeout = 0');
  } catch (error) {
    return fail(error);
  }
  const connection = db;
  let scheduled = false;
  const run = () => {
    scheduled = false;
    if (!connection.open) return;
    try {
      const [answer] = connection.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
      port.postMessage({ kind: 'done', busy: answer?.busy ?? 1, log: answer?.log ?? -1, checkpointed: answer?.checkpointed ?? -1 } satisfies CheckpointDone);
    } catch (error) {
      fail(error);
    }
  };
  port.on('message', (message: unknown) => {
    if (message === 'checkpoint') {
      // requests that came while one ran are answered by one more
      if (!scheduled) {
        scheduled = true;
        setImmediate(run);
      }
    } else if (message === 'close') {
      if (connection.open) connection.close();
      markClosed();
      port.close();
    }
  });
}
