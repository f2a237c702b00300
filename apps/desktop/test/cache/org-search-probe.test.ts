// users.search on a search alone probes a bounded stretch of the sort index before walking it; the
// page must be the same whether the hits are spread along the sort order, bunched at its end, or
// the query is driven from the hits.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const USERS = 2000;
let driving: Cache;
let walking: Cache;
beforeEach(() => {
  driving = openWithOrg(tmp.file());
  // 1700 "安…" then 300 "张…" by name; every 4th user is a 顾问 (spread along the name order)
  const users = Array.from({ length: USERS }, (_, i) => ({
    userid: `p${String(i).padStart(4, '0')}`,
    name: `${i < 1700 ? '安' : '张'}${String(i).padStart(4, '0')}`,
    position: i % 4 === 0 ? '顾问' : '专家',
    department: [3],
  }));
  driving.upsertUsers(users, T0 + 1);
  walking = openCache(driving.path, { searchDriveLimit: 0 });
});
afterEach(() => {
  walking.close();
  driving.close();
});

describe('users.search over a search alone', () => {
  const queries = [
    { query: '张', limit: 20 }, // bunched at the end of the name order: the probe finds none
    { query: '张', limit: 20, desc: true }, // … and first when descending
    { query: '张', offset: 250, limit: 100 },
    { query: '顾问', limit: 50 }, // spread: the probe finds the page
    { query: '顾问', offset: 300, limit: 50 },
    { query: '顾问', sort: 'position' as const, limit: 10 },
    { query: 'p1', sort: 'userid' as const, desc: true, limit: 30 },
  ];

  it('gives the page the driven query gives', () => {
    for (const q of queries) {
      const expected = driving.searchUsers(q);
      expect(expected.rows.length, JSON.stringify(q)).toBeGreaterThan(0);
      expect(walking.searchUsers(q), JSON.stringify(q)).toEqual(expected);
    }
  });

  it('sorts and pages the bunched hits', () => {
    const page = walking.searchUsers({ query: '张', limit: 20 });
    expect(page.total).toBe(301); // and the fixture's 张三, who sorts after 张1999
    expect(page.rows.map((u) => u.name)).toEqual(Array.from({ length: 20 }, (_, i) => `张${1700 + i}`));
  });
});
