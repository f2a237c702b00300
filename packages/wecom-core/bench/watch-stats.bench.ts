// Watch statistics of a 100k-viewer live against the simulator (30 ms latency, WeCom's quotas):
// get_watch_stat paged by next_key until ending == 1, totals accumulated page by page. Also a
// ~20k-viewer live to show memory does not grow with the viewer count, and a baseline that asks for
// each page only after handling the previous one.
import type { WeComClient } from '../src/client.ts';
import { watchStatPageSchema } from '../src/models/living.ts';
import { WatchTotalsAccumulator } from '../src/services/statistics.ts';
import { BENCH_LATENCY_MS, benchClient } from './support/bench-client.ts';
import { chainedPagesRow, measure } from './support/measure.ts';
import { formatTable, machineNote, type CoreBenchRow } from './support/report.ts';
import { isMain } from './support/run-main.ts';
import { startSimProcess, type SimHost } from './support/sim-host.ts';

export const WATCH_VIEWERS = 100_000;

async function watchRow(
  client: WeComClient,
  sim: SimHost,
  live: { livingid: string; viewers: number },
): Promise<CoreBenchRow> {
  const result = await measure(
    sim,
    async (probe) => {
      const totals = new WatchTotalsAccumulator();
      let pages = 0;
      for await (const page of client.lives.watchStatPages(live.livingid, { priority: 'background' })) {
        totals.addPage(page);
        if (++pages % 25 === 0) probe();
      }
      return totals.totals().viewers;
    },
    { latencyMs: BENCH_LATENCY_MS },
  );

  // Baseline: one request at a time, the next asked for only after the page was handled.
  const baselineStarted = performance.now();
  const baselineTotals = new WatchTotalsAccumulator();
  let key = '0';
  for (;;) {
    const page = await client.pipeline.call({
      method: 'POST',
      path: '/cgi-bin/living/get_watch_stat',
      body: { livingid: live.livingid, next_key: key },
      priority: 'background',
      schema: watchStatPageSchema,
    });
    baselineTotals.addPage(page);
    if (page.ending === 1) break;
    key = page.next_key ?? key;
  }
  const baselineMs = performance.now() - baselineStarted;

  return chainedPagesRow('watch stats: get_watch_stat', `${Math.round(live.viewers / 1000)}k viewers`, result, baselineMs, BENCH_LATENCY_MS, {
    expected: live.viewers,
    unit: 'viewers',
    pageNote: `${sim.info.watchStatPageSize} rows per page`,
  });
}

export async function runWatchStatsBenchmarks(viewers = WATCH_VIEWERS): Promise<CoreBenchRow[]> {
  const sim = await startSimProcess({
    seed: 1,
    latencyMs: BENCH_LATENCY_MS,
    size: { users: 20_000, departments: 800, tags: 10, lives: 12, maxViewers: viewers },
  });
  const client = await benchClient(sim.info);
  try {
    const biggest = sim.info.lives[0]!;
    const smaller = sim.info.lives.reduce((best, live) =>
      Math.abs(live.viewers - biggest.viewers / 5) < Math.abs(best.viewers - biggest.viewers / 5)
        ? live
        : best,
    );
    // Warm-up: a few pages so JIT and connection set-up are not timed.
    let warm = 0;
    for await (const _page of client.lives.watchStatPages(smaller.livingid)) if (++warm === 5) break;
    return [await watchRow(client, sim, smaller), await watchRow(client, sim, biggest)];
  } finally {
    await client.close();
    await sim.close();
  }
}

if (isMain(import.meta.url)) {
  const rows = await runWatchStatsBenchmarks();
  console.log(formatTable(rows));
  console.log(machineNote());
}
