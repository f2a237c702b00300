// The services' state and the ServicesContext handlers use: cache, credentials, WeCom client,
// connection state, sync engine, live monitor and the RPC server every window's port attaches to.
// Host-agnostic: the utility process and the in-process Node host drive it the same way.
import type { WeComClient } from '@wld/wecom-core';
import type { SimServer } from '@wld/wecom-sim';
import type { InitMessage, ServicesToMain } from '../shared/host-protocol.ts';
import type { ServiceError } from '../shared/models.ts';
import { RpcError, createRpcServer, redactSecrets, type HandlerContext, type RpcServer, type ServicesHandlers } from '../shared/rpc.ts';
import { headerAccount, NETWORK_SECRETS_PROFILE, PROXY_AUTH_ACCOUNT } from '../shared/network-secrets.ts';
import type { Profile, Settings } from '../shared/settings.ts';
import { botHostOf } from './bot/bot-host.ts';
import { reminderRunnerOf } from './notices/reminder-runner.ts';
import type { Cache } from './cache/index.ts';
import { openProfileCache } from './cache/open-profile.ts';
import { createConnectionTracker, type ConnectionTracker } from './connection/connection-tracker.ts';
import type { DataScope, ServicesContext, Topic } from './context.ts';
import { createHandlers } from './handlers/index.ts';
import { t, type Language } from './i18n.ts';
import { startDemoSimulator, type DemoOptions } from './init/demo-simulator.ts';
import { createLiveMonitor, type LiveMonitor } from './monitor/live-monitor.ts';
import { encryptedFileFallback } from './secrets/encrypted-file-fallback.ts';
import { createMainCrypt, type MainCrypt } from './secrets/main-crypt.ts';
import {
  CONTACTS_ACCOUNT,
  accountOf,
  createSecretVault,
  memorySessionStore,
  type KeytarLike,
  type SessionSecretStore,
} from './secrets/secret-vault.ts';
import { bindVault, destinationOf, type BoundVault } from './secrets/bound-vault.ts';
import { moveNetworkSecrets } from './secrets/network-secrets-move.ts';
import { isStale } from './staleness.ts';
import { createSyncEngine, type SyncEngine } from './sync/sync-engine.ts';
import type { SyncTuning } from './sync/sync-run.ts';
import { recordApiCalls, type ApiCallLog } from './wecom/api-call-log.ts';
import { withAppNamed } from './wecom/app-permission.ts';
import { buildProfileClient, type ProfileSecrets } from './wecom/client-factory.ts';
import { systemEnvironment, type NetworkEnvironment } from './wecom/network-environment.ts';
import { isUnreachable, offlineError, toServiceError } from './wecom/service-errors.ts';
import { createTimeoutStreak, offlineReadError, reachabilityOf, wrongSecretError } from './connection/reachability.ts';
import { systemClock } from '@wld/clock';

export interface ServicesRuntimeOptions {
  /** 'memory' keeps secrets in memory only (tests); default 'system' (the OS keychain via keytar). */
  keychain?: 'system' | 'memory';
  loadKeytar?: () => Promise<KeytarLike>;
  /** Secrets by keychain account `${profileId}/${app}` (tests and the browser harness). */
  presetSecrets?: Record<string, string>;
  /**
   * Where keytar cannot load: keep secrets in userData/secrets.enc.json, encrypted by main's
   * safeStorage (Electron only: main answers `crypt` requests). Off under the Node host.
   */
  encryptedFileFallback?: boolean;
  demo?: DemoOptions;
  monitorIntervalMs?: number;
  probeBackoff?: { initialMs: number; maxMs: number };
  syncTuning?: Partial<SyncTuning>;
  /** The services' clock (ms): freshness, live windows, sync stamps. Default systemClock.now. */
  now?: () => number;
  /** Answers carry their queue and handler time (the start-up benchmark; WLD_PERF=1 in the app). */
  timings?: boolean;
}

