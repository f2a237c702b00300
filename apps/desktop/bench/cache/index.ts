// The cache benchmarks as one call for the root bench runner: rows plus a markdown table.
// Runnable alone: node apps/desktop/bench/cache/index.ts
import { cpus, loadavg } from 'node:os';
import { runIngestBenchmark } from './ingest.bench.ts';
import { runQueryBenchmarks } from './queries.bench.ts';
import { formatTable, type CacheBenchRow } from './report.ts';
import { isMain } from './run-main.ts';

export type { CacheBenchRow } from './report.ts';
export { formatTable } from './report.ts';
export { buildWarmCache, type WarmCache, type WarmCacheSize } from './warm-cache.ts';
export { runIngestBenchmark, runQueryBenchmarks };

export async function runCacheBenchmarks(): Promise<CacheBenchRow[]> {
  return [...(await runIngestBenchmark()), ...(await runQueryBenchmarks())];
}

export async function runCacheBenchmarksTable(): Promise<string> {
  return formatTable(await runCacheBenchmarks());
}

if (isMain(import.meta.url)) {
  const started = performance.now();
  const load = loadavg()[0]?.toFixed(1);
  console.log(await runCacheBenchmarksTable());
  console.log(
    `\n${((performance.now() - started) / 1000).toFixed(1)} s; ${cpus().length} cores, load average ${load} at the start`,
  );
}
