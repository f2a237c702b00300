// Entry of the services utility process (Electron's utilityProcess.fork, built via `?modulePath`).
// A thin adapter: Electron's parentPort and MessagePortMain → the host-agnostic runtime.
// Never imports electron: the same runtime runs under plain Node (node-host.ts).
import { fromElectronPort, type ElectronPortLike } from '../shared/rpc-ports.ts';
import { exitWhenFlushed } from './exit-flushed.ts';
import { startServicesRuntime } from './runtime.ts';

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports?: ElectronPortLike[] }) => void): unknown;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (!parentPort) {
  throw new Error('src/services/index.ts runs inside an Electron utility process; under Node use startServicesInProcess (node-host.ts)');
}

startServicesRuntime(
  {
    post: (message) => parentPort.postMessage(message),
    onMessage: (handler) => parentPort.on('message', (event) => handler(event.data, (event.ports ?? []).map(fromElectronPort))),
  },
  { onShutdown: () => exitWhenFlushed(0), encryptedFileFallback: true, timings: process.env.WLD_PERF === '1' },
);

process.on('unhandledRejection', (reason) => {
  parentPort.postMessage({ type: 'log', level: 'error', message: `unhandled rejection in the services: ${String(reason)}` });
});
