import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

let cache: Cache;
beforeEach(() => {
  cache = openWithOrg(tmp.file());
  cache.upsertUsers(
    [{ userid: 'newbie', name: '吴十', department: [4], main_department: 4, position: '实习生' }],
    T0,
  );
  cache.upsertLives([
    {
      livingid: 'A',
      theme: '季度大会',
      anchor_userid: 'boss',
      living_start: 1_793_930_400,
      living_duration: 3600,
      status: 2,
      type: 3,
    },
  ]);
  cache.appendWatchPage(
    'A',
    {
      users: [
        { userid: 'zhangsan', watch_time: 3600, is_comment: 1 }, // 100%, 1–2 h
        { userid: 'lisi', watch_time: 1800, is_mic: 1 }, // 50%, 30–60 min
        { userid: 'wangfang', watch_time: 200 }, // 5.6%, 0–5 min
        { userid: 'boss', watch_time: 7200, is_comment: 1, is_mic: 1 }, // over the length: 100%, 2 h+
        { userid: 'ghost', watch_time: 400 }, // not in the org: department 0
      ],
      external_users: [{ external_userid: 'wx1', type: 1, name: '客户', watch_time: 900, is_comment: 1 }], // 25%, 15–30 min
    },
    { nextKey: '', ending: 1 },
    T0 + 60_000,
  );
});
afterEach(() => cache.close());

