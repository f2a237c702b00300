// Runs the WAL checkpoints that watch ingest asks for (after its big commits, and as steps of a
// merge) on a thread of their own, so the services' thread, which answers the windows, does not
// wait for them. Such a checkpoint copies thousands of pages and syncs the file: 20–60 ms on this
// machine, all of it a block for the windows when it ran on the services' thread. SQLite lets a
// checkpoint run beside the connection that writes and beside readers (PASSIVE: it copies what no
// reader still needs).
// SQLite's automatic checkpoint stays on for every other commit: it keeps the WAL short (the writer
// starts it over once all of it is copied). With it off and every commit's copy left to the
// thread, the WAL grew through a merge and the merge's own reads took 30–50 % more time.
// The thread starts on the first request and stops after a minute without one (it holds ~15 MB).
// Where it cannot run (no worker threads, the driver will not load there), requested checkpoints run
// on the services' thread as before (`inline`).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { checkpointThread, type CheckpointDone, type CheckpointFailed, type CheckpointThreadData } from './wal-checkpoint-thread.ts';
import { reasonOf } from '../../shared/error-reason.ts';

export interface WalCheckpointer {
  /** Asks for a checkpoint; returns at once (requests that come while one runs make one more). */
  request(): void;
  /**
   * Stops the thread and waits for its connection to close (a checkpoint it is running ends first),
   * so the database's files are free when this returns.
   */
  close(): void;
  /** Where the last request went: 'thread', 'inline', or null before any. */
  readonly mode: 'thread' | 'inline' | null;
  /** Whether the thread runs now (it stops when idle). */
  readonly running: boolean;
  /** Resolves with the thread's next answer (tests; never settles when no thread runs). */
  nextAnswer(): Promise<CheckpointDone>;
}

/** How long close waits for the thread's connection to close (a checkpoint of a large WAL included). */
const CLOSE_WAIT_MS = 10_000;

/** The thread stops after this long without a request after its last answer; the next request starts it again. */
const IDLE_MS = 60_000;

const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3');

export interface WalCheckpointerOptions {
  /** Told once when the thread fails and checkpoints go back to the connection's thread: why, in a few words. */
  onFailure?: (reason: string) => void;
  /** How long the thread waits without a request after its last answer before it stops. */
  idleMs?: number;
}

/** `inline`: a checkpoint on the connection's own thread, where no checkpoint thread runs. */
export function createWalCheckpointer(path: string, inline: () => void, options: WalCheckpointerOptions = {}): WalCheckpointer {
  const idleMs = options.idleMs ?? IDLE_MS;
  let worker: Worker | null = null;
  let closedFlag: Int32Array | null = null;
  /** The flag of a thread stopped for idleness whose connection may still be closing. */
  let retiring: Int32Array | null = null;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let failed = false;
  let mode: WalCheckpointer['mode'] = null;
  const waiting: Array<(answer: CheckpointDone) => void> = [];

  const stop = () => {
    failed = true;
    worker = null;
    clearTimeout(idle);
  };
  /** Lets an idle thread go (without waiting: close waits for it if it comes first). */
  const retire = () => {
    if (!worker) return;
    worker.postMessage('close');
    retiring = closedFlag;
    worker = null;
  };
  /** The thread failed: from now on checkpoints run here, starting with the one it may have dropped. */
  const fallBack = (reason: string) => {
    if (failed) return;
    stop();
    options.onFailure?.(reason);
    inline();
  };

  const start = (): Worker | null => {
    if (worker || failed) return worker;
    try {
      const closed = new SharedArrayBuffer(4);
      const data: CheckpointThreadData = { driver: driverPath(), path, closed };
      const started = new Worker(`(${String(checkpointThread)})(require)`, { eval: true, workerData: data, name: 'wal-checkpoint' });
      started.unref();
      // a retired thread's failure is no reason to stop using threads
      started.on('message', (message: CheckpointDone | CheckpointFailed) => {
        if (message.kind === 'failed') return worker === started ? fallBack(message.message) : undefined;
        // idle from its last answer on: a thread with a request still to answer is never let go
        if (worker === started) {
          clearTimeout(idle);
          idle = setTimeout(retire, idleMs);
          idle.unref();
        }
        for (const resolve of waiting.splice(0)) resolve(message);
      });
      started.on('error', (error) => (worker === started ? fallBack(reasonOf(error)) : undefined));
      started.on('exit', () => {
        if (worker === started) worker = null;
      });
      worker = started;
      closedFlag = new Int32Array(closed);
    } catch (error) {
      stop();
      options.onFailure?.(reasonOf(error));
    }
    return worker;
  };

  return {
    request() {
      const thread = start();
      if (thread) {
        mode = 'thread';
        thread.postMessage('checkpoint');
        clearTimeout(idle);
      } else {
        mode = 'inline';
        inline();
      }
    },
    close() {
      const thread = worker;
      const flag = closedFlag;
      stop(); // a request after close runs inline (the cache's own connection is closing too)
      // the thread answers on its own event loop, which these waits do not hold
      if (retiring) Atomics.wait(retiring, 0, 0, CLOSE_WAIT_MS);
      if (!thread || !flag) return;
      thread.postMessage('close');
      Atomics.wait(flag, 0, 0, CLOSE_WAIT_MS);
    },
    get mode() {
      return mode;
    },
    get running() {
      return worker !== null;
    },
    nextAnswer: () => new Promise((resolve) => waiting.push(resolve)),
  };
}
