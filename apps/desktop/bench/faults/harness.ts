// A sync engine on a real WeCom client (real HTTP to the simulator) and a real SQLite cache, with
// the client's and the engine's waits on a given clock: what the fault matrix and the sync tests run.
import { createWeComClient, type WeComClient, type WeComConfigInput } from '@wld/wecom-core';
import type { SimServer } from '@wld/wecom-sim';
import type { SyncProgress } from '../../src/shared/models.ts';
import type { Cache } from '../../src/services/cache/index.ts';
import { createSyncEngine, type SyncEngine } from '../../src/services/sync/sync-engine.ts';
import type { SyncTuning } from '../../src/services/sync/sync-run.ts';
import { toServiceError } from '../../src/services/wecom/service-errors.ts';
import type { VirtualClock } from './virtual-clock.ts';

/** Where the simulator answers: a SimServer, or one running on another thread. */
export type SimEndpoint = Pick<SimServer, 'url' | 'corpId' | 'apps' | 'contactsSecret'>;

export function harnessClient(
  sim: SimEndpoint,
  clock: Pick<VirtualClock, 'now' | 'sleep'>,
  options: { timeoutMs?: number; quotas?: WeComConfigInput['quotas'] } = {},
): WeComClient {
  const app = sim.apps[0]!;
  return createWeComClient(
    {
      corpId: sim.corpId,
      apps: [{ name: app.name, agentId: app.agentId, secret: app.secret }],
      contactsSecret: sim.contactsSecret,
      baseUrl: sim.url,
      timeoutMs: options.timeoutMs ?? 5_000,
      maxRetries: 2,
      retryDelayMs: 100,
      maxRetryDelayMs: 2_000,
      cache: { enabled: false },
      language: 'en-US',
      ...(options.quotas ? { quotas: options.quotas } : {}),
    },
    { now: clock.now, sleep: clock.sleep },
  );
}

export function harnessEngine(options: {
  cache: Cache;
  client: WeComClient;
  clock: Pick<VirtualClock, 'now' | 'sleep'>;
  tuning?: Partial<SyncTuning>;
  onProgress?: (progress: SyncProgress) => void;
}): SyncEngine {
  return createSyncEngine({
    cache: () => options.cache,
    client: () => options.client,
    hasContactsSecret: () => true,
    language: () => 'en-US',
    toServiceError: (error) => toServiceError(error),
    emitProgress: options.onProgress ?? (() => {}),
    ...(options.tuning ? { tuning: options.tuning } : {}),
    now: options.clock.now,
    sleep: (ms, signal) => options.clock.sleep(ms, signal),
  });
}
