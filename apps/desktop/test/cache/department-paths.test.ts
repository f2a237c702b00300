import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/services/cache/index.ts';
import { buildDepartmentPaths, type DepartmentRecord } from '../../src/services/cache/department-paths.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

// the helpers' org:  1 总公司 ─┬─ 2 研发中心 ─┬─ 4 平台组
//                            │              └─ 5 客户端组
//                            └─ 3 市场部
const ORG: DepartmentRecord[] = [
  { id: 1, name: '总公司', parentId: 0 },
  { id: 2, name: '研发中心', parentId: 1 },
  { id: 3, name: '市场部', parentId: 1 },
  { id: 4, name: '平台组', parentId: 2 },
  { id: 5, name: '客户端组', parentId: 2 },
];

describe('department paths', () => {
  const paths = buildDepartmentPaths(ORG);

  it('writes the full path root first, and knows chains and depths', () => {
    expect(paths.path(4)).toBe('总公司 / 研发中心 / 平台组');
    expect(paths.path(1)).toBe('总公司');
    expect(paths.path(5, ' > ')).toBe('总公司 > 研发中心 > 客户端组');
    expect(paths.chain(5)).toEqual([1, 2, 5]);
    expect([1, 2, 4].map((id) => paths.depth(id))).toEqual([0, 1, 2]);
  });

  it('finds the ancestor at a level, or the department itself when it sits above it', () => {
    expect(paths.ancestorAt(4, 1)).toBe(2);
    expect(paths.ancestorAt(4, 2)).toBe(4);
    expect(paths.ancestorAt(4, 0)).toBe(1);
    expect(paths.ancestorAt(4, 9)).toBe(4);
    expect(paths.ancestorAt(1, 1)).toBe(1);
    expect(paths.ancestorAt(4, null)).toBe(4);
  });

  it('says nothing of a department it does not know, and stops at a cycle', () => {
    expect(paths.path(99)).toBe('');
    expect(paths.chain(99)).toEqual([99]);
    const cyclic = buildDepartmentPaths([
      { id: 7, name: '甲', parentId: 8 },
      { id: 8, name: '乙', parentId: 7 },
    ]);
    expect(cyclic.path(7)).toBe('乙 / 甲');
    expect(cyclic.chain(8)).toEqual([7, 8]);
  });

  it('rolls rows up to a level: the root keeps only its own members, never its children beside it', () => {
    const rows = [
      { departmentId: 4, sums: { viewers: 2, seconds: 100 } },
      { departmentId: 5, sums: { viewers: 3, seconds: 50 } },
      { departmentId: 3, sums: { viewers: 1, seconds: 10 } },
      { departmentId: 1, sums: { viewers: 1, seconds: 5 } },
      { departmentId: 0, sums: { viewers: 4, seconds: 1 } }, // not in the org
    ];
    const byViewers = (a: { viewers: number }, b: { viewers: number }) => b.viewers - a.viewers;
    const level1 = paths.rollUp(rows, 1, byViewers);
    expect(level1.map((g) => [g.departmentId, g.name, g.path, g.direct, g.sums])).toEqual([
      [2, '研发中心', '总公司 / 研发中心', false, { viewers: 5, seconds: 150 }],
      [0, '', '', false, { viewers: 4, seconds: 1 }],
      [1, '总公司', '总公司', true, { viewers: 1, seconds: 5 }],
      [3, '市场部', '总公司 / 市场部', false, { viewers: 1, seconds: 10 }],
    ]);
    // no level: as they are
    expect(paths.rollUp(rows, null).map((g) => [g.departmentId, g.direct])).toEqual([
      [0, false],
      [1, false],
      [3, false],
      [4, false],
      [5, false],
    ]);
    // at level 2, 市场部 has no sub-department: whole, not "direct members" (研发中心's are split off)
    const level2 = paths.rollUp(rows, 2, byViewers);
    expect(level2.map((g) => [g.departmentId, g.direct])).toEqual([
      [0, false],
      [5, false],
      [4, false],
      [1, true],
      [3, false],
    ]);
    expect([1, 2, 3, 4].map((id) => paths.directAt(id, 3))).toEqual([true, true, false, false]);
    // the sums are kept whole
    const total = (groups: typeof level1) => groups.reduce((n, g) => n + g.sums.viewers, 0);
    expect(total(paths.rollUp(rows, 2))).toBe(11);
  });

  it('serves 3,000 departments fifteen levels deep from one parent map', () => {
    const many: DepartmentRecord[] = [{ id: 1, name: 'root', parentId: 0 }];
    for (let id = 2; id <= 3000; id++) many.push({ id, name: `d${id}`, parentId: id <= 15 ? id - 1 : 2 + (id % 13) });
    const big = buildDepartmentPaths(many);
    expect(big.depth(15)).toBe(14);
    expect(big.path(15).split(' / ')).toHaveLength(15);
    expect(big.ancestorAt(15, 1)).toBe(2);
    const rows = many.map((d) => ({ departmentId: d.id, sums: { n: 1 } }));
    const level1 = big.rollUp(rows, 1);
    expect(level1.reduce((n, g) => n + g.sums.n, 0)).toBe(3000);
    expect(level1.map((g) => g.departmentId)).toEqual([1, 2]); // root (its own) and the one 一级部门
    expect(level1[0]?.direct).toBe(true);
  });
});

