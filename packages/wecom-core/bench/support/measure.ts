// Runs one benchmark pass timed (wall, simulator calls, 45009s, memory peaks), then repeats it
// untimed with GC probes to find the heap the run actually holds.
import { startMemorySampler, startRetainedProbe } from './memory.ts';
import type { SimHost } from './sim-host.ts';

export interface Measured<T> {
  value: T;
  wallMs: number;
  calls: number;
  rateLimited: number;
  concurrencyLimited: number;
  peakRssMb: number;
  peakHeapDeltaMb: number;
  retainedHeapMb: number;
}

export async function measure<T>(sim: SimHost, run: (probe: () => void) => Promise<T>): Promise<Measured<T>> {
  const before = await sim.stats();
  const memory = startMemorySampler();
  const started = performance.now();
  const value = await run(() => undefined);
  const wallMs = performance.now() - started;
  const peak = memory.stop();
  const after = await sim.stats();
  const retained = startRetainedProbe();
  await run(retained.probe);
  return {
    value,
    wallMs,
    calls: after.calls - before.calls,
    rateLimited: after.rateLimited - before.rateLimited,
    concurrencyLimited: after.concurrencyLimited - before.concurrencyLimited,
    retainedHeapMb: retained.stop(),
    ...peak,
  };
}
