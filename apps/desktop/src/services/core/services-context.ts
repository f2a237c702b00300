// The ServicesContext handlers use, over the core's parts: state, credentials, client, connection.
import type { WeComClient } from '@wld/wecom-core';
import type { EventPayload, ServicesEvent } from '../../shared/contract.ts';
import { RpcError } from '../../shared/rpc.ts';
import type { Cache } from '../cache/index.ts';
import type { ServicesContext } from '../context.ts';
import { isStale } from '../staleness.ts';
import { offlineFailure } from '../wecom/service-errors.ts';
import type { ClientLifecycle } from './client-lifecycle.ts';
import type { ConnectionWiring } from './connection-wiring.ts';
import { languageOf, type CoreLog, type CoreState } from './core-state.ts';
import type { Credentials } from './credentials.ts';
import { clientUnavailable } from './unavailable.ts';

interface ContextDeps {
  state: CoreState;
  now: () => number;
  credentials: Credentials;
  clients: ClientLifecycle;
  wiring: ConnectionWiring;
  requireCache: () => Cache;
  requireClient: () => WeComClient;
  emit: <E extends ServicesEvent>(event: E, payload: EventPayload<E>) => void;
  log: CoreLog;
}

const notInitialised = () =>
  new RpcError({ kind: 'internal', code: 'NOT_READY', message: 'The services have not been initialised' });

export function createServicesContext(deps: ContextDeps): ServicesContext {
  const { state, now, credentials, clients, wiring, requireCache, requireClient, emit, log } = deps;
  const { connection } = wiring;
  const language = () => languageOf(state);

  /** Runs a WeCom call only when online; a failure on the way is judged for offline / wrong secret. */
  async function call<T>(kind: 'write' | 'read', run: (client: WeComClient) => Promise<T>): Promise<T> {
    const target = requireClient();
    if (!connection.isOnline) {
      const reason = connection.current.lastError?.message;
      throw new RpcError(offlineFailure(kind, reason));
    }
    try {
      return await run(target);
    } catch (error) {
      return wiring.onCallFailure(error, kind);
    }
  }

  return {
    language,
    settings: () => {
      if (!state.settings) throw notInitialised();
      return state.settings;
    },
    profile: () => state.profile,
    dataPaths: () => {
      if (!state.init) throw notInitialised();
      return { userData: state.init.paths.userData, cacheDb: state.init.paths.cacheDb };
    },
    now,
    cache: requireCache,
    vault: credentials.vault,
    secretStorage: (profileId, app) => credentials.secretStorage(profileId, app),
    connection,
    sync: wiring.sync,
    monitor: wiring.monitor,
    clientOrNull: () => clients.current(),
    write: (run) => call('write', run),
    online: (run) => call('read', run),
    freshness(asOf, ...scopes) {
      const stale = isStale(asOf, now(), state.settings?.network);
      if (stale) for (const scope of scopes) wiring.maybeRefresh(scope);
      return { asOf, stale };
    },
    emit,
    changed(...topics) {
      emit('changed', { topics: [...new Set(topics)] });
    },
    networkSecretsMove: () => credentials.networkSecretsMove(),
    async reloadCredentials() {
      if (!state.profile || !state.settings) {
        connection.setUnconfigured();
        return;
      }
      const secrets = await credentials.loadSecrets();
      const rebuilt = await clients.rebuildClient(secrets);
      if (!rebuilt) {
        connection.setUnconfigured(clientUnavailable(true, credentials.secretsWithheld()));
        return;
      }
      connection.setConnecting();
      await connection.reconnect();
    },
    simulatorUrl: () => clients.simulator()?.url ?? null,
    networkEnvironment: () => state.environment,
    log,
  };
}
