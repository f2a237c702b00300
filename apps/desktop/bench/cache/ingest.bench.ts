// Watch-stat ingest: rows/s through the cache API (appendWatchPage, 500-row pages as get_watch_stat
// sends them: each page's rows written with the cursor into the fetch's generation, pages committed
// together; then the merge: summaries, switch) against the baseline of raw better-sqlite3 prepared
// INSERTs of the same rows into the same tables in ONE transaction (raw-watch-rows.ts), measured in
// the same run, each run after a full GC.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { collectGarbage } from './collect-garbage.ts';
import { openCache } from '../../src/services/cache/index.ts';
import { generateOrg, watchPages, type GeneratedLive } from './generate.ts';
import { formatTable, threadCpu, type CacheBenchRow } from './report.ts';
import { rawWatchInserts, storedRowsDiffer } from './raw-watch-rows.ts';
import { isMain } from './run-main.ts';

const ROWS = 200_000;
const PAGE = 500;
const TARGET_RATIO = 0.8;
const RUNS = 2;
/** the fetch time both the API and the baseline store on every row */
const FETCHED_AT = 1_793_934_000_000;

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
      const file = join(dir, `api-${n}.sqlite`);
      const api = openCache(file);
      api.upsertLives([live.info]);
      collectGarbage();
      const started = performance.now();
      const startedCpu = threadCpu();
      let key = '0';
      pages.forEach((page, i) => {
        const next = String(i + 1);
        api.appendWatchPage(
          'INGEST',
          page,
          {
            nextKey: next,
            ending: i === pages.length - 1 ? 1 : 0,
            fromKey: key,
          },
          FETCHED_AT,
        );
        key = next;
      });
      const ms = performance.now() - started;
      const cpu = threadCpu() - startedCpu;
      const total = api.watchStats({ livingid: 'INGEST', limit: 1 }).total;
      api.close();
      return { ms, cpu, total, file };
    };

    /** A new cache file with the live, opened raw with the cache's pragmas. */
    const rawDatabase = (name: string) => {
      const file = join(dir, name);
      openCache(file).close();
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      db.pragma('cache_size = -65536');
      const liveId = Number(
        db.prepare(`INSERT INTO lives (livingid, fetched_at) VALUES ('INGEST', 0)`).run().lastInsertRowid,
      );
      return { db, file, liveId };
    };

    // baseline: same schema and pragmas, plain prepared INSERTs of the rows the API stores, one transaction
    const rawRun = (n: number, rows: 'same' | 'smaller') => {
      const { db, file, liveId } = rawDatabase(`raw-${rows}-${n}.sqlite`);
      // the API's cache holds no users here: every internal viewer's department is unknown (NULL)
      const insert = rawWatchInserts(
        db,
        pages,
        { liveId, generation: 1, fetchedAt: FETCHED_AT, homes: new Map() },
        rows,
      );
      collectGarbage();
      const started = performance.now();
      const startedCpu = threadCpu();
      insert();
      const ms = performance.now() - started;
      const cpu = threadCpu() - startedCpu;
      db.close();
      return { ms, cpu, file, liveId };
    };

    // alternate them and keep each one's best run: the machine may be shared
    const apiRuns = [];
    const rawRuns = [];
    const smallerRuns = [];
    for (let n = 0; n < RUNS; n++) {
      rawRuns.push(rawRun(n, 'same'));
      smallerRuns.push(rawRun(n, 'smaller'));
      apiRuns.push(apiRun(n));
    }
    const check = new Database(apiRuns[0]!.file, { readonly: true });
    check.exec(`ATTACH DATABASE '${rawRuns[0]!.file.replaceAll("'", "''")}' AS raw`);
    const api = check.prepare(`SELECT id, watch_generation FROM lives WHERE livingid = 'INGEST'`).get() as {
      id: number;
      watch_generation: number;
    };
    const differ = storedRowsDiffer(
      check,
      { liveId: api.id, generation: api.watch_generation },
      { schema: 'raw', liveId: rawRuns[0]!.liveId, generation: 1 },
    );
    check.close();
    if (differ !== 0) throw new Error(`the baseline stored ${differ} rows other than the API's`);
    const apiMs = Math.min(...apiRuns.map((r) => r.ms));
    const apiCpu = Math.min(...apiRuns.map((r) => r.cpu));
    const apiTotal = Math.min(...apiRuns.map((r) => r.total));
    const rawMs = Math.min(...rawRuns.map((r) => r.ms));
    const rawCpu = Math.min(...rawRuns.map((r) => r.cpu));
    const cpuRatio = apiTotal / apiCpu / (rows / rawCpu);
    const smallerMs = Math.min(...smallerRuns.map((r) => r.ms));
    const smallerCpu = Math.min(...smallerRuns.map((r) => r.cpu));

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
        notes: `best of ${RUNS}: ${(rawMs / 1000).toFixed(2)} s (CPU ${(rawCpu / 1000).toFixed(2)} s); baseline: the same rows as the API stores, same schema and pragmas`,
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
        notes: `same run, same rows (checked), runs alternated; by CPU time ${cpuRatio.toFixed(2)} ×; against the earlier baseline of smaller rows (fetched_at 0) ${(apiRate / (rows / (smallerMs / 1000))).toFixed(2)} × (CPU ${(apiTotal / apiCpu / (rows / smallerCpu)).toFixed(2)} ×)`,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) {
  console.log(formatTable(await runIngestBenchmark()));
}
