// The services' state and the ServicesContext handlers use: cache, credentials, WeCom client,
// connection state, sync engine, live monitor and the RPC server every window's port attaches to.
// Host-agnostic: the utility process and the in-process Node host drive it the same way.
// The parts live in core/: credentials, the client, the connection wiring, the context, profile switches.
import type { WeComClient } from '@wld/wecom-core';
import type { SimServer } from '@wld/wecom-sim';
import type { InitMessage, ServicesToMain } from '../shared/host-protocol.ts';
import type { ServiceError } from '../shared/models.ts';
import { RpcError, createRpcServer, redactSecrets, type RpcServer } from '../shared/rpc.ts';
import type { Profile, Settings } from '../shared/settings.ts';
import { botHostOf } from './bot/bot-host.ts';
import { reminderRunnerOf } from './notices/reminder-runner.ts';
import type { Cache } from './cache/index.ts';
import { openProfileCache } from './cache/open-profile.ts';
import type { ConnectionTracker } from './connection/connection-tracker.ts';
import type { ServicesContext } from './context.ts';
import { createClientLifecycle } from './core/client-lifecycle.ts';
import { wireConnection } from './core/connection-wiring.ts';
import { initialCoreState, type CoreLog } from './core/core-state.ts';
import { createCredentials } from './core/credentials.ts';
import { createProfileSwitch } from './core/profile-switch.ts';
import { createReadyGate } from './core/ready-gate.ts';
import type { ServicesRuntimeOptions } from './core/runtime-options.ts';
import { createServicesContext } from './core/services-context.ts';
import { createSessionSecrets } from './core/session-secrets.ts';
import { warmStatisticsSoon } from './core/statistics-warm-up.ts';
import { cacheUnavailable, clientUnavailable } from './core/unavailable.ts';
import { createHandlers } from './handlers/index.ts';
import type { LiveMonitor } from './monitor/live-monitor.ts';
import { createMainCrypt, type MainCrypt } from './secrets/main-crypt.ts';
import type { SyncEngine } from './sync/sync-engine.ts';
import { withAppNamed } from './wecom/app-permission.ts';
import type { ProfileSecrets } from './wecom/client-factory.ts';
import { toServiceError } from './wecom/service-errors.ts';
import { systemClock } from '@wld/clock';

export type { ServicesRuntimeOptions } from './core/runtime-options.ts';

export interface ServicesCore {
  readonly context: ServicesContext;
  /** Answers from main to the vault's safeStorage requests. */
  readonly crypt: MainCrypt;
  readonly server: RpcServer;
  readonly sync: SyncEngine;
  readonly connection: ConnectionTracker;
  readonly monitor: LiveMonitor;
  readonly initMessage: InitMessage | null;
  configure(message: InitMessage): void;
  updateSettings(settings: Settings, profile: Profile | null): Promise<void>;
  /** Main resolved the OS proxy again (start-up, another base URL): new clients use it. */
  setSystemProxy(url: string | null): Promise<void>;
  /** Opens the cache (migrations run); idempotent. */
  openCache(): Cache;
  cacheOrNull(): Cache | null;
  loadSecrets(): Promise<ProfileSecrets>;
  ensureSimulator(): Promise<SimServer>;
  /** Replaces the WeCom client from the profile, settings and secrets; null when unconfigured. */
  rebuildClient(secrets: ProfileSecrets): Promise<WeComClient | null>;
  /** Handlers wait for this before running (init done or failed). */
  setReady(ready: boolean): void;
  post(message: ServicesToMain): void;
  shutdown(): Promise<void>;
}

export function createServicesCore(post: (message: ServicesToMain) => void, options: ServicesRuntimeOptions = {}): ServicesCore {
  const state = initialCoreState();
  const now = options.now ?? systemClock.now;
  // main redacts its log too; the services never hand it a secret in the first place
  const log: CoreLog = (level, message) => post({ type: 'log', level, message: redactSecrets(message) });
  const mapError = (error: unknown): ServiceError => withAppNamed(toServiceError(error), error, state.profile);

  const session = createSessionSecrets(post);
  const crypt = createMainCrypt(post);
  const gate = createReadyGate();
  let server: RpcServer | null = null;
  const emit: ServicesContext['emit'] = (event, payload) => server?.emit(event, payload);

  const clients = createClientLifecycle({ state, demo: options.demo ?? {}, now, onAnswered: () => wiring.timeouts.answered(), log });
  const credentials = createCredentials({ state, options, session, crypt, post, log, ensureSimulator: clients.ensureSimulator });

  function requireCache(): Cache {
    if (!state.cache) throw new RpcError(cacheUnavailable());
    return state.cache;
  }
  function requireClient(): WeComClient {
    const client = clients.current();
    if (!client) throw new RpcError(clientUnavailable(state.profile !== null, credentials.secretsWithheld()));
    return client;
  }

  const wiring = wireConnection({
    state,
    options,
    now,
    requireCache,
    requireClient,
    client: clients.current,
    mapError,
    emit,
    changed: (...topics) => context.changed(...topics),
    log,
  });
  const context = createServicesContext({ state, now, credentials, clients, wiring, requireCache, requireClient, emit, log });
  const rpc = createRpcServer(gate.wrap(createHandlers(context)), {
    mapError,
    onError: (error, method) => log('error', `${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    timings: options.timings ?? false,
  });
  server = rpc;

  const running = () => gate.ready && state.cache !== null;
  const applyBot = () => void botHostOf(context).apply();
  const switches = createProfileSwitch({ state, session, running, reloadCredentials: context.reloadCredentials, applyBot });
  const { connection, sync, monitor } = wiring;

  return {
    context,
    crypt,
    server: rpc,
    sync,
    connection,
    monitor,
    get initMessage() {
      return state.init;
    },
    ...switches,
    openCache() {
      if (!state.init) throw new Error('openCache before init');
      state.cache ??= openProfileCache(state.init.paths.cacheDb, state.profile, { now, log });
      return state.cache;
    },
    cacheOrNull: () => state.cache,
    loadSecrets: credentials.loadSecrets,
    ensureSimulator: clients.ensureSimulator,
    rebuildClient: clients.rebuildClient,
    setReady(value) {
      gate.set(value);
      if (value && state.cache) {
        applyBot();
        reminderRunnerOf(context).start();
        warmStatisticsSoon(state.cache, log);
      }
    },
    post,
    async shutdown() {
      await botHostOf(context).stop();
      reminderRunnerOf(context).stop();
      monitor.stop();
      connection.stop();
      sync.cancelAll();
      await Promise.race([sync.idle(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      await clients.close();
      state.cache?.close();
      state.cache = null;
    },
  };
}
