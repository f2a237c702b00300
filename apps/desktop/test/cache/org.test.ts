import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheError, openCache, type Cache } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

let cache: Cache;
beforeEach(() => {
  cache = openWithOrg(tmp.file());
});
afterEach(() => cache.close());

const ids = (rows: Array<{ userid: string }>) => rows.map((r) => r.userid);

describe('departments', () => {
  it('lists the tree with direct and recursive distinct user counts', () => {
    const result = cache.departments();
    expect(result.asOf).toBe(T0);
    const byId = new Map(result.departments.map((d) => [d.id, d]));
    // 总公司 holds everyone once: 8 users, though lisi and sunba sit in two departments
    expect(byId.get(1)).toMatchObject({
      name: '总公司',
      parentId: 0,
      userCount: 1,
      totalUserCount: 8,
      leaders: ['boss'],
    });
    // 研发中心: zhangsan, lisi (4 and 5), wangfang, sunba (4), left1 → 5 distinct
    expect(byId.get(2)).toMatchObject({ nameEn: 'R&D', userCount: 0, totalUserCount: 5 });
    expect(byId.get(4)).toMatchObject({ userCount: 3, totalUserCount: 3 });
    expect(byId.get(5)).toMatchObject({ userCount: 3, totalUserCount: 3 });
    expect(byId.get(3)).toMatchObject({ userCount: 3, totalUserCount: 3 });
    // siblings by WeCom order (larger first)
    expect(result.departments.filter((d) => d.parentId === 1).map((d) => d.id)).toEqual([2, 3]);
  });

  it('recounts after users move, lazily on the next read', () => {
    cache.upsertUsers([{ userid: 'wangfang', department: [3] }], T0 + 1);
    const byId = new Map(cache.departments().departments.map((d) => [d.id, d]));
    expect(byId.get(5)?.userCount).toBe(2);
    expect(byId.get(3)?.userCount).toBe(4);
    expect(byId.get(2)?.totalUserCount).toBe(4);
    expect(byId.get(1)?.totalUserCount).toBe(8);
  });
});

