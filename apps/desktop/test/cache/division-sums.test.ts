// Completion by 一级部门 is added up from per-live division sums held in memory: a re-fetched live,
// a live's new length and a clear are seen by the next request.
import { afterAll, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../src/services/cache/index.ts';
import { nextSliceSize } from '../../src/services/cache/slicing.ts';
import { openWithOrg, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const START = 1_793_930_400;
const byDivision = (cache: Cache) =>
  cache
    .statsOverview({ from: START - 86_400, to: START + 86_400, anchorUserid: null, type: null, departmentId: null })
    .completionByDepartment.map((d) => [d.departmentId, d.viewers, d.averageCompletion]);

describe('completion by 一级部门', () => {
  it('follows every change of the lives summed', () => {
    const cache = openWithOrg(tmp.file());
    cache.upsertLives([
      { livingid: 'A', theme: 'A', anchor_userid: 'boss', living_start: START, living_duration: 3600, status: 2 },
      { livingid: 'B', theme: 'B', anchor_userid: 'boss', living_start: START + 60, living_duration: 3600, status: 2 },
    ]);
    cache.appendWatchPage('A', { users: [{ userid: 'zhangsan', watch_time: 3600 }, { userid: 'zhao.liu', watch_time: 1800 }] }, { nextKey: '', ending: 1 });
    cache.appendWatchPage('B', { users: [{ userid: 'wangfang', watch_time: 900 }] }, { nextKey: '', ending: 1 });
    // 研发中心 (2): zhangsan 1 and wangfang 0.25; 市场部 (3): zhao.liu 0.5
    expect(byDivision(cache)).toEqual([
      [2, 2, 0.625],
      [3, 1, 0.5],
    ]);

    // A fetched again: other viewers
    cache.beginWatch('A', { restart: true });
    cache.appendWatchPage('A', { users: [{ userid: 'boss', watch_time: 900 }] }, { nextKey: '', ending: 1 });
    expect(byDivision(cache)).toEqual([
      [1, 1, 0.25],
      [2, 1, 0.25],
    ]);

    // B is now half as long: wangfang's 900 s are half of it
    cache.upsertLives([{ livingid: 'B', theme: 'B', anchor_userid: 'boss', living_start: START + 60, living_duration: 1800, status: 2 }]);
    expect(byDivision(cache)).toEqual([
      [1, 1, 0.25],
      [2, 1, 0.5],
    ]);

    cache.clearSyncable();
    expect(byDivision(cache)).toEqual([]);
    cache.close();
  });
});

describe('reading the division sums ahead, in slices', () => {
  const day = (cache: Cache, n: number) =>
    cache.upsertLives(
      Array.from({ length: n }, (_, i) => ({
        livingid: `L${i}`,
        theme: `L${i}`,
        anchor_userid: 'boss',
        living_start: START + i,
        living_duration: 3600,
        status: 2,
      })),
    );
  const viewers = [
    [{ userid: 'zhangsan', watch_time: 3600 }],
    [{ userid: 'zhao.liu', watch_time: 1800 }],
    [{ userid: 'wangfang', watch_time: 900 }, { userid: 'boss', watch_time: 600 }],
  ];
  const watch = (cache: Cache, livingid: string, i: number) => {
    cache.beginWatch(livingid, { restart: true });
    cache.appendWatchPage(livingid, { users: viewers[i % viewers.length]! }, { nextKey: '', ending: 1 });
  };
  /** What a cache that never read ahead answers (its first request reads every live whole). */
  const asReadWhole = (file: string) => {
    const other = openCache(file, { now: () => START * 1000 });
    try {
      return byDivision(other);
    } finally {
      other.close();
    }
  };

  /** A cache with `n` ended lives (L0…), each watched. */
  const watchedLives = (n: number) => {
    const file = tmp.file();
    const cache = openWithOrg(file);
    day(cache, n);
    for (let i = 0; i < n; i++) watch(cache, `L${i}`, i);
    return { file, cache };
  };

  it('answers as a whole read does, with lives fetched again, added and removed between slices', async () => {
    const { file, cache } = watchedLives(7);
    // a fresh instance, as the services have after start
    const services = openCache(file, { now: () => START * 1000 });
    let slice = 0;
    await services.warmStatistics(async () => {
      slice++;
      if (slice === 2) watch(cache, 'L0', 2); // a live already read, fetched again
      if (slice === 3) expect(cache.deleteLives(['L6'])).toBe(1); // a live not read yet, removed
      if (slice === 3) {
        day(cache, 9); // two more lives (L7, L8), one of them watched
        watch(cache, 'L8', 0);
      }
    }, { fixed: 2 });
    expect(slice).toBe(4); // 7 lives, 2 at a time
    expect(byDivision(services)).toEqual(asReadWhole(file));
    expect(byDivision(services)).not.toEqual([]);
    services.close();
    cache.close();
  });

  it('by default starts with a small slice and reads every live once, as a whole read does', async () => {
    const { file, cache } = watchedLives(40);
    const services = openCache(file, { now: () => START * 1000 });
    let slices = 0;
    await services.warmStatistics(async () => {
      slices++;
    });
    // the first slice holds 10 of the 40 lives, so there are more; none is read twice or left out
    expect(slices).toBeGreaterThan(1);
    expect(byDivision(services)).toEqual(asReadWhole(file));
    services.close();
    cache.close();
  });

  it('stops when a request reads them first, and when the cache is closed', async () => {
    const { file, cache } = watchedLives(5);
    let slices = 0;
    const first = cache.warmStatistics(async () => {
      slices++;
      if (slices === 1) expect(byDivision(cache)).toEqual(asReadWhole(file)); // a request before the read ends
    }, { fixed: 1 });
    // one read ahead at a time
    expect(cache.warmStatistics(async () => {}, { fixed: 1 })).toBe(first);
    await first;
    expect(slices).toBe(1); // no slice read after the request
    watch(cache, 'L1', 2);
    expect(byDivision(cache)).toEqual(asReadWhole(file));

    const closing = openCache(file, { now: () => START * 1000 });
    // resolves without reading the closed connection
    await expect(closing.warmStatistics(async () => closing.close(), { fixed: 1 })).resolves.toBeUndefined();
    // and when it was closed before the call (the services' timer fires after a profile switch)
    const closed = openCache(file, { now: () => START * 1000 });
    closed.close();
    await expect(closed.warmStatistics(async () => {}, { fixed: 1 })).resolves.toBeUndefined();
    const levelTwo = { from: START - 86_400, to: START + 86_400, anchorUserid: null, type: null, departmentId: null, level: 2 };
    await expect(closed.readStatisticsFor(levelTwo, async () => {}, { fixed: 1 })).resolves.toBeUndefined();
    cache.close();
  });
});

describe('the size of a budgeted slice', () => {
  it('fits the budget at the last slice\'s pace, grows at most 4 × and never below one live', () => {
    expect(nextSliceSize(10, 5, 15)).toBe(30); // 2 lives a ms
    expect(nextSliceSize(10, 0.5, 15)).toBe(40); // 300 at that pace: capped at 4 × 10
    expect(nextSliceSize(50, 100, 15)).toBe(7); // slower than the budget: fewer lives
    expect(nextSliceSize(1, 400, 15)).toBe(1); // one live over the budget still goes on, one at a time
    expect(nextSliceSize(3, 0, 15)).toBe(12); // too fast to time
  });
});
