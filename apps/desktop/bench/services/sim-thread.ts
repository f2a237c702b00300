// Starts the simulator in a worker thread (see fixtures/sim-worker.ts) and asks it about its state.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SimApp, SimOptions } from '@wld/wecom-sim';

export type SimRequest =
  | { op: 'endedLives' }
  | { op: 'resetStats' }
  | { op: 'stats'; path: string; errcode: number };

export interface EndedLive {
  livingid: string;
  theme: string;
  anchor_userid: string;
  living_start: number;
  living_duration: number;
  status: number;
  /** watch rows, internal and external */
  rows: number;
}

export interface SimCounters {
  calls: number;
  errors: number;
  maxConcurrent: number;
}

export interface SimThread {
  url: string;
  corpId: string;
  apps: SimApp[];
  contactsSecret: string;
  endedLives(): Promise<EndedLive[]>;
  resetStats(): Promise<void>;
  /** calls of `path`, errors with `errcode` (all paths), most calls of `path` in flight at once */
  stats(path: string, errcode: number): Promise<SimCounters>;
  close(): Promise<void>;
}

export function startSimulatorThread(options: SimOptions): Promise<SimThread> {
  const worker = new Worker(join(import.meta.dirname, 'fixtures', 'sim-worker.ts'), { workerData: options });
  let nextId = 0;
  const waiting = new Map<number, (answer: unknown) => void>();
  const ask = <T>(request: SimRequest) =>
    new Promise<T>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve as (answer: unknown) => void);
      worker.postMessage({ id, request });
    });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (info: Pick<SimThread, 'url' | 'corpId' | 'apps' | 'contactsSecret'>) => {
      worker.on('message', (message: { id: number; answer: unknown }) => {
        waiting.get(message.id)?.(message.answer);
        waiting.delete(message.id);
      });
      resolve({
        ...info,
        endedLives: () => ask<EndedLive[]>({ op: 'endedLives' }),
        resetStats: () => ask<null>({ op: 'resetStats' }).then(() => undefined),
        stats: (path, errcode) => ask<SimCounters>({ op: 'stats', path, errcode }),
        close: () =>
          new Promise<void>((done) => {
            worker.once('exit', () => done());
            worker.postMessage('close');
          }),
      });
    });
  });
}
