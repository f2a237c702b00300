// Starts the simulator in a worker thread (see fixtures/sim-worker.ts).
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SimApp, SimOptions } from '@wld/wecom-sim';

export interface SimThread {
  url: string;
  corpId: string;
  apps: SimApp[];
  contactsSecret: string;
  close(): Promise<void>;
}

export function startSimulatorThread(options: SimOptions): Promise<SimThread> {
  const worker = new Worker(join(import.meta.dirname, 'fixtures', 'sim-worker.ts'), { workerData: options });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (info: Omit<SimThread, 'close'>) =>
      resolve({
        ...info,
        close: () =>
          new Promise<void>((done) => {
            worker.once('exit', () => done());
            worker.postMessage('close');
          }),
      }),
    );
  });
}
