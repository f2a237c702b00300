// The Demo profile's WeCom: the embedded simulator over a fixed seed, on the services' clock so that
// some lives are on now (and WLD_FAKE_NOW moves both together). Its secrets never touch the keychain.
import { startSimulator, type SimServer, type SimSize } from '@wld/wecom-sim';

export const DEMO_SEED = 20_240_601;
/** A mid-sized company: enough data to feel real, small enough for a first sync of a few seconds. */
export const DEMO_SIZE: SimSize = { users: 2_000, departments: 120, tags: 12, lives: 60, maxViewers: 600 };

export interface DemoOptions {
  seed?: number;
  size?: SimSize;
}

export function startDemoSimulator(options: DemoOptions, now: () => number): Promise<SimServer> {
  return startSimulator({ seed: options.seed ?? DEMO_SEED, size: { ...DEMO_SIZE, ...options.size }, now });
}
