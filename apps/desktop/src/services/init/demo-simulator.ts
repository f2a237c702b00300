// The Demo profile's WeCom: the embedded simulator over a fixed seed, on the services' clock so that
// some lives are on now (and WLD_FAKE_NOW moves both together). Its secrets never touch the keychain.
import { startSimulator, type SimServer, type SimSize } from '@wld/wecom-sim';
import type { SyncTuning } from '../sync/sync-run.ts';
import type { DemoWritesFile } from './demo-writes-file.ts';

export const DEMO_SEED = 20_240_601;
/** A mid-sized company: enough data to feel real, small enough for a first sync of a few seconds. */
export const DEMO_SIZE: SimSize = { users: 2_000, departments: 120, tags: 12, lives: 60, maxViewers: 600 };

/**
 * The Demo's first sync asks every member for their lives, so its first start shows all its lives
 * (at the corp share of 1,500 members an hour, its ~1,700 active members took two syncs an hour
 * apart, and a fifth of the lives came an hour late). Then it keeps to 3,000 members an hour (2 % of
 * the list call's 150,000): asking everyone at every sync made ~1,700 calls a sync, and the Demo's
 * API usage screen showed an app that hammers WeCom.
 */
export const DEMO_SYNC_TUNING: Partial<SyncTuning> = { discoveryQuotaShare: 0.02, anchorDiscoveryBatch: 10_000 };

export interface DemoOptions {
  seed?: number;
  size?: SimSize;
}

/**
 * The Demo's simulator; with `saved`, it starts from the writes the app made to it before (lives,
 * messages, chats, calendar entries) and keeps each new one there.
 */
export async function startDemoSimulator(options: DemoOptions, now: () => number, saved?: DemoWritesFile): Promise<SimServer> {
  const seed = options.seed ?? DEMO_SEED;
  const writes = saved?.read(seed) ?? undefined;
  const started = await startSimulator({
    seed,
    size: { ...DEMO_SIZE, ...options.size },
    now,
    // ids of new lives and messages from a seed of this start: the cache of an earlier Demo may hold
    // ids its simulator gave out and did not save
    idSeed: Math.floor(now()),
    ...(writes ? { writes } : {}),
    ...(saved ? { onWrite: saved.changed } : {}),
  });
  if (!saved) return started;
  return {
    ...started,
    async close() {
      await saved.flush();
      await started.close();
    },
  };
}
