// How many people a message reaches, counted from the cache (real SQLite on disk).
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

let cache: Cache;
beforeEach(() => {
  cache = openWithOrg(tmp.file());
});
afterEach(() => cache.close());

const none = { userids: [], departmentIds: [], tagIds: [] };

describe('message reach', () => {
  it('counts a department with its sub-departments, leaving out disabled and departed members', () => {
    // 研发中心: zhangsan, lisi (in two of its departments, once), wangfang, sunba (not activated); left1 has left
    expect(cache.reach({ ...none, departmentIds: [2] })).toEqual({ count: 4, asOf: T0 });
    // 市场部: zhao.liu, sunba; qianqi is disabled
    expect(cache.reach({ ...none, departmentIds: [3] }).count).toBe(2);
  });

  it('counts a tag by its users and its departments, and each person once across everything picked', () => {
    // tag 新员工: wangfang, and 市场部 (zhao.liu, sunba)
    expect(cache.reach({ ...none, tagIds: [2] }).count).toBe(3);
    // 研发中心 (4) + the tag (adds zhao.liu) + boss and zhangsan by name (adds boss) = 6
    expect(cache.reach({ userids: ['boss', 'zhangsan'], departmentIds: [2], tagIds: [2] }).count).toBe(6);
    // the whole company, picked twice over
    expect(cache.reach({ userids: ['lisi'], departmentIds: [1, 4], tagIds: [1] }).count).toBe(6);
  });

  it('counts only people the cache knows, and nothing for nothing picked', () => {
    expect(cache.reach({ ...none, userids: ['ghost', 'boss'] }).count).toBe(1);
    expect(cache.reach(none).count).toBe(0);
  });

  it('follows members moving between departments', () => {
    cache.upsertUsers([{ userid: 'zhao.liu', department: [4] }], T0 + 1);
    expect(cache.reach({ ...none, departmentIds: [2] }).count).toBe(5);
    expect(cache.reach({ ...none, departmentIds: [3] }).count).toBe(1);
  });
});
