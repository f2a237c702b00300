// The Demo profile's WeCom: the embedded simulator over a fixed seed, on the services' clock so that
// some lives are on now (and WLD_FAKE_NOW moves both together). Its secrets never touch the keychain.
import { startSimulator, type SimServer, type SimSize } from '@wld/wecom-sim';
import type { SyncTuning } from '../sync/sync-run.ts';

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

export function startDemoSimulator(options: DemoOptions, now: () => number): Promise<SimServer> {
  return startSimulator({ seed: options.seed ?? DEMO_SEED, size: { ...DEMO_SIZE, ...options.size }, now });
}