describe('live analytics', () => {
  it('computes viewers, watch time, distribution and completion', () => {
    const a = cache.liveAnalytics('A');
    expect(a).not.toBeNull();
    if (!a) return;
    expect(a.asOf).toBe(T0 + 60_000);
    expect(a.viewers).toEqual({ internal: 5, external: 1 });
    expect(a.totalWatchSeconds).toBe(14_100);
    expect(a.averageWatchSeconds).toBe(2350);
    expect(a.distribution.map((b) => [b.fromSeconds, b.count])).toEqual([
      [0, 1],
      [300, 1],
      [900, 1],
      [1800, 1],
      [3600, 1],
      [7200, 1],
    ]);
    expect(a.completion.map((b) => b.count)).toEqual([1, 1, 1, 0, 0, 1, 0, 0, 0, 2]);
    expect(a.completion[9]).toMatchObject({ label: '90–100%', fromRatio: 0.9 });
    expect(a.commenters).toBe(3);
    expect(a.micUsers).toBe(2);
    // every viewer is in exactly one bucket of each chart
    expect(a.distribution.reduce((n, b) => n + b.count, 0)).toBe(6);
    expect(a.completion.reduce((n, b) => n + b.count, 0)).toBe(6);
  });

  it('groups internal viewers by their main department', () => {
    const byDepartment = cache.liveAnalytics('A')?.byDepartment ?? [];
    expect(byDepartment.map((d) => [d.departmentId, d.name, d.viewers, d.watchSeconds])).toEqual([
      [5, '客户端组', 2, 2000],
      [0, '', 1, 400],
      [1, '总公司', 1, 7200],
      [4, '平台组', 1, 3600],
    ]);
    expect(byDepartment[0]?.averageCompletion).toBeCloseTo((0.5 + 200 / 3600) / 2, 6);
    expect(byDepartment[2]?.averageCompletion).toBe(1);
  });

  it('compares attendance with the audience (users, department subtrees, tags)', () => {
    expect(cache.liveAnalytics('A')?.attendance).toBeNull();
    // zhao.liu directly; 研发中心 → zhangsan, lisi, wangfang, sunba, newbie (left1 has left);
    // tag 讲师 → zhangsan, boss; qianqi is disabled
    cache.setLiveAudience('A', { userids: ['zhao.liu', 'qianqi'], departmentIds: [2], tagIds: [1] });
    expect(cache.liveAnalytics('A')?.attendance).toEqual({ audience: 7, attended: 4, absent: 3 });
  });

  it('keeps attendance current when the audience, the org or the watch rows change', () => {
    cache.setLiveAudience('A', { userids: [], departmentIds: [4], tagIds: [] });
    // 平台组: zhangsan, lisi, sunba, newbie; zhangsan and lisi watched
    expect(cache.liveAnalytics('A')?.attendance).toEqual({ audience: 4, attended: 2, absent: 2 });
    cache.setLiveAudience('A', { userids: ['boss'], departmentIds: [4], tagIds: [] });
    expect(cache.liveAnalytics('A')?.attendance).toEqual({ audience: 5, attended: 3, absent: 2 });
    // newbie leaves the company
    cache.upsertUsers([{ userid: 'newbie', status: 5 }]);
    expect(cache.liveAnalytics('A')?.attendance).toEqual({ audience: 4, attended: 3, absent: 1 });
    // a new fetch (same clock) in which only lisi and sunba watched
    cache.beginWatch('A', { restart: true });
    const watched = ['lisi', 'sunba'].map((userid) => ({ userid, watch_time: 60 }));
    cache.appendWatchPage('A', { users: watched }, { nextKey: 'k', ending: 0 });
    // readers still see the previous fetch until this one ends
    expect(cache.liveAnalytics('A')?.attendance).toEqual({ audience: 4, attended: 3, absent: 1 });
    cache.finishWatch('A');
    expect(cache.liveAnalytics('A')?.attendance).toEqual({ audience: 4, attended: 2, absent: 2 });
    // groups in tree order (by path): 总公司, then 总公司 / 研发中心 / 平台组
    expect(cache.absentees('A').byDepartment.flatMap((g) => g.users.map((u) => u.userid))).toEqual([
      'boss',
      'zhangsan',
    ]);
  });

  it('lists absentees grouped by department', () => {
    expect(cache.absentees('A')).toEqual({ asOf: T0 + 60_000, byDepartment: [], total: 0 });
    cache.setLiveAudience('A', { userids: ['zhao.liu', 'qianqi'], departmentIds: [2], tagIds: [1] });
    const result = cache.absentees('A');
    expect(result.total).toBe(3);
    expect(result.byDepartment.map((g) => [g.departmentId, g.name, g.users.map((u) => u.userid)])).toEqual([
      [3, '市场部', ['sunba', 'zhao.liu']],
      [4, '平台组', ['newbie']],
    ]);
    expect(result.byDepartment[1]?.users[0]).toMatchObject({
      name: '吴十',
      position: '实习生',
      departments: [4],
    });
    // someone who watched the replay later is no longer absent after the next fetch
    cache.beginWatch('A', { restart: true });
    const watched = ['zhangsan', 'lisi', 'wangfang', 'boss', 'ghost', 'newbie'].map((userid) => ({
      userid,
      watch_time: 10,
    }));
    cache.appendWatchPage('A', { users: watched }, { nextKey: 'k', ending: 0 });
    expect(cache.absentees('A').total).toBe(3);
    cache.finishWatch('A');
    expect(cache.absentees('A').total).toBe(2);
  });

  it('keeps the department a viewer had when the stats were fetched', () => {
    // lisi moves from 客户端组 (5) to 市场部 (3) after the fetch
    cache.upsertUsers([{ userid: 'lisi', department: [3], main_department: 3 }]);
    const byDepartment = cache.liveAnalytics('A')?.byDepartment ?? [];
    expect(byDepartment.find((d) => d.departmentId === 5)?.viewers).toBe(2);
    expect(byDepartment.find((d) => d.departmentId === 3)).toBeUndefined();
    expect(
      cache.watchStats({ livingid: 'A', kind: 'internal', limit: 10 }).rows.find((r) => r.id === 'lisi')
        ?.departmentName,
    ).toBe('客户端组');
    // a new fetch attributes anew
    cache.appendWatchPage('A', { users: [{ userid: 'lisi', watch_time: 60 }] }, { nextKey: '', ending: 1 });
    expect(cache.liveAnalytics('A')?.byDepartment.map((d) => [d.departmentId, d.viewers])).toEqual([[3, 1]]);
  });

  it('follows a change of the live length and returns null for an unknown live', () => {
    cache.upsertLives([
      {
        livingid: 'A',
        theme: '季度大会',
        anchor_userid: 'boss',
        living_start: 1_793_930_400,
        living_duration: 7200,
        status: 2,
        type: 3,
      },
    ]);
    const a = cache.liveAnalytics('A');
    // 3600/7200 = 50%, 1800 → 25%, 200 → 2.8%, 7200 → 100%, 400 → 5.6%, 900 → 12.5%
    expect(a?.completion.map((b) => b.count)).toEqual([2, 1, 1, 0, 0, 1, 0, 0, 0, 1]);
    expect(a?.byDepartment.find((d) => d.departmentId === 4)?.averageCompletion).toBe(0.5);
    expect(cache.liveAnalytics('nope')).toBeNull();
  });
});
