// The connection state, the sync engine and the live monitor, wired to each other: failed calls
// decide offline / wrong secret, a reconnect syncs everything, stale reads start a background refresh.
import type { WeComClient } from '@wld/wecom-core';
import type { EventPayload, ServicesEvent } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import { RpcError } from '../../shared/rpc.ts';
import type { Cache } from '../cache/index.ts';
import { createConnectionTracker, type ConnectionTracker } from '../connection/connection-tracker.ts';
import { createTimeoutStreak, reachabilityOf, wrongSecretError, type TimeoutStreak } from '../connection/reachability.ts';
import type { DataScope, Topic } from '../context.ts';
import { createLiveMonitor, type LiveMonitor } from '../monitor/live-monitor.ts';
import { createSyncEngine, type SyncEngine } from '../sync/sync-engine.ts';
import { DEMO_SYNC_TUNING } from '../init/demo-simulator.ts';
import { isUnreachable, offlineFailure } from '../wecom/service-errors.ts';
import { languageOf, type CoreLog, type CoreState } from './core-state.ts';
import type { ServicesRuntimeOptions } from './runtime-options.ts';

/** A background refresh of one scope is started at most this often (a failing one must not loop). */
const AUTO_REFRESH_COOLDOWN_MS = 60_000;
const PART_TOPICS: Record<DataScope, Topic[]> = {
  org: ['org', 'users', 'tags', 'stats'],
  lives: ['lives', 'stats'],
  watch: ['watch', 'stats'],
};

export interface ConnectionWiring {
  readonly connection: ConnectionTracker;
  readonly sync: SyncEngine;
  readonly monitor: LiveMonitor;
  /** Offline only when WeCom cannot be reached: refused / DNS at once, timeouts after a streak. */
  readonly timeouts: TimeoutStreak;
  /** A WeCom call failed: note it, and say "offline" plainly when the request never left. */
  onCallFailure(error: unknown, kind: 'write' | 'read'): never;
  /** Cached data of the scope is stale: refresh it in the background (online, not too often). */
  maybeRefresh(scope: DataScope): void;
}

interface WiringDeps {
  state: CoreState;
  options: ServicesRuntimeOptions;
  now: () => number;
  requireCache: () => Cache;
  requireClient: () => WeComClient;
  client: () => WeComClient | null;
  mapError: (error: unknown) => ServiceError;
  emit: <E extends ServicesEvent>(event: E, payload: EventPayload<E>) => void;
  changed: (...topics: Topic[]) => void;
  log: CoreLog;
}

export function wireConnection(deps: WiringDeps): ConnectionWiring {
  const { state, options, now, requireCache, requireClient, client, mapError, emit, changed, log } = deps;
  const language = () => languageOf(state);
  const lastAutoRefresh = new Map<DataScope, number>();
  const timeouts = createTimeoutStreak();

  /** A call failed: offline if WeCom is unreachable, 'wrong secret' if it refused the credentials. */
  function noteFailure(error: unknown): void {
    if (timeouts.failed(error)) connection.setOffline(mapError(error));
    else if (reachabilityOf(error) === 'credentials') connection.setUnconfigured(wrongSecretError(mapError(error)));
  }

  function onCallFailure(error: unknown, kind: 'write' | 'read'): never {
    noteFailure(error);
    // the request never left: nothing changed on WeCom's side, say "offline" plainly
    if (isUnreachable(error)) {
      const details = mapError(error).details;
      throw new RpcError(offlineFailure(kind, details));
    }
    throw error;
  }

  const connection = createConnectionTracker({
    asOf: () => state.cache?.newestFetchedAt() ?? null,
    emit: (connectionState) => emit('connection', connectionState),
    probe: async () => {
      await requireClient().auth.testConnection();
    },
    toServiceError: mapError,
    judge: (error) => {
      const verdict = reachabilityOf(error);
      return verdict === 'credentials' ? 'credentials' : verdict === 'reachable' ? 'reachable' : 'offline';
    },
    credentialsError: (error) => wrongSecretError(error),
    onReconnected: () => {
      if (!state.cache) return;
      for (const scope of ['org', 'lives', 'watch'] as const) lastAutoRefresh.set(scope, now());
      sync.start('all');
    },
    ...(options.probeBackoff ? { backoff: options.probeBackoff } : {}),
    now,
  });

  const sync = createSyncEngine({
    cache: requireCache,
    client: requireClient,
    hasContactsSecret: () => client()?.config.contactsSecret !== undefined,
    extraAnchors: () => state.profile?.liveAnchors ?? [],
    profileTuning: () => (state.profile?.kind === 'demo' ? DEMO_SYNC_TUNING : {}),
    language,
    toServiceError: mapError,
    emitProgress: (progress) => emit('sync.progress', progress),
    onPartDone: (part) => changed(...PART_TOPICS[part]),
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
    isOnline: () => connection.isOnline && client() !== null && state.cache !== null,
    emitStatus: (payload) => emit('live.status', payload),
    onChanged: () => changed('lives', 'stats'),
    onLiveEnded: () => {
      if (connection.isOnline) sync.start('watch');
    },
    onError: (error) => noteFailure(error),
    ...(options.monitorIntervalMs ? { intervalMs: options.monitorIntervalMs } : {}),
    now,
  });

  function maybeRefresh(scope: DataScope): void {
    if (!client() || !state.cache || !connection.isOnline) return;
    if (sync.running(scope) || sync.running('all')) return;
    const last = lastAutoRefresh.get(scope) ?? 0;
    if (now() - last < AUTO_REFRESH_COOLDOWN_MS) return;
    lastAutoRefresh.set(scope, now());
    sync.start(scope);
  }

  return { connection, sync, monitor, timeouts, onCallFailure, maybeRefresh };
}
