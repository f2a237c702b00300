// Starts the simulator in a child process and talks to it.
import { fork, type ChildProcess } from 'node:child_process';
import type { SimOptions } from '@wld/wecom-sim';
import type { SimProcessInfo, SimProcessMessage, SimProcessStats } from './sim-protocol.ts';

export interface SimHost {
  info: SimProcessInfo;
  stats(): Promise<SimProcessStats>;
  close(): Promise<void>;
}

export async function startSimProcess(options: SimOptions): Promise<SimHost> {
  const child: ChildProcess = fork(new URL('./sim-process.ts', import.meta.url), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const pending = new Map<number, (stats: SimProcessStats) => void>();
  let nextId = 1;
  const info = await new Promise<SimProcessInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)));
    child.on('message', (message: SimProcessMessage) => {
      if (message.type === 'ready') resolve(message.info);
      if (message.type === 'stats') pending.get(message.id)?.(message.stats);
    });
  });
  child.removeAllListeners('exit');
  return {
    info,
    stats() {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, (stats) => {
          pending.delete(id);
          resolve(stats);
        });
        child.send({ type: 'stats', id });
      });
    },
    close() {
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      });
    },
  };
}
