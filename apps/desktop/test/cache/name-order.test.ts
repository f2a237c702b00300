// Names sort by pinyin (users.name_key): the org table, the watch table's pages (read without
// sorting every viewer), and caches from before the key, rewritten by the next org sync.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache, type Cache, type WireDepartment, type WireUser } from '../../src/services/cache/index.ts';
import { applyMigrations } from '../../src/services/cache/migrate.ts';
import { nameSortKey } from '../../src/services/cache/name-sort-key.ts';
import { T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const PEOPLE = ['张三', '王芳', '阿里', '白云', 'Alice', '赵六', '单田芳', '吕布', '曾静', 'bob', '陈晨'];

function openOrg(users: WireUser[], departments: WireDepartment[] = [{ id: 1, name: '总公司', parentid: 0, order: 1 }]): Cache {
  const cache = openCache(tmp.file(), { now: () => T0 });
  const generation = cache.beginOrgSync({ include: ['departments', 'users'] });
  cache.upsertDepartments(departments, T0);
  cache.upsertUsers(users, T0);
  cache.finishOrgSync(generation, T0);
  return cache;
}

const names = (cache: Cache, desc = false) =>
  cache.searchUsers({ query: '', sort: 'name', desc, limit: 100 }).rows.map((u) => u.name);

describe('names sort by pinyin', () => {
  it('in the org table, surnames read as surnames, Latin names among them', () => {
    const cache = openOrg(PEOPLE.map((name, i) => ({ userid: `u${i}`, name, department: [1], main_department: 1 })));
    // a li, Alice, bai yun, bob, chen chen, lv bu, shan tian fang (单 as a surname), wang fang,
    // zeng jing (曾 as a surname), zhang san, zhao liu
    const expected = ['阿里', 'Alice', '白云', 'bob', '陈晨', '吕布', '单田芳', '王芳', '曾静', '张三', '赵六'];
    expect(names(cache)).toEqual(expected);
    expect(names(cache, true)).toEqual([...expected].reverse());
    cache.close();
  });

  it('a cache from before the key sorts by name until the next org sync writes keys and pinyin search text', () => {
    const file = tmp.file();
    const db = new Database(file);
    applyMigrations(db, { target: 7 });
    db.prepare(`INSERT INTO departments (id, name, parent_id, fetched_at) VALUES (1, '总公司', 0, 1)`).run();
    const insertUser = db.prepare(
      `INSERT INTO users (id, userid, name, main_department, home_department, fetched_at) VALUES (?, ?, ?, 1, 1, 1)`,
    );
    const insertLink = db.prepare('INSERT INTO user_departments (user_id, department_id, fetched_at) VALUES (?, 1, 1)');
    // search text as version 4 wrote it: characters, no pinyin
    const insertSearch = db.prepare('INSERT INTO users_fts (rowid, words, bigrams) VALUES (?, ?, ?)');
    ['张三', '王芳', '阿里'].forEach((name, i) => {
      insertUser.run(i + 1, `u${i}`, name);
      insertLink.run(i + 1);
      insertSearch.run(i + 1, `${[...name].join(' ')} u${i}`, name);
    });
    db.close();

    const cache = openCache(file, { now: () => T0 });
    // by the name itself (code points) while keys are missing; no pinyin search yet
    expect(names(cache)).toEqual(['张三', '王芳', '阿里']);
    expect(cache.searchUsers({ query: 'wangfang' }).total).toBe(0);

    // WeCom reports the same users, unchanged: they are rewritten all the same
    const generation = cache.beginOrgSync({ include: ['departments', 'users'] });
    cache.upsertDepartments([{ id: 1, name: '总公司', parentid: 0, order: 1 }], T0);
    cache.upsertUsers(
      ['张三', '王芳', '阿里'].map((name, i) => ({ userid: `u${i}`, name, department: [1], main_department: 1 })),
      T0,
    );
    cache.finishOrgSync(generation, T0);
    expect(names(cache)).toEqual(['阿里', '王芳', '张三']);
    expect(cache.searchUsers({ query: 'wangfang' }).rows.map((u) => u.userid)).toEqual(['u1']);
    expect(cache.searchUsers({ query: 'zs' }).rows.map((u) => u.userid)).toEqual(['u0']);
    cache.close();
  });
});

describe('watch table pages by name and by department', () => {
  const SURNAMES = ['张', '王', '李', '赵', '陈', '单', '吕', '欧阳', '曾'];
  const GIVEN = ['伟', '芳', '静', '强', '磊', '敏'];
  // departments with the same name in two places: their viewers sort together, by name
  const departments: WireDepartment[] = [
    { id: 1, name: '总公司', parentid: 0, order: 1 },
    { id: 2, name: '研发中心', parentid: 1, order: 1 },
    { id: 3, name: '第一小组', parentid: 2, order: 1 },
    { id: 4, name: '市场部', parentid: 1, order: 1 },
    { id: 5, name: '第一小组', parentid: 4, order: 1 },
    { id: 6, name: '客服部', parentid: 1, order: 1 },
  ];
  const people: WireUser[] = Array.from({ length: 240 }, (_, i) => ({
    userid: `p${String(i).padStart(3, '0')}`,
    // namesakes too (the same name, told apart by the userid)
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / 7) % GIVEN.length]}`,
    department: [2 + (i % 5)],
    main_department: 2 + (i % 5),
  }));

  type Expected = { kind: 'internal' | 'external'; id: string; key: string; department: string | null };

  function setUp() {
    // late0 is not cached when the stats are fetched (no department then), and synced afterwards;
    // gone0 is never cached; p007 leaves the org after the fetch
    const cache = openOrg(people, departments);
    cache.upsertLives([{ livingid: 'ALL', theme: '全员大会', anchor_userid: 'p000', living_start: T0 / 1000 - 86400, living_duration: 3600, status: 2 }], T0);
    const internal = [...people.slice(0, 220).map((p) => p.userid), 'late0', 'gone0'];
    const external = Array.from({ length: 30 }, (_, k) => ({ external_userid: `wx${k}`, type: 1, name: k % 3 === 0 ? `微信用户${k}` : `Guest ${k}`, watch_time: 60 }));
    cache.appendWatchPage(
      'ALL',
      { users: internal.map((userid, k) => ({ userid, watch_time: 100 + k })), external_users: external },
      { nextKey: '1', ending: 1, fromKey: '0' },
      T0,
    );
    cache.upsertUsers([{ userid: 'late0', name: '晚到', department: [6], main_department: 6 }], T0);
    cache.deleteUsers(['p007']);

    const byId = new Map(people.map((p) => [p.userid, p]));
    const departmentName = new Map(departments.map((d) => [d.id, d.name]));
    const rows: Expected[] = [
      ...internal.map((userid): Expected => {
        const person = userid === 'p007' ? undefined : byId.get(userid);
        const name = userid === 'late0' ? '晚到' : (person?.name ?? userid);
        const home = userid === 'late0' ? 6 : byId.get(userid)?.main_department;
        return { kind: 'internal', id: userid, key: nameSortKey(name), department: home === undefined ? null : (departmentName.get(home as number) ?? null) };
      }),
      ...external.map((e): Expected => ({ kind: 'external', id: e.external_userid, key: nameSortKey(e.name), department: null })),
    ];
    return { cache, rows };
  }

  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('gives every page the order of a full sort (pinyin keys, namesakes by id, externals and uncached viewers included)', () => {
    const { cache, rows } = setUp();
    for (const kind of ['all', 'internal', 'external'] as const) {
      const subset = rows.filter((r) => kind === 'all' || r.kind === kind);
      for (const desc of [false, true]) {
        const byName = [...subset].sort((a, b) => (desc ? compare(b.key, a.key) : compare(a.key, b.key)) || compare(a.id, b.id));
        const byDepartment = [...subset].sort(
          (a, b) =>
            (a.department === null ? 1 : 0) - (b.department === null ? 1 : 0) ||
            (a.department === null || b.department === null ? 0 : desc ? compare(b.department, a.department) : compare(a.department, b.department)) ||
            compare(a.key, b.key) ||
            compare(a.id, b.id),
        );
        for (const [sort, expected] of [['name', byName], ['department', byDepartment]] as const) {
          for (let offset = 0; offset < subset.length; offset += 40) {
            const page = cache.watchStats({ livingid: 'ALL', kind, sort, desc, offset, limit: 40 });
            expect(page.total).toBe(subset.length);
            expect(
              page.rows.map((r) => r.id),
              `${kind} by ${sort} ${desc ? 'desc' : 'asc'} from ${offset}`,
            ).toEqual(expected.slice(offset, offset + 40).map((r) => r.id));
          }
        }
      }
    }
    // the rows themselves: an uncached viewer shows its userid; one synced later, its name and department
    const late = cache.watchStats({ livingid: 'ALL', kind: 'internal', sort: 'department', desc: false, limit: 300 }).rows;
    expect(late.find((r) => r.id === 'late0')).toMatchObject({ name: '晚到', departmentName: '客服部' });
    expect(late.find((r) => r.id === 'gone0')).toMatchObject({ name: 'gone0', departmentName: null });
    cache.close();
  });
});