describe('department paths in the cache', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let cache: Cache;
  beforeEach(() => {
    cache = openWithOrg(tmp.file());
  });
  afterEach(() => cache.close());

  it('keeps one map while the org is unchanged and rebuilds it after a rename or a move', () => {
    const first = cache.departmentPaths();
    expect(first.path(5)).toBe('总公司 / 研发中心 / 客户端组');
    expect(cache.departmentPaths()).toBe(first);
    cache.upsertDepartments([{ id: 2, name: '技术中心', parentid: 1, order: 90 }], T0 + 1000);
    expect(cache.departmentPaths().path(5)).toBe('总公司 / 技术中心 / 客户端组');
    cache.upsertDepartments([{ id: 5, name: '客户端组', parentid: 3, order: 60 }], T0 + 2000);
    expect(cache.departmentPaths().path(5)).toBe('总公司 / 市场部 / 客户端组');
  });

  it('rolls a live’s viewers and absentees up to the chosen level, with paths', () => {
    cache.upsertLives([
      { livingid: 'A', theme: '季度大会', anchor_userid: 'boss', living_start: 1_793_930_400, living_duration: 3600, status: 2, type: 3 },
    ]);
    cache.appendWatchPage(
      'A',
      {
        users: [
          { userid: 'zhangsan', watch_time: 3600 }, // 平台组
          { userid: 'lisi', watch_time: 1800 }, // 客户端组
          { userid: 'wangfang', watch_time: 0 }, // 客户端组
          { userid: 'boss', watch_time: 3600 }, // 总公司 itself
        ],
      },
      { nextKey: '', ending: 1 },
      T0 + 60_000,
    );
    const level1 = cache.liveAnalytics('A', 1)?.byDepartment ?? [];
    expect(level1.map((d) => [d.name, d.path, d.direct, d.viewers])).toEqual([
      ['研发中心', '总公司 / 研发中心', false, 3],
      ['总公司', '总公司', true, 1],
    ]);
    expect(level1[0]?.averageCompletion).toBeCloseTo((1 + 0.5 + 0) / 3, 6);
    const leaf = cache.liveAnalytics('A')?.byDepartment ?? [];
    expect(leaf.map((d) => [d.path, d.viewers])).toEqual([
      ['总公司 / 研发中心 / 客户端组', 2],
      ['总公司', 1],
      ['总公司 / 研发中心 / 平台组', 1],
    ]);
    // watch rows carry the path of the department the viewer had when fetched
    const rows = cache.watchStats({ livingid: 'A', sort: 'name', limit: 10 }).rows;
    expect(rows.find((r) => r.id === 'lisi')?.departmentPath).toBe('总公司 / 研发中心 / 客户端组');

    // everyone is required: who did not watch, by 一级部门 (qianqi is disabled, left1 has left;
    // wangfang's row has no watch time, so she did not attend)
    cache.upsertUsers([{ userid: 'newbie', name: '吴十', department: [4], main_department: 4, position: '实习生' }], T0);
    cache.setLiveAudience('A', { userids: [], departmentIds: [1], tagIds: [] });
    const absent = cache.absentees('A', 1);
    expect(absent.byDepartment.map((g) => [g.name, g.path, g.direct, g.users.map((u) => u.userid)])).toEqual([
      ['市场部', '总公司 / 市场部', false, ['sunba', 'zhao.liu']],
      ['研发中心', '总公司 / 研发中心', false, ['wangfang', 'newbie']],
    ]);
    expect(cache.absentees('A', 2).byDepartment.map((g) => g.path)).toEqual(['总公司 / 市场部', '总公司 / 研发中心 / 客户端组', '总公司 / 研发中心 / 平台组']);
    expect(absent.byDepartment.every((g) => g.path.split(' / ').length <= 2)).toBe(true);
    expect(absent.byDepartment.flatMap((g) => g.users).length).toBe(absent.total);
  });
});
