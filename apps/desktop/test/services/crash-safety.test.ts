// A watch-stats sync killed with SIGKILL in the middle of writing leaves a sound database: whole
// pages only, a cursor that matches its rows, and a resumed sync that ends with the exact total.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWeComClient } from '@wld/wecom-core';
import { startSimulator, type SimServer } from '@wld/wecom-sim';
import { openCache } from '../../src/services/cache/index.ts';
import { syncLiveWatch } from '../../src/services/sync/watch-sync.ts';
import { tempDir } from './helpers.ts';

const PAGE_SIZE = 500;
const KILL_AFTER_PAGES = 8;
const child = join(import.meta.dirname, 'fixtures', 'watch-sync-child.ts');

/** Rows the cache holds for a live's running fetch, read straight from the file. */
function fetchRows(file: string, livingid: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT (SELECT count(*) FROM watch_internal w WHERE w.live_id = l.id AND w.generation = s.generation)
              + (SELECT count(*) FROM watch_external e WHERE e.live_id = l.id AND e.generation = s.generation)
         FROM lives l JOIN sync_state s ON s.scope = 'watch:' || l.livingid WHERE l.livingid = ?`,
      )
      .pluck()
      .get(livingid) as number;
  } finally {
    db.close();
  }
}

describe('crash safety of the watch sync', () => {
  let sim: SimServer;
  const dir = tempDir();
  const cacheDb = join(dir.path, 'cache.db');

  beforeAll(async () => {
    sim = await startSimulator({
      seed: 11,
      size: { users: 1_000, departments: 30, tags: 4, lives: 8, maxViewers: 20_000 },
      quotas: { watchStatPageSize: PAGE_SIZE },
    });
  });
  afterAll(async () => {
    await sim.close();
    dir.remove();
  });

  it('SIGKILL mid-write: integrity ok, whole pages, cursor = rows, resume completes exactly', async () => {
    const big = [...sim.state.lives.values()]
      .filter((live) => sim.state.liveStatus(live) === 2)
      .sort((a, b) => b.viewerTarget - a.viewerTarget)[0]!;
    const stats = sim.state.watchStats(big.livingid)!;
    const expected = stats.userCount + stats.externalCount;
    expect(expected).toBeGreaterThan(PAGE_SIZE * (KILL_AFTER_PAGES + 10));

    const app = sim.apps[0]!;
    const client = createWeComClient({ corpId: sim.corpId, apps: [app], baseUrl: sim.url, retryDelayMs: 5 });
    const setup = openCache(cacheDb);
    setup.upsertLives([{ livingid: big.livingid, ...(await client.lives.getLivingInfo(big.livingid)) }]);
    setup.close();

    // run the sync in a child process and kill it once several pages are committed
    const proc = fork(child, [], {
      execArgv: [],
      env: { ...process.env, WLD_CHILD_CONFIG: JSON.stringify({ cacheDb, baseUrl: sim.url, corpId: sim.corpId, app, livingid: big.livingid }) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const seen: string[] = [];
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      proc.on('exit', (code, signal) => resolve({ code, signal })),
    );
    proc.on('message', (message: { type: string }) => {
      seen.push(message.type);
      if (message.type === 'page' && seen.filter((t) => t === 'page').length === KILL_AFTER_PAGES) proc.kill('SIGKILL');
    });
    const ended = await exit;
    expect(ended.signal).toBe('SIGKILL');
    expect(seen).not.toContain('done');
    expect(seen).not.toContain('error');

    const cache = openCache(cacheDb);
    try {
      expect(cache.integrityCheck()).toBe('ok');
      const cursor = cache.watchCursor(big.livingid);
      expect(cursor.status).toBe('running');
      // the child commits each page once the next one comes: all but the last reported page are on disk
      expect(cursor.pages).toBeGreaterThanOrEqual(KILL_AFTER_PAGES - 1);
      // no half page: the rows on disk are exactly the committed pages, and the cursor agrees
      const rows = fetchRows(cacheDb, big.livingid);
      expect(rows).toBe(cursor.pages * PAGE_SIZE);
      expect(cursor.rows).toBe(rows);
      // readers never see a fetch in progress
      expect(cache.watchStats({ livingid: big.livingid, limit: 1 })).toMatchObject({ total: 0, complete: false });

      sim.stats.reset();
      const resumed = await syncLiveWatch({ client, cache, signal: new AbortController().signal, now: Date.now }, big.livingid);
      expect(resumed.resumed).toBe(true);
      // it went on from the stored next_key: only the missing pages were asked for
      expect(sim.stats.calls('/cgi-bin/living/get_watch_stat')).toBe(Math.ceil(expected / PAGE_SIZE) - cursor.pages);
      const final = cache.watchStats({ livingid: big.livingid, limit: 1 });
      expect(final.total).toBe(expected);
      expect(final.complete).toBe(true);
      expect(cache.watchCursor(big.livingid)).toMatchObject({ status: 'done', rows: expected });
      expect(cache.integrityCheck()).toBe('ok');
    } finally {
      cache.close();
      await client.close();
    }
  });
});
