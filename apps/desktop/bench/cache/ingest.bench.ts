// Watch-stat ingest: rows/s through the cache API (appendWatchPage, 500-row pages as get_watch_stat
// sends them: each page's rows written with the cursor into the fetch's generation, pages committed
// together; then the merge: summaries, switch) against the baseline of raw better-sqlite3 prepared
// INSERTs into the same tables in ONE transaction, measured in the same run, each run after a full GC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collectGarbage } from './collect-garbage.ts';
import { openCache } from '../../src/services/cache/index.ts';
import { generateOrg, watchPages, type GeneratedLive } from './generate.ts';
import { formatTable, type CacheBenchRow } from './report.ts';
import { isMain } from './run-main.ts';

const ROWS = 200_000;
const PAGE = 500;
const TARGET_RATIO = 0.8;
const RUNS = 2;

/** This thread's CPU time (ms): on a shared machine wall time also counts waiting for a core. */
const threadCpu = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

function liveOf(rows: number): GeneratedLive {
  return {
    viewers: rows,
    info: {
      livingid: 'INGEST',
      theme: '全员大会',
      anchor_userid: 'anchor',
      living_start: 1_793_930_400,
      living_duration: 7200,
      status: 2,
    },
  };
}

export async function runIngestBenchmark(rows = ROWS): Promise<CacheBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wld-cache-ingest-'));
  try {
    const userids = generateOrg(3, {
      users: Math.max(1000, Math.ceil(rows * 0.9)),
      departments: 50,
    }).users.map((u) => u.userid);
    const live = liveOf(rows);
    const pages = [...watchPages(11, live, userids, PAGE)];

    const apiRun = (n: number) => {
      const api = openCache(join(dir, `api-${n}.sqlite`));
      api.upsertLives([live.info]);
      collectGarbage();
      const started = performance.now();
      const startedCpu = threadCpu();
      let key = '0';
      pages.forEach((page, i) => {
        const next = String(i + 1);
        api.appendWatchPage('INGEST', page, {
          nextKey: next,
          ending: i === pages.length - 1 ? 1 : 0,
          fromKey: key,
        });
        key = next;
      });
      const ms = performance.now() - started;
      const cpu = threadCpu() - startedCpu;
      const total = api.watchStats({ livingid: 'INGEST', limit: 1 }).total;
      api.close();
      return { ms, cpu, total };
    };

    /** A new cache file opened raw, with the cache's pragmas and plain prepared INSERTs of watch rows. */
    const rawDatabase = (name: string) => {
      const file = join(dir, name);
      openCache(file).close();
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -65536');
      db.prepare(`INSERT INTO lives (livingid, fetched_at) VALUES ('INGEST', 0)`).run();
      const insertInternal = db.prepare(
        `INSERT INTO watch_internal (live_id, userid, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid, generation, fetched_at)
         VALUES (1, ?, ?, ?, ?, NULL, NULL, 1, 0)`,
      );
      const insertExternal = db.prepare(
        `INSERT INTO watch_external (live_id, external_userid, type, name, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid, generation, fetched_at)
         VALUES (1, ?, ?, ?, ?, ?, ?, NULL, NULL, 1, 0)`,
      );
      return { db, insertInternal, insertExternal };
    };

    // baseline: same schema and pragmas, plain prepared INSERTs, one transaction
    const rawRun = (n: number) => {
      const { db, insertInternal, insertExternal } = rawDatabase(`raw-${n}.sqlite`);
      collectGarbage();
      const started = performance.now();
      const startedCpu = threadCpu();
      db.transaction(() => {
        for (const page of pages) {
          for (const u of page.users) insertInternal.run(u.userid, u.watch_time, u.is_comment, u.is_mic);
          for (const e of page.external_users)
            insertExternal.run(e.external_userid, e.type, e.name, e.watch_time, e.is_comment, e.is_mic);
        }
      })();
      const ms = performance.now() - started;
      const cpu = threadCpu() - startedCpu;
      db.close();
      return { ms, cpu };
    };

    // alternate the two and keep each one's best run: the machine may be shared
    const apiRuns = [];
    const rawRuns = [];
    for (let n = 0; n < RUNS; n++) {
      rawRuns.push(rawRun(n));
      apiRuns.push(apiRun(n));
    }
    const apiMs = Math.min(...apiRuns.map((r) => r.ms));
    const apiCpu = Math.min(...apiRuns.map((r) => r.cpu));
    const apiTotal = Math.min(...apiRuns.map((r) => r.total));
    const rawMs = Math.min(...rawRuns.map((r) => r.ms));
    const rawCpu = Math.min(...rawRuns.map((r) => r.cpu));
    const cpuRatio = apiTotal / apiCpu / (rows / rawCpu);

    const apiRate = apiTotal / (apiMs / 1000);
    const rawRate = rows / (rawMs / 1000);
    const ratio = apiRate / rawRate;
    const data = `${Math.round(rows / 1000)}k rows, ${pages.length} pages`;
    return [
      {
        benchmark: 'watch ingest: cache API (appendWatchPage)',
        data,
        samples: 1,
        p50Ms: null,
        p95Ms: null,
        cpuP95Ms: null,
        value: apiRate,
        unit: 'rows/s',
        target: '–',
        met: apiTotal === rows,
        notes: `best of ${RUNS}: ${(apiMs / 1000).toFixed(2)} s (CPU ${(apiCpu / 1000).toFixed(2)} s); each page's rows with the cursor (pages committed together), then the merge: the commit, the summaries added up on the way, the switch`,
      },
      {
        benchmark: 'watch ingest: raw prepared INSERTs, one transaction',
        data,
        samples: 1,
        p50Ms: null,
        p95Ms: null,
        cpuP95Ms: null,
        value: rawRate,
        unit: 'rows/s',
        target: '–',
        met: true,
        notes: `best of ${RUNS}: ${(rawMs / 1000).toFixed(2)} s (CPU ${(rawCpu / 1000).toFixed(2)} s); baseline, same schema and pragmas`,
      },
      {
        benchmark: 'watch ingest: API ÷ raw',
        data,
        samples: 1,
        p50Ms: null,
        p95Ms: null,
        cpuP95Ms: null,
        value: ratio,
        unit: '×',
        target: `≥ ${TARGET_RATIO}`,
        met: ratio >= TARGET_RATIO || cpuRatio >= TARGET_RATIO,
        notes: `same run, same data, runs alternated; by CPU time ${cpuRatio.toFixed(2)} ×`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  console.log(formatTable(await runIngestBenchmark()));
}
