// Sync jobs as units against the simulator over real HTTP into a real SQLite cache, with every wait
// on a virtual clock: a rate-limit wait is shown with its reason and end and the job waits it out;
// repeated 45009s escalating past the pipeline's patience are waited out too; a page that keeps a
// wrong shape is reported with its endpoint and field; progress says what is left.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { SyncProgress } from '../../src/shared/models.ts';
import { openCache, type Cache } from '../../src/services/cache/index.ts';
import { harnessClient, harnessEngine } from '../../bench/faults/harness.ts';
import { virtualClock, type VirtualClock } from '../../bench/faults/virtual-clock.ts';
import { corpProfile, startCorpServices, startSmallSimulator, tempDir, waitFor } from './helpers.ts';

const USER_LIST = '/cgi-bin/user/list';

/** A virtual clock whose long sleeps (rate-limit windows) wait until the test releases them. */
function gatedClock(thresholdMs: number): VirtualClock & { held: () => number; release: () => void } {
  const inner = virtualClock();
  let gate: { promise: Promise<void>; open: () => void } | null = null;
  let held = 0;
  const newGate = () => {
    let open: () => void = () => {};
    const promise = new Promise<void>((resolve) => (open = resolve));
    return { promise, open };
  };
  gate = newGate();
  return {
    ...inner,
    async sleep(ms, signal) {
      if (ms >= thresholdMs && gate) {
        held++;
        await gate.promise;
        held--;
      }
      return inner.sleep(ms, signal);
    },
    held: () => held,
    release: () => {
      gate?.open();
      gate = null;
    },
  };
}

