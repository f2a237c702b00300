// Runs one benchmark pass several times, timed (wall, simulator calls, 45009s, memory peaks), and
// keeps the fastest wall: other processes on a shared machine only ever make a run slower. Then it
// runs it once with the simulator's latency off (the cost of everything but latency), and once
// untimed with GC probes to find the heap the run actually holds.
import { startMemorySampler, startRetainedProbe } from './memory.ts';
import type { SimHost } from './sim-host.ts';
import type { CoreBenchRow } from './report.ts';

export const DEFAULT_REPEATS = 3;

export interface Measured<T> {
  value: T;
  /** Fastest of the timed runs. */
  wallMs: number;
  /** Calls of one run. */
  calls: number;
  /** This process's CPU time (user + system) in the fastest run, per call. */
  cpuMsPerCall: number;
  /** 45009 / 45033 answers over all timed runs. */
  rateLimited: number;
  concurrencyLimited: number;
  /** Highest over all timed runs. */
  peakRssMb: number;
  peakHeapDeltaMb: number;
  retainedHeapMb: number;
  repeats: number;
  /** The same run with the simulator's latency off: what server, transfer and client cost alone. */
  noLatencyMs: number | null;
}

export async function measure<T>(
  sim: SimHost,
  run: (probe: () => void) => Promise<T>,
  options: { latencyMs: number; repeats?: number; noLatencyRun?: boolean },
): Promise<Measured<T>> {
  const repeats = options.repeats ?? DEFAULT_REPEATS;
  const noProbe = (): void => undefined;
  let best: { value: T; wallMs: number; calls: number; cpuMsPerCall: number } | null = null;
  let rateLimited = 0;
  let concurrencyLimited = 0;
  let peakRssMb = 0;
  let peakHeapDeltaMb = 0;
  for (let i = 0; i < repeats; i++) {
    const before = await sim.stats();
    const memory = startMemorySampler();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const value = await run(noProbe);
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const peak = memory.stop();
    const after = await sim.stats();
    rateLimited += after.rateLimited - before.rateLimited;
    concurrencyLimited += after.concurrencyLimited - before.concurrencyLimited;
    peakRssMb = Math.max(peakRssMb, peak.peakRssMb);
    peakHeapDeltaMb = Math.max(peakHeapDeltaMb, peak.peakHeapDeltaMb);
    const calls = after.calls - before.calls;
    if (!best || wallMs < best.wallMs) {
      best = { value, wallMs, calls, cpuMsPerCall: (cpu.user + cpu.system) / 1000 / Math.max(1, calls) };
    }
  }
  let noLatencyMs: number | null = null;
  if (options.noLatencyRun !== false) {
    await sim.setLatency(0);
    const noLatencyStarted = performance.now();
    await run(noProbe);
    noLatencyMs = performance.now() - noLatencyStarted;
    await sim.setLatency(options.latencyMs);
  }
  const retained = startRetainedProbe();
  await run(retained.probe);
  return {
    ...best!,
    rateLimited,
    concurrencyLimited,
    peakRssMb,
    peakHeapDeltaMb,
    retainedHeapMb: retained.stop(),
    repeats,
    noLatencyMs,
  };
}

/**
 * For the notes column: the same run without latency, and — for a chain of pages, where nothing can
 * overlap — wall ÷ (latency bound + that run), i.e. how close the run came to latency plus the
 * simulator's and the client's own work per page.
 */
export function noLatencyNote(
  result: Pick<Measured<unknown>, 'noLatencyMs' | 'wallMs'>,
  chainBoundMs?: number,
): string {
  if (result.noLatencyMs === null) return 'no 0 ms latency run';
  const base = `same run at 0 ms latency: ${(result.noLatencyMs / 1000).toFixed(2)} s`;
  if (chainBoundMs === undefined) return base;
  return `${base}, wall ÷ (bound + that) = ${(result.wallMs / (chainBoundMs + result.noLatencyMs)).toFixed(3)}x`;
}

/** The report columns every measured row shares: time, calls, memory and rate limits. */
export function measuredColumns(result: Measured<unknown>) {
  return {
    wallMs: result.wallMs,
    calls: result.calls,
    peakRssMb: result.peakRssMb,
    peakHeapDeltaMb: result.peakHeapDeltaMb,
    retainedHeapMb: result.retainedHeapMb,
    rateLimited: result.rateLimited,
  };
}

/** "client CPU 0.35 ms/call", for the notes column. */
export function cpuNote(result: Pick<Measured<unknown>, 'cpuMsPerCall'>): string {
  return `client CPU ${result.cpuMsPerCall.toFixed(2)} ms/call`;
}

/**
 * The report row of a cursor-chained sync (list_id, get_watch_stat): each page waits for the previous
 * cursor, so the lower bound is the chain of pages × latency.
 */
export function chainedPagesRow(
  benchmark: string,
  data: string,
  result: Measured<number>,
  baselineMs: number,
  latencyMs: number,
  counts: { expected: number; unit: string; pageNote: string },
): CoreBenchRow {
  const lowerBoundMs = result.calls * latencyMs;
  const complete = result.value === counts.expected ? 'all' : `expected ${counts.expected}`;
  return {
    benchmark,
    data,
    ...measuredColumns(result),
    lowerBoundMs,
    boundBy: `chain: ${result.calls} pages × ${latencyMs} ms`,
    wallOverBound: result.wallMs / lowerBoundMs,
    baselineMs,
    speedUp: baselineMs / result.wallMs,
    notes:
      `${result.value} ${counts.unit} (${complete}), ${counts.pageNote}; best of ${result.repeats}; ` +
      `${cpuNote(result)}; ${noLatencyNote(result, lowerBoundMs)}`,
  };
}
