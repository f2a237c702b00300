// Completion by 一级部门 is added up from per-live division sums held in memory: a re-fetched live,
// a live's new length and a clear are seen by the next request.
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/services/cache/index.ts';
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