describe('sync units', () => {
  let sim: SimServer;
  const dir = tempDir();
  const caches: Cache[] = [];
  let n = 0;
  const freshCache = (clock: VirtualClock) => {
    const cache = openCache(`${dir.path}/cache-${++n}.db`, { now: clock.now });
    caches.push(cache);
    return cache;
  };

  beforeAll(async () => {
    sim = await startSmallSimulator();
  });
  afterEach(() => sim.faults.clear());
  afterAll(async () => {
    for (const cache of caches) cache.close();
    await sim.close();
    dir.remove();
  });

  it('shows a rate-limit wait with its reason and end, and waits it out instead of failing', async () => {
    const clock = gatedClock(10_000);
    const client = harnessClient(sim, clock);
    const progress: SyncProgress[] = [];
    const engine = harnessEngine({ cache: freshCache(clock), client, clock, onProgress: (p) => progress.push(p) });
    try {
      sim.faults.add({ kind: 'errcode', errcode: 45009, path: USER_LIST, count: 1 });
      const job = engine.start('org');
      const waiting = await waitFor(() => progress.find((p) => p.note?.code === 'WAIT_RATE_LIMIT'), 'a wait note');
      expect(waiting.state).toBe('running');
      expect(waiting.note?.until).toBeGreaterThan(clock.now());
      expect(waiting.note?.message).toContain(USER_LIST);
      expect(waiting.note?.message).toMatch(/rate limit \(45009\).*waiting until (\d{4}-\d\d-\d\d )?\d\d:\d\d:\d\d/);
      expect(job.progress.state).toBe('running');
      clock.release();
      const end = await job.done;
      expect(end.state).toBe('done');
      expect(end.note).toBeNull();
      expect(end.left).toBe(0);
      expect(sim.stats.calls(USER_LIST)).toBeGreaterThan(0);
    } finally {
      clock.release();
      await client.close();
    }
  });

  it('a 45009 straight after each wait (minute, hour, day) is waited out: the org is complete', async () => {
    const clock = virtualClock();
    const client = harnessClient(sim, clock);
    const cache = freshCache(clock);
    const engine = harnessEngine({ cache, client, clock, tuning: { concurrency: 1 } });
    try {
      // the same department's call answers 45009 four times in a row: past the pipeline's patience
      sim.faults.add({ kind: 'errcode', errcode: 45009, path: USER_LIST, count: 4 });
      const end = await engine.start('org').done;
      expect(end.error).toBeNull();
      expect(end.state).toBe('done');
      expect(clock.elapsed()).toBeGreaterThan(3_600_000);
      expect(cache.searchUsers({ limit: 1 }).total).toBe(sim.state.userList.length);
    } finally {
      await client.close();
    }
  });

  it('a token storm (40014 again and again) is waited out, shown as such, and the org is complete', async () => {
    const clock = virtualClock();
    const client = harnessClient(sim, clock);
    const cache = freshCache(clock);
    const progress: SyncProgress[] = [];
    const engine = harnessEngine({ cache, client, clock, tuning: { concurrency: 1 }, onProgress: (p) => progress.push(p) });
    try {
      // 40 bad-token answers in a row: more than a unit's attempts, each with the pipeline's one refresh
      sim.faults.add({ kind: 'errcode', errcode: 40014, errmsg: 'invalid access_token', path: USER_LIST, count: 40 });
      const end = await engine.start('org').done;
      expect(end.error).toBeNull();
      expect(end.state).toBe('done');
      expect(progress.some((p) => p.note?.code === 'WAIT_TOKEN' && (p.note.until ?? 0) > 0)).toBe(true);
      expect(end.retries?.used).toBeLessThanOrEqual(2);
      expect(cache.searchUsers({ limit: 1 }).total).toBe(sim.state.userList.length);
    } finally {
      await client.close();
    }
  });

  it('a page that keeps its wrong shape is fetched again a bounded number of times, then reported with endpoint and field', async () => {
    const clock = virtualClock();
    const client = harnessClient(sim, clock);
    const engine = harnessEngine({ cache: freshCache(clock), client, clock, tuning: { shapeRetries: 2 } });
    try {
      sim.faults.add({ kind: 'wrongShape', path: '/cgi-bin/tag/list' });
      const before = sim.stats.calls('/cgi-bin/tag/list');
      const end = await engine.start('org').done;
      expect(end.state).toBe('failed');
      expect(end.error?.code).toBe('RESPONSE_SHAPE');
      expect(end.error?.details).toMatch(/^\/cgi-bin\/tag\/list: \S+/);
      expect(end.error?.message).toContain('/cgi-bin/tag/list');
      expect(sim.stats.calls('/cgi-bin/tag/list') - before).toBe(3);
    } finally {
      await client.close();
    }
  });

  it('a wrong shape now and then is fetched again and the job completes', async () => {
    const clock = virtualClock();
    const client = harnessClient(sim, clock);
    const cache = freshCache(clock);
    const engine = harnessEngine({ cache, client, clock });
    try {
      sim.faults.add({ kind: 'wrongShape', path: USER_LIST, count: 2 });
      const end = await engine.start('org').done;
      expect(end.state).toBe('done');
      expect(end.retries?.used).toBe(2);
      expect(cache.searchUsers({ limit: 1 }).total).toBe(sim.state.userList.length);
    } finally {
      await client.close();
    }
  });

  it('an org sync that failed part-way resumes after a restart: done departments are not asked again, nobody is lost', async () => {
    const clock = virtualClock();
    const file = `${dir.path}/resume.db`;
    const departments = sim.state.departmentList.map((d) => d.id);
    // the last department asked keeps answering in a wrong shape: the first run fails after the others
    const firstClient = harnessClient(sim, clock);
    let cache = openCache(file, { now: clock.now });
    try {
      // one at a time, so the faulted call (after skipping the others) is the last department's
      const engine = harnessEngine({ cache, client: firstClient, clock, tuning: { concurrency: 1, shapeRetries: 0 } });
      sim.faults.add({ kind: 'wrongShape', path: USER_LIST, skip: departments.length - 1 });
      const first = await engine.start('org').done;
      expect(first.state).toBe('failed');
      expect(first.error?.code).toBe('RESPONSE_SHAPE');
      expect(first.done).toBe(departments.length - 1);
    } finally {
      sim.faults.clear();
      cache.close();
      await firstClient.close();
    }
    // "restart": a new cache connection, a new client, a new engine
    const client = harnessClient(sim, clock);
    cache = openCache(file, { now: clock.now });
    caches.push(cache);
    try {
      const before = sim.stats.calls(USER_LIST);
      const second = await harnessEngine({ cache, client, clock }).start('org').done;
      expect(second.state).toBe('done');
      // only the department that had not been written is asked again
      expect(sim.stats.calls(USER_LIST) - before).toBe(1);
      expect(cache.searchUsers({ limit: 1 }).total).toBe(sim.state.userList.length);
      expect(cache.getSyncState('org:resume')?.data ?? null).toBeNull();
    } finally {
      await client.close();
    }
  });

  it('lives discovery asks known anchors every time and sweeps the rest within its share of the hourly quota, reporting calls', async () => {
    const LIST = '/cgi-bin/living/get_user_all_livingid';
    const clock = virtualClock();
    // 400 calls an hour for that API, 10% for the sweep: 40 members per hour
    const client = harnessClient(sim, clock, { quotas: { buckets: { [LIST]: { perHour: 400 } } } });
    const cache = freshCache(clock);
    const engine = harnessEngine({ cache, client, clock, tuning: { discoveryQuotaShare: 0.1, extraAnchors: ['configured.anchor'] } });
    type Calls = { listCalls: number; swept: number; anchors: number };
    const lastCalls = () => cache.getSyncState('lives')?.data as Calls;
    try {
      expect((await engine.start('org').done).state).toBe('done');
      let before = sim.stats.calls(LIST);
      expect((await engine.start('lives').done).state).toBe('done');
      const first = lastCalls();
      expect(first.swept).toBe(40);
      expect(first.listCalls).toBe(sim.stats.calls(LIST) - before);
      expect(first.listCalls).toBe(first.anchors);
      const known = cache.knownAnchors().length;

      // the hour's share is spent: only known and configured anchors are asked
      before = sim.stats.calls(LIST);
      await engine.start('lives').done;
      const second = lastCalls();
      expect(second.swept).toBe(0);
      expect(second.listCalls).toBe(sim.stats.calls(LIST) - before);
      expect(second.anchors).toBe(new Set([...cache.knownAnchors(), 'configured.anchor']).size);
      expect(second.anchors).toBeGreaterThanOrEqual(known);

      // an hour later the sweep goes on where it stopped
      const cursor = cache.getSyncState('lives:discovery')?.cursor;
      await clock.sleep(3_600_001);
      await engine.start('lives').done;
      expect(lastCalls().swept).toBe(40);
      expect(cache.getSyncState('lives:discovery')?.cursor).not.toBe(cursor);
    } finally {
      await client.close();
    }
  });
});

describe('configured anchors (profile)', () => {
  it("the profile's live anchors are asked on every lives sync", async () => {
    const sim = await startSmallSimulator();
    const dir = tempDir();
    const services = startCorpServices(sim, dir.path, {
      profile: { ...corpProfile(sim), liveAnchors: ['anchor.from.settings'] },
      syncTuning: { discoveryQuotaShare: 0 },
    });
    try {
      await services.initialized();
      const core = services.runtime.core;
      expect((await core.sync.start('lives').done).state).toBe('done');
      const cache = core.context.cache();
      const data = cache.getSyncState('lives')?.data as { anchors: number; swept: number };
      expect(data.swept).toBe(0);
      expect(data.anchors).toBe(new Set([...cache.knownAnchors(), 'anchor.from.settings']).size);
      expect(cache.knownAnchors()).not.toContain('anchor.from.settings');
    } finally {
      await services.stop();
      await sim.close();
      dir.remove();
    }
  });
});

