// The services benchmarks as one call for the root bench runner: rows plus a markdown table.
//   node apps/desktop/bench/services/index.ts        (all)
//   node apps/desktop/bench/services/init.bench.ts   (start-up on a warm cache, RSS)
//   node apps/desktop/bench/services/rpc.bench.ts    (RPC round trip, RPC under load during a sync)
//   node apps/desktop/bench/services/watch-lives.bench.ts (30 lives' watch stats side by side vs one at a time)
import { isMain } from '../cache/run-main.ts';
import { runInitBenchmark } from './init.bench.ts';
import { formatTable, type ServicesBenchRow } from './report.ts';
import { runRpcBenchmarks } from './rpc.bench.ts';
import { runWatchLivesBenchmark } from './watch-lives.bench.ts';

export type { ServicesBenchRow } from './report.ts';
export { formatTable } from './report.ts';
export { runInitBenchmark, runRpcBenchmarks, runWatchLivesBenchmark };

export async function runServicesBenchmarks(): Promise<ServicesBenchRow[]> {
  return [...(await runRpcBenchmarks()), ...(await runInitBenchmark()), ...(await runWatchLivesBenchmark())];
}

export async function runServicesBenchmarksTable(): Promise<string> {
  return formatTable(await runServicesBenchmarks());
}

if (isMain(import.meta.url)) console.log(await runServicesBenchmarksTable());
