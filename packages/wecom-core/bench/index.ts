// The wecom-core benchmarks as one call for the root bench runner: rows plus a markdown table.
import { runOrgSyncBenchmarks } from './org-sync.bench.ts';
import { formatTable, machineNote, type CoreBenchRow } from './support/report.ts';
import { isMain } from './support/run-main.ts';
import { runWatchStatsBenchmarks } from './watch-stats.bench.ts';

export type { CoreBenchRow } from './support/report.ts';
export { formatTable, machineNote } from './support/report.ts';
export { runOrgSyncBenchmarks, runWatchStatsBenchmarks };

export async function runCoreBenchmarks(): Promise<CoreBenchRow[]> {
  return [...(await runOrgSyncBenchmarks()), ...(await runWatchStatsBenchmarks())];
}

export async function runCoreBenchmarksTable(): Promise<string> {
  return `${formatTable(await runCoreBenchmarks())}\n${machineNote()}`;
}

if (isMain(import.meta.url)) console.log(await runCoreBenchmarksTable());
