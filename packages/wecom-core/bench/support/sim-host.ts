// Starts the simulator in a child process and talks to it.
import { fork, type ChildProcess } from 'node:child_process';
import type { SimOptions } from '@wld/wecom-sim';
import type { SimProcessInfo, SimProcessMessage, SimProcessStats } from './sim-protocol.ts';

export interface SimHost {
  info: SimProcessInfo;
  stats(): Promise<SimProcessStats>;
  /** Sets the simulator's latency on every API but gettoken. */
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSimProcess(options: SimOptions): Promise<SimHost> {
  const child: ChildProcess = fork(new URL('./sim-process.ts', import.meta.url), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  const pending = new Map<number, (stats: SimProcessStats | null) => void>();
  let nextId = 1;
  const info = await new Promise<SimProcessInfo>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`simulator process exited with ${code}`)));
    child.on('message', (message: SimProcessMessage) => {
      if (message.type === 'ready') resolve(message.info);
      if (message.type === 'stats') pending.get(message.id)?.(message.stats);
      if (message.type === 'latency') pending.get(message.id)?.(null);
    });
  });
  child.removeAllListeners('exit');
  const ask = (
    request: { type: 'stats' } | { type: 'latency'; ms: number },
  ): Promise<SimProcessStats | null> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, (answer) => {
        pending.delete(id);
        resolve(answer);
      });
      child.send({ ...request, id });
    });
  };
  return {
    info,
    stats: async () => (await ask({ type: 'stats' }))!,
    setLatency: async (ms) => {
      await ask({ type: 'latency', ms });
    },
    close() {
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      });
    },
  };
}