describe('user search', () => {
  it('finds Chinese names by any part, userids by prefix, positions and aliases', () => {
    expect(ids(cache.searchUsers({ query: '张三丰' }).rows)).toEqual(['zhangsan']);
    expect(ids(cache.searchUsers({ query: '三丰' }).rows)).toEqual(['zhangsan']);
    expect(ids(cache.searchUsers({ query: '王', sort: 'userid' }).rows)).toEqual(['boss', 'wangfang']);
    expect(ids(cache.searchUsers({ query: 'zhang' }).rows)).toEqual(['zhangsan']);
    expect(ids(cache.searchUsers({ query: 'ZHANGS' }).rows)).toEqual(['zhangsan']);
    // punctuation splits userids into words
    expect(ids(cache.searchUsers({ query: 'liu' }).rows)).toEqual(['zhao.liu']);
    expect(ids(cache.searchUsers({ query: '工程师', sort: 'userid' }).rows)).toEqual([
      'lisi',
      'wangfang',
      'zhangsan',
    ]);
    expect(ids(cache.searchUsers({ query: '测试工程' }).rows)).toEqual(['wangfang']);
    expect(ids(cache.searchUsers({ query: 'sam' }).rows)).toEqual(['zhangsan']);
    // terms are ANDed
    expect(ids(cache.searchUsers({ query: '王 wang', sort: 'userid' }).rows)).toEqual(['boss', 'wangfang']);
    expect(ids(cache.searchUsers({ query: '王 fang' }).rows)).toEqual(['wangfang']);
    expect(cache.searchUsers({ query: '王 boss' }).total).toBe(1);
    expect(cache.searchUsers({ query: '王 zhang' }).total).toBe(0);
    expect(cache.searchUsers({ query: '不存在的人' }).total).toBe(0);
  });

  it('treats FTS syntax in the query as plain text', () => {
    expect(() => cache.searchUsers({ query: 'zhang" OR * NEAR(' })).not.toThrow();
    expect(ids(cache.searchUsers({ query: 'zhang"*' }).rows)).toEqual(['zhangsan']);
    // OR is a word to look for, not an operator
    expect(cache.searchUsers({ query: 'zhang OR boss' }).total).toBe(0);
    // typed text with nothing searchable finds no one; blank text is no filter
    expect(cache.searchUsers({ query: '"*()' }).total).toBe(0);
    expect(cache.searchUsers({ query: '😀' }).total).toBe(0);
    expect(cache.searchUsers({ query: '  ' }).total).toBe(8);
  });

  it('finds people by pinyin: initials, spaced or joined syllables, surnames read as surnames', () => {
    cache.upsertUsers(
      [
        { userid: 'sgw', name: '上官伟', department: [3], position: '讲师' },
        { userid: 'u1024', name: '周宁', department: [3], position: '专员' },
        { userid: 'u2048', name: '单雪', department: [3], position: '专员' },
        { userid: 'u4096', name: '吕方', department: [3], position: '专员' },
      ],
      T0 + 1,
    );
    expect(ids(cache.searchUsers({ query: 'sgw' }).rows)).toEqual(['sgw']);
    expect(ids(cache.searchUsers({ query: 'zhou ning' }).rows)).toEqual(['u1024']);
    expect(ids(cache.searchUsers({ query: 'zhouning' }).rows)).toEqual(['u1024']);
    expect(ids(cache.searchUsers({ query: 'ZN' }).rows)).toEqual(['u1024']);
    // 单 as a surname is shan, not dan
    expect(ids(cache.searchUsers({ query: 'shanxue' }).rows)).toEqual(['u2048']);
    expect(ids(cache.searchUsers({ query: 'lvfang' }).rows)).toEqual(['u4096']);
    expect(ids(cache.searchUsers({ query: 'lufang' }).rows)).toEqual(['u4096']);
    // pinyin of positions is not indexed: "jiang" does not find every 讲师
    expect(cache.searchUsers({ query: 'jiangshi' }).total).toBe(0);
  });

  it('filters by department (recursive or not) and status, sorts and pages', () => {
    expect(cache.searchUsers({ departmentId: 2, recursive: true, sort: 'userid' }).total).toBe(5);
    expect(ids(cache.searchUsers({ departmentId: 4, recursive: false, sort: 'userid' }).rows)).toEqual([
      'lisi',
      'sunba',
      'zhangsan',
    ]);
    expect(cache.searchUsers({ departmentId: 2, recursive: false }).total).toBe(0);
    // a department outside the cache still filters by its direct links
    cache.upsertUsers([{ userid: 'outsider', name: '外人', department: [99] }]);
    expect(ids(cache.searchUsers({ departmentId: 99 }).rows)).toEqual(['outsider']);
    expect(cache.searchUsers({ departmentId: 99, status: 1 }).total).toBe(1);
    expect(cache.searchUsers({ departmentId: 99, query: '外' }).total).toBe(1);
    cache.deleteUsers(['outsider']);
    expect(cache.searchUsers({ departmentId: 1, recursive: true }).total).toBe(8);
    expect(ids(cache.searchUsers({ departmentId: 3, status: 1 }).rows)).toEqual(['zhao.liu']);
    expect(ids(cache.searchUsers({ query: '工程师', departmentId: 5, sort: 'userid' }).rows)).toEqual([
      'lisi',
      'wangfang',
    ]);

    const all = cache.searchUsers({ sort: 'userid', limit: 3 });
    expect(all.total).toBe(8);
    expect(ids(all.rows)).toEqual(['boss', 'left1', 'lisi']);
    expect(ids(cache.searchUsers({ sort: 'userid', offset: 6, limit: 3 }).rows)).toEqual([
      'zhangsan',
      'zhao.liu',
    ]);
    expect(ids(cache.searchUsers({ sort: 'userid', desc: true, limit: 2 }).rows)).toEqual([
      'zhao.liu',
      'zhangsan',
    ]);
    expect(ids(cache.searchUsers({ sort: 'status', desc: true, limit: 1 }).rows)).toEqual(['left1']);
    // combined filters are counted, not estimated
    expect(cache.searchUsers({ query: '工程师', status: 1, departmentId: 2 }).total).toBe(3);
    expect(ids(cache.searchUsers({ status: 4 }).rows)).toEqual(['sunba']);
    expect(cache.searchUsers({ status: 2, departmentId: 2 }).total).toBe(0);
    // counts follow a change of status
    expect(cache.searchUsers({ status: 2 }).total).toBe(1);
    cache.upsertUsers([{ userid: 'qianqi', status: 1 }]);
    expect(cache.searchUsers({ status: 2 }).total).toBe(0);
    expect(cache.searchUsers({ status: 1, departmentId: 3 }).total).toBe(2);
  });

  it('gives the same answers whether a filter drives the query or the sort index is walked', () => {
    const walking = openCache(cache.path, { searchDriveLimit: 0 });
    try {
      const queries = [
        { query: '王' },
        { query: '工程师', sort: 'userid' as const },
        { query: '工程师', departmentId: 2, status: 1 as const },
        { departmentId: 2, sort: 'position' as const, desc: true },
        { departmentId: 4, recursive: false },
        { departmentId: 3, status: 1 as const },
        { status: 1 as const, sort: 'name' as const, offset: 2, limit: 3 },
        { query: 'zhang', departmentId: 1 },
        { sort: 'status' as const, desc: true, offset: 1, limit: 4 },
      ];
      for (const q of queries) {
        const driven = cache.searchUsers(q);
        expect(walking.searchUsers(q), JSON.stringify(q)).toEqual(driven);
        expect(driven.total, JSON.stringify(q)).toBeGreaterThan(0);
      }
    } finally {
      walking.close();
    }
  });

  it('returns users in the contract shape', () => {
    const [user] = cache.searchUsers({ query: 'lisi' }).rows;
    expect(user).toEqual({
      userid: 'lisi',
      name: '李四',
      position: '工程师',
      status: 1,
      mainDepartment: 5,
      departments: [4, 5],
    });
    expect(cache.searchUsers({ query: 'zhao' }).rows[0]?.email).toBe('zl@example.com');
  });

  it('keeps fields a partial row lacks and re-indexes changed names', () => {
    cache.upsertUsers([{ userid: 'zhangsan', name: '张三' }], T0 + 5);
    const user = cache.getUser('zhangsan');
    expect(user?.user).toMatchObject({
      name: '张三',
      position: '高级工程师',
      alias: 'Sam',
      departments: [4],
    });
    expect(user?.asOf).toBe(T0 + 5);
    expect(cache.searchUsers({ query: '三丰' }).total).toBe(0);
    expect(ids(cache.searchUsers({ query: '张三' }).rows)).toEqual(['zhangsan']);
  });

  it('drops deleted users from search', () => {
    expect(cache.deleteUsers(['wangfang', 'nobody'])).toBe(1);
    expect(cache.searchUsers({ query: '王芳' }).total).toBe(0);
    expect(cache.getUser('wangfang')).toBeNull();
    expect(cache.departments().departments.find((d) => d.id === 5)?.userCount).toBe(2);
  });
});

