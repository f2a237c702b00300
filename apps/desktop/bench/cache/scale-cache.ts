// A big cache for the scale benchmarks, built fast: the org and the lives through the Cache API (as
// a sync writes them), the watch rows with raw prepared INSERTs in key order in big transactions,
// straight into the cache's tables, as a finished fetch leaves them (generation 1, sync state
// done); then the Cache computes every live's summary. 10M rows take a few minutes on 2 cores.
// A built cache is kept as a template (see warm-cache.ts): later calls copy it.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCache } from '../../src/services/cache/index.ts';
import { generateLives, generateOrg, seededRandom } from './generate.ts';
import { fromTemplate } from './warm-cache.ts';

export interface ScaleCacheSize {
  users: number;
  departments: number;
  lives: number;
  watchRows: number;
  /** viewers of one all-hands live among them (default 100k, capped by the org) */
  allHandsViewers?: number;
  seed?: number;
}

export interface ScaleCache {
  file: string;
  userids: string[];
  /** unix seconds the data is built around */
  now: number;
  lives: Array<{ livingid: string; viewers: number }>;
  allHands: string;
  timings: { orgMs: number; watchMs: number; summariesMs: number };
  reused: boolean;
}

const NOW = 1_793_930_400; // 2026-11-02 10:00 Beijing
const ROWS_PER_TRANSACTION = 500_000;

/** Its own folder, apart from the smaller warm caches (v2: templates of other code are kept while in use). */
const SCALE_TEMPLATES = join(tmpdir(), 'wld-scale-cache-v2');

export async function buildScaleCache(file: string, size: ScaleCacheSize): Promise<ScaleCache> {
  return fromTemplate(file, { scale: size }, (target) => build(target, size), SCALE_TEMPLATES);
}

async function build(file: string, size: ScaleCacheSize): Promise<Omit<ScaleCache, 'file' | 'reused'>> {
  const seed = size.seed ?? 11;
  const fetchedAt = NOW * 1000;
  let started = performance.now();
  const org = generateOrg(seed, size);
  const userids = org.users.map((u) => u.userid);
  const anchors = userids.filter((_, i) => i % 997 === 0).slice(0, 40);
  const allHandsViewers = Math.min(size.allHandsViewers ?? 100_000, Math.floor(org.users.length / 0.9));
  const lives = generateLives(seed, size.lives - 1, size.watchRows - allHandsViewers, NOW, anchors);
  const allHands = {
    viewers: allHandsViewers,
    info: {
      livingid: `lv${seed}allhands`,
      theme: '年度全员大会',
      anchor_userid: anchors[0] ?? 'anchor',
      living_start: NOW - 20 * 86400,
      living_duration: 7200,
      status: 2,
      type: 0,
      main_department: 1,
      viewer_num: allHandsViewers,
    },
  };
  lives.push(allHands);

  const cache = openCache(file, { now: () => fetchedAt });
  try {
    const generation = cache.beginOrgSync({ include: ['departments', 'users'] });
    cache.upsertDepartments(org.departments, fetchedAt);
    for (let i = 0; i < org.users.length; i += 5000) cache.upsertUsers(org.users.slice(i, i + 5000), fetchedAt);
    cache.finishOrgSync(generation, fetchedAt);
    cache.upsertLives(
      lives.map((l) => l.info),
      fetchedAt,
    );
  } finally {
    cache.close();
  }
  const orgMs = performance.now() - started;

  started = performance.now();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const liveIds = new Map(
    (db.prepare('SELECT livingid, id FROM lives').all() as Array<{ livingid: string; id: number }>).map((r) => [
      r.livingid,
      r.id,
    ]),
  );
  const homes = new Map(
    (db.prepare('SELECT userid, home_department FROM users').raw().all() as Array<[string, number | null]>).map(
      ([u, d]) => [u, d],
    ),
  );
  const insertInternal = db.prepare(
    `INSERT INTO watch_internal (live_id, generation, userid, watch_time, is_comment, is_mic, department_id, fetched_at)
     VALUES (?, 1, ?, ?, ?, ?, ?, ?)`,
  );
  const insertExternal = db.prepare(
    `INSERT INTO watch_external (live_id, generation, external_userid, type, name, watch_time, is_comment, is_mic, fetched_at)
     VALUES (?, 1, ?, 1, ?, ?, ?, ?, ?)`,
  );
  const finished = db.prepare(
    `INSERT INTO sync_state (scope, status, cursor, fetched_at, done, generation, data, updated_at)
     VALUES (?, 'done', NULL, ?, ?, 1, ?, ?)`,
  );
  const current = db.prepare('UPDATE lives SET watch_generation = 1 WHERE id = ?');
  const dirty = db.prepare('INSERT OR REPLACE INTO live_summary (live_id, dirty) VALUES (?, 1)');
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  let inTransaction = 0;
  begin.run();
  const n = userids.length;
  lives.forEach((live, i) => {
    const liveId = liveIds.get(live.info.livingid)!;
    const random = seededRandom(seed * 1000 + i);
    const external = Math.floor(live.viewers * 0.1);
    const internal = Math.min(n, live.viewers - external);
    const start = Math.floor(random() * n);
    let step = 1 + Math.floor(random() * (n - 1));
    while (gcd(step, n) !== 1) step++;
    const viewers = Array.from({ length: internal }, (_, k) => userids[(start + k * step) % n]!).sort();
    const duration = live.info.living_duration;
    for (const userid of viewers) {
      insertInternal.run(
        liveId,
        userid,
        Math.floor(random() * duration * 1.1),
        random() < 0.1 ? 1 : 0,
        random() < 0.01 ? 1 : 0,
        homes.get(userid) ?? null,
        fetchedAt,
      );
    }
    const guests = Array.from({ length: live.viewers - internal }, (_, k) => `wm${live.info.livingid}-${k}`).sort();
    for (const [k, guest] of guests.entries()) {
      insertExternal.run(
        liveId,
        guest,
        `微信用户${k}`,
        Math.floor(random() * duration * 1.1),
        random() < 0.1 ? 1 : 0,
        random() < 0.01 ? 1 : 0,
        fetchedAt,
      );
    }
    const pages = Math.ceil(live.viewers / 500);
    finished.run(
      `watch:${live.info.livingid}`,
      fetchedAt,
      live.viewers,
      JSON.stringify({ pages, liveStatus: 2, final: true, lastPageAt: fetchedAt }),
      fetchedAt,
    );
    current.run(liveId);
    dirty.run(liveId);
    inTransaction += live.viewers;
    if (inTransaction >= ROWS_PER_TRANSACTION) {
      commit.run();
      begin.run();
      inTransaction = 0;
    }
  });
  db.prepare(`INSERT OR REPLACE INTO datasets (name, fetched_at) VALUES ('watch', ?), ('lives', ?)`).run(
    fetchedAt,
    fetchedAt,
  );
  commit.run();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const watchMs = performance.now() - started;

  // every live's summary, as the end of each fetch would have computed it
  started = performance.now();
  const summed = openCache(file, { now: () => fetchedAt });
  try {
    summed.homeStats(fetchedAt);
    summed.setSyncState('lives', { status: 'done', fetchedAt });
    summed.setSyncState('watch', { status: 'done', fetchedAt });
  } finally {
    summed.close();
  }
  const summariesMs = performance.now() - started;
  return {
    userids,
    now: NOW,
    lives: lives.map((l) => ({ livingid: l.info.livingid, viewers: l.viewers })),
    allHands: allHands.info.livingid,
    timings: { orgMs, watchMs, summariesMs },
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
