// The watch statistics of many ended lives, synced side by side against the simulator over real
// HTTP into a real SQLite cache (waits on a virtual clock): every live's rows equal the simulator's,
// WeCom never answers 45009, and a fault mid-way (a 45009 burst, dropped connections) still ends
// exact, with every page stored once.
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimServer } from '@wld/wecom-sim';
import { openCache, type Cache } from '../../src/services/cache/index.ts';
import { harnessClient, harnessEngine } from '../../bench/faults/harness.ts';
import { virtualClock } from '../../bench/faults/virtual-clock.ts';
import { tempDir } from './helpers.ts';

const WATCH = '/cgi-bin/living/get_watch_stat';
const PAGE = 500;

describe('watch stats of many lives at once', () => {
  let sim: SimServer;
  let ended: string[] = [];
  const dir = tempDir();
  const caches: Cache[] = [];
  let n = 0;

  beforeAll(async () => {
    sim = await startSimulator({ seed: 23, size: { users: 400, departments: 12, lives: 48, maxViewers: 2_400 } });
    ended = [...sim.state.lives.values()]
      .filter((live) => sim.state.liveStatus(live) === 2 && (sim.state.watchStats(live.livingid) !== null))
      .map((live) => live.livingid);
  });
  afterEach(() => sim.faults.clear());
  afterAll(async () => {
    for (const cache of caches) cache.close();
    await sim.close();
    dir.remove();
  });

  /** A fresh cache holding the simulator's lives, as the lives sync leaves them. */
  function cacheWithLives(clock: { now(): number }): Cache {
    const cache = openCache(`${dir.path}/cache-${++n}.db`, { now: clock.now });
    caches.push(cache);
    cache.upsertLives(
      [...sim.state.lives.values()].map((live) => ({
        livingid: live.livingid,
        theme: live.theme,
        anchor_userid: live.anchor_userid,
        living_start: live.living_start,
        living_duration: live.living_duration,
        status: sim.state.liveStatus(live),
      })),
    );
    return cache;
  }

  /** Every ended live's rows in the cache, as the simulator serves them. */
  function expectExact(cache: Cache): void {
    const db = new Database(cache.path, { readonly: true });
    try {
      for (const livingid of ended) {
        const expected = sim.state.watchRows(livingid);
        const users = db
          .prepare(
            `SELECT w.userid, w.watch_time, w.is_comment, w.is_mic FROM watch_internal w JOIN lives l
               ON l.id = w.live_id AND w.generation = l.watch_generation
             WHERE l.livingid = ? ORDER BY w.userid`,
          )
          .all(livingid);
        const externals = db
          .prepare(
            `SELECT e.external_userid, e.watch_time FROM watch_external e JOIN lives l
               ON l.id = e.live_id AND e.generation = l.watch_generation
             WHERE l.livingid = ? ORDER BY e.external_userid`,
          )
          .all(livingid);
        expect(users, livingid).toEqual(
          expected.users
            .map((u) => ({ userid: u.userid, watch_time: u.watch_time, is_comment: u.is_comment, is_mic: u.is_mic }))
            .sort((a, b) => (a.userid < b.userid ? -1 : 1)),
        );
        expect(externals, livingid).toEqual(
          expected.external_users
            .map((e) => ({ external_userid: e.external_userid, watch_time: e.watch_time }))
            .sort((a, b) => (a.external_userid < b.external_userid ? -1 : 1)),
        );
        // every page was stored once: as many pages as the simulator needs for the rows
        const rows = expected.users.length + expected.external_users.length;
        expect(cache.watchCursor(livingid), livingid).toMatchObject({
          status: 'done',
          pages: Math.max(1, Math.ceil(rows / PAGE)),
          rows,
        });
      }
      // nothing left over: no row of another generation
      expect(
        db
          .prepare(
            `SELECT count(*) FROM watch_internal w JOIN lives l ON l.id = w.live_id WHERE w.generation <> l.watch_generation`,
          )
          .pluck()
          .get(),
      ).toBe(0);
    } finally {
      db.close();
    }
  }

  it('syncs 30+ ended lives side by side, exact, without a 45009', async () => {
    expect(ended.length).toBeGreaterThanOrEqual(30);
    const clock = virtualClock();
    const cache = cacheWithLives(clock);
    const engine = harnessEngine({ cache, client: harnessClient(sim, clock), clock });
    sim.stats.reset();
    // a network's latency, so that requests of different lives can overlap on the wire
    sim.faults.add({ kind: 'latency', path: WATCH, latencyMs: 20 });
    const end = await engine.start('watch').done;
    expect(end.state).toBe('done');
    expect(sim.stats.errors(45009)).toBe(0);
    // the chains ran side by side, not one live after the other
    expect(sim.stats.maxConcurrent(WATCH)).toBeGreaterThan(1);
    expectExact(cache);
  });

  it('ends exact after a 45009 burst and dropped connections mid-way, storing every page once', async () => {
    const clock = virtualClock();
    const cache = cacheWithLives(clock);
    const engine = harnessEngine({ cache, client: harnessClient(sim, clock), clock });
    sim.stats.reset();
    sim.faults.add({ kind: 'errcode', errcode: 45009, path: WATCH, skip: 40, count: 6 });
    sim.faults.add({ kind: 'drop', path: WATCH, skip: 70, count: 4 });
    const end = await engine.start('watch').done;
    expect(end.state).toBe('done');
    expect(sim.stats.errors(45009)).toBeGreaterThan(0);
    expectExact(cache);
  });

  it('a sync stopped by a failure keeps every chain resumable: the next sync ends exact', async () => {
    const clock = virtualClock();
    const cache = cacheWithLives(clock);
    const engine = harnessEngine({ cache, client: harnessClient(sim, clock), clock });
    // a wrong token every time after a while: the sync stops, every live keeps its cursor
    const fault = sim.faults.add({ kind: 'errcode', errcode: 40014, path: WATCH, skip: 30 });
    const failed = await engine.start('watch').done;
    expect(failed.state).toBe('failed');
    sim.faults.remove(fault);
    const end = await engine.start('watch').done;
    expect(end.state).toBe('done');
    expectExact(cache);
  });
});