describe('user detail and tags', () => {
  it('gives a user with department names, tags (direct and via departments) and lives watched', () => {
    cache.upsertLives([
      {
        livingid: 'L1',
        theme: '周会',
        anchor_userid: 'boss',
        living_start: 1000,
        living_duration: 600,
        status: 2,
      },
    ]);
    cache.appendWatchPage(
      'L1',
      { users: [{ userid: 'zhao.liu', watch_time: 300 }] },
      { nextKey: '', ending: 1 },
    );
    const detail = cache.getUser('zhao.liu');
    expect(detail?.departmentNames).toEqual(['市场部']);
    expect(detail?.tags.map((t) => t.tagname)).toEqual(['新员工']);
    expect(detail?.watched).toEqual([{ livingid: 'L1', theme: '周会', livingStart: 1000, watchTime: 300 }]);
    expect(cache.getUser('zhangsan')?.tags.map((t) => t.tagid)).toEqual([1]);
    expect(cache.getUser('nobody')).toBeNull();
  });

  it('counts tag members, users and departments together', () => {
    const tags = cache.tags();
    expect(tags.asOf).toBe(T0);
    // tag 2: wangfang + 市场部 (zhao.liu, qianqi, sunba) = 4
    expect(tags.tags).toEqual([
      { tagid: 2, tagname: '新员工', memberCount: 4 },
      { tagid: 1, tagname: '讲师', memberCount: 2 },
    ]);
    const members = cache.tagMembers(2);
    expect(ids(members?.users ?? [])).toEqual(['wangfang']);
    expect(members?.departmentIds).toEqual([3]);
    expect(cache.tagMembers(99)).toBeNull();
    expect(() => cache.replaceTagMembers(99, { userlist: ['x'] })).toThrow(CacheError);
  });

  it('looks users up by id in the order asked', () => {
    expect(ids(cache.usersByIds(['wangfang', 'nobody', 'boss']))).toEqual(['wangfang', 'boss']);
  });
});

