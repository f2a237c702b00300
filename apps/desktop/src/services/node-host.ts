// Runs the services in this Node process with real worker_threads MessagePorts: the same runtime
// as the utility process, for tests, benchmarks and the browser harness.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { ServicesToMain } from '../shared/host-protocol.ts';
import { fromDomPort, type MessageEndpoint } from '../shared/rpc.ts';
import { defaultSettings, type Profile, type Settings } from '../shared/settings.ts';
import type { InitOutcome } from './init/init-sequence.ts';
import { startServicesRuntime, type ServicesHost, type ServicesRuntime, type ServicesRuntimeOptions } from './runtime.ts';

export interface InProcessOptions extends ServicesRuntimeOptions {
  /** Folder for cache.db and logs (created when missing). */
  userData: string;
  profile: Profile | null;
  settings?: Settings;
  /** Every message the services post to "main" (progress, initDone, logs…). */
  hostPost?: (message: ServicesToMain) => void;
  appVersion?: string;
}

export interface InProcessServices {
  host: ServicesHost;
  runtime: ServicesRuntime;
  /** Messages posted so far, in order. */
  readonly messages: ServicesToMain[];
  /** Resolves with initDone / initFailed. */
  initialized(): Promise<InitOutcome>;
  /** Sends a main → services message (retry, settings, …). */
  send(message: unknown, ports?: MessagePort[]): void;
  /** A new window port: the services get one end, the caller the other (wrap it with createRpcClient). */
  connect(): MessageEndpoint;
  stop(): Promise<void>;
}

export function startServicesInProcess(options: InProcessOptions): InProcessServices {
  const { userData, profile, settings = defaultSettings(), hostPost, appVersion = '0.0.0-node', ...runtimeOptions } = options;
  mkdirSync(userData, { recursive: true });
  const messages: ServicesToMain[] = [];
  let handler: ((message: unknown, ports: MessageEndpoint[]) => void) | null = null;
  const pendingToServices: Array<[unknown, MessageEndpoint[]]> = [];
  const openPorts = new Set<MessagePort>();
  let nextWindowId = 1;

  const host: ServicesHost = {
    post(message) {
      messages.push(message);
      hostPost?.(message);
    },
    onMessage(h) {
      handler = h;
      for (const [message, ports] of pendingToServices.splice(0)) h(message, ports);
    },
  };
  const deliver = (message: unknown, ports: MessageEndpoint[]) => {
    // structuredClone: main and the services share no objects, as across processes
    const copy = structuredClone(message);
    if (handler) handler(copy, ports);
    else pendingToServices.push([copy, ports]);
  };

  const runtime = startServicesRuntime(host, runtimeOptions);
  deliver(
    {
      type: 'init',
      paths: { userData, cacheDb: join(userData, 'cache.db'), logs: join(userData, 'logs') },
      profile,
      settings,
      appVersion,
    },
    [],
  );

  return {
    host,
    runtime,
    messages,
    initialized: () => runtime.initialized(),
    send(message, ports = []) {
      deliver(message, ports.map((port) => fromDomPort(port)));
    },
    connect() {
      const channel = new MessageChannel();
      const windowId = nextWindowId++;
      openPorts.add(channel.port1);
      openPorts.add(channel.port2);
      deliver({ type: 'connect', windowId }, [fromDomPort(channel.port1)]);
      const endpoint = fromDomPort(channel.port2);
      // closing the window's end is what main's `disconnect` is in the app: the services detach it
      return {
        ...endpoint,
        close() {
          if (!openPorts.delete(channel.port2)) return;
          openPorts.delete(channel.port1);
          deliver({ type: 'disconnect', windowId }, []);
          endpoint.close?.();
        },
      };
    },
    async stop() {
      await runtime.shutdown();
      for (const port of openPorts) port.close();
      openPorts.clear();
    },
  };
}