/** A background refresh of one scope is started at most this often (a failing one must not loop). */
const AUTO_REFRESH_COOLDOWN_MS = 60_000;
const PART_TOPICS: Record<DataScope, Topic[]> = {
  org: ['org', 'users', 'tags', 'stats'],
  lives: ['lives', 'stats'],
  watch: ['watch', 'stats'],
};

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
  let init: InitMessage | null = null;
  let settings: Settings | null = null;
  let profile: Profile | null = null;
  let cache: Cache | null = null;
  let client: WeComClient | null = null;
  let apiLog: ApiCallLog | null = null;
  let sim: SimServer | null = null;
  let simStarting: Promise<SimServer> | null = null;
  let ready = false;
  let readyWaiters: Array<() => void> = [];
  const lastAutoRefresh = new Map<DataScope, number>();

  const language = (): Language => settings?.language ?? 'zh-CN';
  const now = options.now ?? systemClock.now;
  // main redacts its log too; the services never hand it a secret in the first place
  const log = (level: 'debug' | 'info' | 'warn' | 'error', message: string) => post({ type: 'log', level, message: redactSecrets(message) });
  const mapError = (error: unknown): ServiceError => withAppNamed(toServiceError(error, language()), error, profile, language());

  // Session-only secrets: kept here and by main, which hands them back on every init (restart, switch).
  const sessionSecrets = memorySessionStore();
  const sessionStore: SessionSecretStore = {
    get: (account) => sessionSecrets.get(account),
    set(account, secret) {
      sessionSecrets.set(account, secret);
      post({ type: 'sessionSecret', account, secret });
    },
    delete(account) {
      if (sessionSecrets.get(account) === undefined) return;
      sessionSecrets.delete(account);
      post({ type: 'sessionSecret', account, secret: null });
    },
  };
  const crypt = createMainCrypt(post);
  let environment: NetworkEnvironment = systemEnvironment(null);
  // secrets answer only for the WeCom address and gateway they were entered for
  const rawVault = createSecretVault({
    session: sessionStore,
    mode: options.keychain ?? 'system',
    ...(options.loadKeytar ? { loadKeytar: options.loadKeytar } : {}),
    ...(options.presetSecrets ? { preset: options.presetSecrets } : {}),
    ...(options.encryptedFileFallback ? { fallback: encryptedFileFallback(() => init?.paths.userData ?? null, crypt) } : {}),
  });
  const vault: BoundVault = bindVault(rawVault, () => destinationOf(settings?.network ?? { baseUrl: '', gatewayHeaders: {} }));
  /** Plain-text network credentials of an older settings file: looked at once per start. */
  let networkMove: { state: 'moved' | 'kept'; count: number; reason: string | null } | null = null;
  let networkMoveChecked = false;
  let secretsWithheld = false;

  function requireCache(): Cache {
    if (!cache) throw new RpcError({ kind: 'internal', code: 'NOT_READY', message: t(language(), 'init.cacheFailed') });
    return cache;
  }

  function requireClient(): WeComClient {
    if (!client) {
      const key = !profile ? 'unconfigured' : secretsWithheld ? 'destinationChanged' : 'missingSecret';
      throw new RpcError({ kind: 'offline', code: secretsWithheld ? 'SECRETS_WITHHELD' : 'UNCONFIGURED', message: t(language(), key) });
    }
    return client;
  }

  // offline only when WeCom cannot be reached: refused / DNS at once, timeouts after a streak
  const timeouts = createTimeoutStreak();
  let offAnswered: () => void = () => {};

  /** A call failed: offline if WeCom is unreachable, 'wrong secret' if it refused the credentials. */
  function noteFailure(error: unknown): void {
    if (timeouts.failed(error)) connection.setOffline(mapError(error));
    else if (reachabilityOf(error) === 'credentials') connection.setUnconfigured(wrongSecretError(language(), mapError(error)));
  }

  function onCallFailure(error: unknown, kind: 'write' | 'read'): never {
    noteFailure(error);
    // the request never left: nothing changed on WeCom's side, say "offline" plainly
    if (isUnreachable(error)) {
      const details = mapError(error).details;
      throw new RpcError(kind === 'write' ? offlineError(language(), details) : offlineReadError(language(), details));
    }
    throw error;
  }

  const connection = createConnectionTracker({
    asOf: () => cache?.newestFetchedAt() ?? null,
    emit: (state) => server.emit('connection', state),
    probe: async () => {
      await requireClient().auth.testConnection();
    },
    toServiceError: mapError,
    judge: (error) => {
      const verdict = reachabilityOf(error);
      return verdict === 'credentials' ? 'credentials' : verdict === 'reachable' ? 'reachable' : 'offline';
    },
    credentialsError: (error) => wrongSecretError(language(), error),
    onReconnected: () => {
      if (!cache) return;
      for (const scope of ['org', 'lives', 'watch'] as const) lastAutoRefresh.set(scope, now());
      sync.start('all');
    },
    ...(options.probeBackoff ? { backoff: options.probeBackoff } : {}),
    now,
  });

  const sync = createSyncEngine({
    cache: requireCache,
    client: requireClient,
    hasContactsSecret: () => client?.config.contactsSecret !== undefined,
    extraAnchors: () => profile?.liveAnchors ?? [],
    language,
    toServiceError: mapError,
    emitProgress: (progress) => server.emit('sync.progress', progress),
    onPartDone: (part) => context.changed(...PART_TOPICS[part]),
    onJobFailed: (error) => {
      noteFailure(error);
      log('warn', `sync failed: ${mapError(error).code}`);
    },
    ...(options.syncTuning ? { tuning: options.syncTuning } : {}),
    now,
  });

  const monitor = createLiveMonitor({
    cache: requireCache,
    client: requireClient,
    isOnline: () => connection.isOnline && client !== null && cache !== null,
    emitStatus: (payload) => server.emit('live.status', payload),
    onChanged: () => context.changed('lives', 'stats'),
    onLiveEnded: () => {
      if (connection.isOnline) sync.start('watch');
    },
    onError: (error) => noteFailure(error),
    ...(options.monitorIntervalMs ? { intervalMs: options.monitorIntervalMs } : {}),
    now,
  });

  function maybeRefresh(scope: DataScope) {
    if (!client || !cache || !connection.isOnline) return;
    if (sync.running(scope) || sync.running('all')) return;
    const last = lastAutoRefresh.get(scope) ?? 0;
    if (now() - last < AUTO_REFRESH_COOLDOWN_MS) return;
    lastAutoRefresh.set(scope, now());
    sync.start(scope);
  }

  const context: ServicesContext = {
    language,
    settings: () => {
      if (!settings) throw new RpcError({ kind: 'internal', code: 'NOT_READY', message: 'The services have not been initialised' });
      return settings;
    },
    profile: () => profile,
    dataPaths: () => {
      if (!init) throw new RpcError({ kind: 'internal', code: 'NOT_READY', message: 'The services have not been initialised' });
      return { userData: init.paths.userData, cacheDb: init.paths.cacheDb };
    },
    now,
    cache: requireCache,
    vault,
    async secretStorage(profileId, app) {
      // a secret withheld from a new address counts as missing, wherever it is kept
      if ((await vault.get(profileId, app)) === null) return 'missing';
      if (sessionSecrets.get(accountOf(profileId, app)) !== undefined) return 'session';
      const { store } = await vault.status();
      return store === 'encrypted-file' ? 'encrypted-file' : 'keychain';
    },
    connection,
    sync,
    monitor,
    clientOrNull: () => client,
    async write(call) {
      const target = requireClient();
      if (!connection.isOnline) throw new RpcError(offlineError(language(), connection.current.lastError?.message));
      try {
        return await call(target);
      } catch (error) {
        return onCallFailure(error, 'write');
      }
    },
    async online(call) {
      const target = requireClient();
      if (!connection.isOnline) throw new RpcError(offlineReadError(language(), connection.current.lastError?.message));
      try {
        return await call(target);
      } catch (error) {
        return onCallFailure(error, 'read');
      }
    },
    freshness(asOf, ...scopes) {
      const stale = isStale(asOf, now(), settings?.network);
      if (stale) for (const scope of scopes) maybeRefresh(scope);
      return { asOf, stale };
    },
    emit: (event, payload) => server.emit(event, payload),
    changed(...topics) {
      server.emit('changed', { topics: [...new Set(topics)] });
    },
    networkSecretsMove: () => networkMove,
    async reloadCredentials() {
      if (!profile || !settings) {
        connection.setUnconfigured();
        return;
      }
      const secrets = await loadSecrets();
      const rebuilt = await rebuildClient(secrets);
      if (!rebuilt) {
        const key = secretsWithheld ? 'destinationChanged' : 'missingSecret';
        connection.setUnconfigured({ kind: 'offline', code: secretsWithheld ? 'SECRETS_WITHHELD' : 'UNCONFIGURED', message: t(language(), key) });
        return;
      }
      connection.setConnecting();
      await connection.reconnect();
    },
    simulatorUrl: () => sim?.url ?? null,
    networkEnvironment: () => environment,
    log,
  };

  function gate(handlers: ServicesHandlers): ServicesHandlers {
    type Handler = (input: unknown, c: HandlerContext) => unknown;
    const wrapped: Record<string, Handler> = {};
    for (const [name, handler] of Object.entries(handlers) as Array<[string, Handler]>) {
      wrapped[name] = (input, c) => {
        if (ready) return handler(input, c);
        return new Promise<void>((resolve) => readyWaiters.push(resolve)).then(() => {
          c.markStarted(); // the wait for init was queue time
          return handler(input, c);
        });
      };
    }
    return wrapped as unknown as ServicesHandlers;
  }

  const server = createRpcServer(gate(createHandlers(context)), {
    language,
    mapError: (error, lang) => withAppNamed(toServiceError(error, lang), error, profile, lang),
    onError: (error, method) => log('error', `${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    timings: options.timings ?? false,
  });

  let loggedStore: string | null = null;
  /** The log says where secrets are kept (and why not in the keychain) whenever that changes. */
  async function logSecretStore(): Promise<void> {
    const status = await vault.status();
    const where =
      status.store === 'keychain'
        ? 'the system keychain'
        : status.store === 'encrypted-file'
          ? `the encrypted file ${status.location ?? ''} (keychain: ${status.reason ?? 'unavailable'})`
          : `memory only, for this run (${status.reason ?? 'no secret store'})`;
    if (where === loggedStore) return;
    loggedStore = where;
    log(status.store === 'memory' ? 'warn' : 'info', `secrets are kept in ${where}`);
  }

  /** Gateway header values and proxy credentials kept in the vault (see network-secrets.ts). */
  async function loadNetworkSecrets(): Promise<Record<string, string>> {
    const kept: Record<string, string> = {};
    if (!settings) return kept;
    const accounts = [...Object.keys(settings.network.gatewayHeaders).map(headerAccount), PROXY_AUTH_ACCOUNT];
    for (const account of accounts) {
      const value = await vault.get(NETWORK_SECRETS_PROFILE, account);
      if (value !== null) kept[account] = value;
    }
    return kept;
  }

  /**
   * Network credentials an older version left in plain text go to the vault; main then strips them
   * from the settings file. Until main's new settings arrive these services already use the stripped
   * ones (the values come from the vault), so nothing is sent twice or withheld meanwhile.
   */
  async function moveLegacyNetworkSecrets(): Promise<void> {
    if (networkMoveChecked || !settings) return;
    networkMoveChecked = true;
    const result = await moveNetworkSecrets({ vault, raw: rawVault, settings, log });
    if (result.state === 'none') return;
    if (result.state === 'kept') {
      networkMove = { state: 'kept', count: result.accounts.length, reason: result.reason };
      log('warn', `${result.accounts.length} network credential(s) stay in plain text in the settings file: no keychain or encrypted store (${result.reason})`);
      return;
    }
    networkMove = { state: 'moved', count: result.accounts.length, reason: null };
    settings = { ...settings, network: result.network };
    log('info', `moved ${result.accounts.length} network credential(s) from the settings file to the keychain: ${result.accounts.join(', ')}`);
    post({ type: 'networkSecretsMoved', accounts: result.accounts });
  }

  async function loadSecrets(): Promise<ProfileSecrets> {
    await moveLegacyNetworkSecrets();
    const secrets: ProfileSecrets = { apps: new Map(), contacts: null, network: await loadNetworkSecrets() };
    if (!profile) return secrets;
    if (profile.kind === 'demo') {
      const demo = await ensureSimulator();
      const app = demo.apps[0]!;
      secrets.apps.set(profile.apps[0]?.name ?? app.name, app.secret);
      secrets.contacts = demo.contactsSecret;
      return secrets;
    }
    await logSecretStore();
    secretsWithheld = false;
    const names = [...profile.apps.map((app) => app.name), ...(profile.hasContactsSecret ? [CONTACTS_ACCOUNT] : [])];
    for (const name of names) {
      if (await vault.isWithheld(profile.id, name)) secretsWithheld = true;
      const secret = await vault.get(profile.id, name);
      if (!secret) continue;
      if (name === CONTACTS_ACCOUNT) secrets.contacts = secret;
      else secrets.apps.set(name, secret);
    }
    return secrets;
  }

  function ensureSimulator(): Promise<SimServer> {
    if (sim) return Promise.resolve(sim);
    simStarting ??= startDemoSimulator(options.demo ?? {}, now).then((started) => {
      sim = started;
      return started;
    });
    return simStarting;
  }

  async function rebuildClient(secrets: ProfileSecrets): Promise<WeComClient | null> {
    const previous = client;
    const previousLog = apiLog;
    client = null;
    apiLog = null;
    previousLog?.stop();
    if (previous) await previous.close().catch(() => {});
    if (!profile || !settings) return null;
    let demoProfile: Profile = profile;
    let target: { corpId: string; baseUrl?: string } = { corpId: profile.corpId };
    if (profile.kind === 'demo') {
      const demo = await ensureSimulator();
      target = { corpId: demo.corpId, baseUrl: demo.url };
      // the Demo app's agentid is the simulator's
      demoProfile = { ...profile, apps: [{ name: profile.apps[0]?.name ?? demo.apps[0]!.name, agentId: demo.apps[0]!.agentId }] };
    }
    client = buildProfileClient(demoProfile, settings, secrets, target, environment, now);
    offAnswered();
    offAnswered = () => {};
    if (client) {
      apiLog = recordApiCalls(client, () => cache);
      // any answer from WeCom (success or errcode) ends a streak of timeouts
      offAnswered = client.onCall((call) => {
        if (!call.fromCache && (call.error === null || call.errcode !== null)) timeouts.answered();
      });
    }
    return client;
  }

  return {
    context,
    crypt,
    server,
    sync,
    connection,
    monitor,
    get initMessage() {
      return init;
    },
    configure(message) {
      init = message;
      for (const [account, secret] of Object.entries(message.sessionSecrets)) sessionSecrets.set(account, secret);
      settings = message.settings;
      profile = message.profile;
      environment = { ...environment, systemProxy: message.systemProxy ?? null };
    },
    async setSystemProxy(url) {
      if (environment.systemProxy === url) return;
      environment = { ...environment, systemProxy: url };
      if (ready && cache && profile) await context.reloadCredentials();
    },
    async updateSettings(next, nextProfile) {
      const reconnect =
        JSON.stringify(settings?.network) !== JSON.stringify(next.network) || JSON.stringify(profile) !== JSON.stringify(nextProfile);
      settings = next;
      profile = nextProfile;
      if (reconnect && ready && cache) await context.reloadCredentials();
      if (ready && cache) void botHostOf(context).apply();
    },
    openCache() {
      if (!init) throw new Error('openCache before init');
      cache ??= openProfileCache(init.paths.cacheDb, profile, { now, log });
      return cache;
    },
    cacheOrNull: () => cache,
    loadSecrets,
    ensureSimulator,
    rebuildClient,
    setReady(value) {
      ready = value;
      if (!value) return;
      if (cache) void botHostOf(context).apply();
      if (cache) reminderRunnerOf(context).start();
      const waiters = readyWaiters;
      readyWaiters = [];
      for (const resume of waiters) resume();
    },
    post,
    async shutdown() {
      await botHostOf(context).stop();
      reminderRunnerOf(context).stop();
      monitor.stop();
      connection.stop();
      sync.cancelAll();
      await Promise.race([sync.idle(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
      apiLog?.stop();
      apiLog = null;
      await client?.close().catch(() => {});
      client = null;
      await sim?.close().catch(() => {});
      sim = null;
      cache?.close();
      cache = null;
    },
  };
}