describe('org sync generations', () => {
  it('removes what a full sync did not see, in one sweep at the end', () => {
    const generation = cache.beginOrgSync();
    cache.upsertDepartments([
      { id: 1, name: '总公司', parentid: 0 },
      { id: 2, name: '研发中心', parentid: 1 },
      { id: 4, name: '平台组', parentid: 2 },
    ]);
    cache.upsertUsers([
      { userid: 'boss', name: '王建国', department: [1] },
      { userid: 'zhangsan', name: '张三丰', department: [4] },
    ]);
    cache.upsertTags([{ tagid: 1, tagname: '讲师' }]);
    // nothing is removed before the end
    expect(cache.searchUsers({}).total).toBe(8);
    const { removed } = cache.finishOrgSync(generation, T0 + 100);
    expect(removed).toEqual({ users: 6, departments: 2, tags: 1 });
    expect(ids(cache.searchUsers({ sort: 'userid' }).rows)).toEqual(['boss', 'zhangsan']);
    expect(cache.searchUsers({ query: '王芳' }).total).toBe(0);
    expect(cache.departments().departments.map((d) => [d.id, d.totalUserCount])).toEqual([
      [1, 2],
      [2, 1],
      [4, 1],
    ]);
    expect(cache.tags().tags.map((t) => t.tagid)).toEqual([1]);
    expect(cache.lastSync().org).toBe(T0 + 100);
    expect(cache.integrityCheck()).toBe('ok');
  });

  it('sweeps only the parts the sync fetched', () => {
    const generation = cache.beginOrgSync({ include: ['users'] });
    cache.upsertUsers([{ userid: 'boss', name: '王建国', department: [1] }]);
    const { removed } = cache.finishOrgSync(generation);
    expect(removed).toEqual({ users: 7, departments: 0, tags: 0 });
    expect(cache.departments().departments).toHaveLength(5);
    expect(cache.tags().tags).toHaveLength(2);
  });

  it('removes nothing when a sync is abandoned, and never reuses its number', () => {
    const abandoned = cache.beginOrgSync();
    cache.upsertUsers([{ userid: 'boss', name: '王建国' }]);
    cache.abortOrgSync(abandoned);
    expect(() => cache.finishOrgSync(abandoned)).toThrow(CacheError);
    expect(cache.searchUsers({}).total).toBe(8);

    const next = cache.beginOrgSync();
    expect(next).toBeGreaterThan(abandoned);
    // boss was seen only by the abandoned sync: the next full sync, which does not see it, removes it
    cache.upsertUsers([{ userid: 'zhangsan' }]);
    cache.finishOrgSync(next);
    expect(ids(cache.searchUsers({}).rows)).toEqual(['zhangsan']);
  });

  it('survives a restart in the middle of a sync', () => {
    const file = cache.path;
    const generation = cache.beginOrgSync();
    cache.upsertUsers([{ userid: 'boss', name: '王建国', department: [1] }]);
    cache.close();
    cache = openCache(file);
    const { removed } = cache.finishOrgSync(generation);
    expect(removed.users).toBe(7);
  });

  it('creates users known only from list_id links', () => {
    cache.replaceUserDepartmentLinks([
      { userid: 'hidden', department: 3 },
      { userid: 'hidden', department: 5 },
      { userid: 'boss', department: 2 },
    ]);
    expect(cache.getUser('hidden')?.user).toMatchObject({
      name: '',
      departments: [3, 5],
      mainDepartment: null,
    });
    expect(cache.getUser('boss')?.user).toMatchObject({ name: '王建国', departments: [2] });
  });
});
