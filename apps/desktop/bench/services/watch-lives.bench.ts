// The watch statistics of 30 ended lives against the simulator over real HTTP (20 ms latency,
// WeCom's quotas enforced: 45009 per API per minute/hour, 45033 concurrency), into a real cache; the
// simulator runs on its own thread, as WeCom's servers do not share the app's event loop:
// side by side (the sync's default) against one live at a time, in the same run. Target: wall ≤
// 1.15 × max(calls ÷ the allowed rate, the longest single chain), and no 45009.
//   node apps/desktop/bench/services/watch-lives.bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { systemClock } from '@wld/clock';
import { openCache } from '../../src/services/cache/index.ts';
import { DEFAULT_SYNC_TUNING } from '../../src/services/sync/sync-run.ts';
import { harnessClient, harnessEngine } from '../faults/harness.ts';
import { isMain } from '../cache/run-main.ts';
import { formatTable, type ServicesBenchRow } from './report.ts';
import { startSimulatorThread, type EndedLive, type SimThread } from './sim-thread.ts';

const WATCH = '/cgi-bin/living/get_watch_stat';
const LIVES = 30;
const LATENCY_MS = 20;
const BOUND = 1.15;
/** The client's default budget per API (wecom-core quotas: perApiPerMinute). */
const ALLOWED_PER_MINUTE = 10_000;

const clock = {
  now: () => systemClock.now(),
  sleep: (ms: number, signal?: AbortSignal) => delay(Math.max(0, ms), undefined, { signal }),
};

interface Run {
  wallMs: number;
  calls: number;
  rateLimited: number;
  rows: number;
  maxInFlight: number;
  /** this process's CPU time (the simulator's thread included) */
  cpuMs: number;
}

async function syncLives(sim: SimThread, dir: string, name: string, lives: EndedLive[], watchConcurrency: number): Promise<Run> {
  const cache = openCache(join(dir, `${name}.db`));
  const livingids = lives.map((live) => live.livingid);
  try {
    cache.upsertLives(lives.map(({ rows: _rows, ...live }) => live));
    const client = harnessClient(sim, clock, { timeoutMs: 30_000 });
    const engine = harnessEngine({ cache, client, clock, tuning: { watchConcurrency } });
    await sim.resetStats();
    const started = performance.now();
    const startedCpu = process.cpuUsage();
    const end = await engine.start('watch').done;
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(startedCpu);
    if (end.state !== 'done') throw new Error(`the ${name} sync ended ${end.state}: ${end.error?.message ?? ''}`);
    const rows = livingids.reduce((n, id) => n + cache.watchCursor(id).rows, 0);
    await client.close();
    const counters = await sim.stats(WATCH, 45009);
    return {
      wallMs,
      calls: counters.calls,
      rateLimited: counters.errors,
      rows,
      maxInFlight: counters.maxConcurrent,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
  } finally {
    cache.close();
  }
}

export async function runWatchLivesBenchmark(): Promise<ServicesBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wld-watch-lives-'));
  const sim = await startSimulatorThread({ seed: 23, size: { users: 4_000, departments: 40, lives: 48, maxViewers: 12_000 }, latencyMs: LATENCY_MS });
  try {
    const ended = (await sim.endedLives()).slice(0, LIVES);
    if (ended.length < LIVES) throw new Error(`the simulator has ${ended.length} ended lives, not ${LIVES}`);
    const longest = [...ended].sort((a, b) => b.rows - a.rows)[0]!;

    const sequential = await syncLives(sim, dir, 'sequential', ended, 1);
    const concurrent = await syncLives(sim, dir, 'concurrent', ended, DEFAULT_SYNC_TUNING.watchConcurrency);
    const single = await syncLives(sim, dir, 'longest', [longest], 1);
    const byRate = concurrent.calls / (ALLOWED_PER_MINUTE / 60_000);
    const bound = BOUND * Math.max(byRate, single.wallMs);
    const data = `${LIVES} ended lives, ${concurrent.rows.toLocaleString('en-US')} rows, ${LATENCY_MS} ms latency`;
    const row = (benchmark: string, run: Run, target: string, met: boolean | null, notes: string): ServicesBenchRow => ({
      benchmark,
      data,
      samples: 1,
      p50Ms: null,
      p95Ms: null,
      value: run.wallMs,
      unit: 'ms',
      target,
      met,
      notes: `${run.calls} calls, ${run.rateLimited} × 45009, at most ${run.maxInFlight} in flight, process CPU ${run.cpuMs.toFixed(0)} ms (simulator included); ${notes}`,
    });
    return [
      row('watch sync, one live at a time (baseline)', sequential, '–', null, 'watchConcurrency 1'),
      row(
        'watch sync, lives side by side',
        concurrent,
        `≤ ${bound.toFixed(0)} ms, 0 × 45009`,
        concurrent.wallMs <= bound && concurrent.rateLimited === 0 && concurrent.rows === sequential.rows,
        `${(sequential.wallMs / concurrent.wallMs).toFixed(1)}× faster than the baseline; bound = ${BOUND} × max(calls ÷ ${ALLOWED_PER_MINUTE}/min = ${byRate.toFixed(0)} ms, longest chain ${single.wallMs.toFixed(0)} ms)`,
      ),
      row('watch sync, the longest live alone', single, '–', null, `${longest.rows.toLocaleString('en-US')} rows`),
    ];
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  console.log(formatTable(await runWatchLivesBenchmark()));
  process.exit(0);
}
