// The services runtime, independent of its host: speaks the main ↔ services protocol
// (ready → init → progress → initDone/initFailed; connect/disconnect ports; settings; retry; shutdown).
// The utility process (index.ts) and the in-process Node host (node-host.ts) both run exactly this.
import { toServiceError } from './wecom/service-errors.ts';
import { mainToServicesSchema, type ServicesToMain } from '../shared/host-protocol.ts';
import type { MessageEndpoint } from '../shared/rpc.ts';
import { runInitSequence, type InitOutcome } from './init/init-sequence.ts';
import { createServicesCore, type ServicesCore, type ServicesRuntimeOptions } from './services-core.ts';

export interface ServicesHost {
  post(message: ServicesToMain): void;
  onMessage(handler: (message: unknown, ports: MessageEndpoint[]) => void): void;
}

export interface ServicesRuntime {
  readonly core: ServicesCore;
  /** The outcome of the latest init (or retry); resolves once it has been posted. */
  initialized(): Promise<InitOutcome>;
  /** Stops everything; resolves when the cache is closed. Also triggered by a `shutdown` message. */
  shutdown(): Promise<void>;
}

export type { ServicesRuntimeOptions };

export function startServicesRuntime(
  host: ServicesHost,
  options: ServicesRuntimeOptions & { onShutdown?: () => void } = {},
): ServicesRuntime {
  const core = createServicesCore((message) => host.post(message), options);
  const windows = new Map<number, { endpoint: MessageEndpoint; detach: () => void }>();
  let initRun: Promise<InitOutcome> | null = null;
  let initWaiters: Array<(outcome: InitOutcome) => void> = [];
  let stopping: Promise<void> | null = null;

  function runInit(offline: boolean) {
    const previous = initRun ?? Promise.resolve(null);
    core.setReady(false);
    initRun = previous.then(async () => {
      let outcome: InitOutcome;
      try {
        outcome = await runInitSequence(core, { offline });
      } catch (error) {
        const failure = toServiceError(error);
        outcome = { type: 'initFailed', id: 'cache', message: failure.message, error: failure, canContinueOffline: false };
        host.post(outcome);
      }
      core.setReady(true);
      if (outcome.type === 'initDone') core.monitor.start();
      const waiters = initWaiters;
      initWaiters = [];
      for (const resolve of waiters) resolve(outcome);
      return outcome;
    });
  }

  function detachWindow(windowId: number) {
    const window = windows.get(windowId);
    if (!window) return;
    windows.delete(windowId);
    window.detach();
    window.endpoint.close?.();
  }

  function shutdown(): Promise<void> {
    stopping ??= (async () => {
      for (const id of [...windows.keys()]) detachWindow(id);
      await core.shutdown();
      options.onShutdown?.();
    })();
    return stopping;
  }

  host.onMessage((raw, ports) => {
    if (stopping) return;
    const parsed = mainToServicesSchema.safeParse(raw);
    if (!parsed.success) {
      host.post({ type: 'log', level: 'warn', message: `ignored a malformed message from main: ${parsed.error.issues[0]?.message ?? ''}` });
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'init':
        core.configure(message);
        runInit(false);
        break;
      case 'retry':
        if (core.initMessage) runInit(message.offline);
        break;
      case 'connect': {
        const endpoint = ports[0];
        if (!endpoint) {
          host.post({ type: 'log', level: 'warn', message: `connect for window ${message.windowId} came without a port` });
          break;
        }
        detachWindow(message.windowId);
        const windowId = message.windowId;
        const detachServer = core.server.attach(endpoint);
        // The window's end closed (window gone, page crashed): forget it without waiting for main.
        const offClose =
          endpoint.onClose?.(() => {
            if (windows.get(windowId)?.endpoint === endpoint) detachWindow(windowId);
          }) ?? (() => {});
        windows.set(windowId, {
          endpoint,
          detach: () => {
            offClose();
            detachServer();
          },
        });
        break;
      }
      case 'disconnect':
        detachWindow(message.windowId);
        break;
      case 'settings':
        void core.updateSettings(message.settings, message.profile).catch((error: unknown) =>
          host.post({ type: 'log', level: 'warn', message: `applying settings failed: ${String(error)}` }),
        );
        break;
      case 'shutdown':
        void shutdown();
        break;
      case 'systemProxy':
        void core.setSystemProxy(message.url).catch((error: unknown) =>
          host.post({ type: 'log', level: 'warn', message: `applying the system proxy failed: ${String(error)}` }),
        );
        break;
      case 'cryptResult':
        core.crypt.settle(message);
        break;
    }
  });
  host.post({ type: 'ready' });

  return {
    core,
    initialized() {
      if (!initRun) return new Promise((resolve) => initWaiters.push(resolve));
      return initRun;
    },
    shutdown,
  };
}
