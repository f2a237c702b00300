// Statistics by department (completion per department at every level, and the figures of one
// department's viewers) are added up from per-live sums held in memory. Each answer is compared
// with a straightforward recomputation from the per-live rows on disk, over ranges cut at month
// edges and at Beijing midnights, as lives are fetched, fetched again, removed, and as the tree changes.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache, StatsOverviewQuery, WireDepartment, WireUser } from '../../src/services/cache/index.ts';
import { openCache } from '../../src/services/cache/index.ts';
import { tempDir, T0 } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const BEIJING = 8 * 3600;
/** 2026-11-01 00:00 in Beijing (2026-10-31 16:00 UTC): a month edge and a midnight. */
const NOVEMBER = Date.UTC(2026, 9, 31, 16) / 1000;
const DAY = 86_400;

/**
 *                  1 总公司
 *         /                   \
 *     2 研发中心              3 市场部
 *      /      \                  |
 *  4 平台组   5 客户端组        8 华东区
 *   /    \                       |
 * 6 存储  7 网络                9 上海组
 */
const tree: WireDepartment[] = [
  { id: 1, name: '总公司', parentid: 0, order: 1 },
  { id: 2, name: '研发中心', parentid: 1, order: 2 },
  { id: 3, name: '市场部', parentid: 1, order: 3 },
  { id: 4, name: '平台组', parentid: 2, order: 4 },
  { id: 5, name: '客户端组', parentid: 2, order: 5 },
  { id: 6, name: '存储', parentid: 4, order: 6 },
  { id: 7, name: '网络', parentid: 4, order: 7 },
  { id: 8, name: '华东区', parentid: 3, order: 8 },
  { id: 9, name: '上海组', parentid: 8, order: 9 },
];
// three people in each department, the root's own too
const people: WireUser[] = tree.flatMap((d) =>
  [0, 1, 2].map((n) => ({
    userid: `u${d.id}x${n}`,
    name: `员工${d.id}${n}`,
    department: [d.id],
    main_department: d.id,
    status: 1,
  })),
);

function syncOrg(cache: Cache, departments: WireDepartment[]): void {
  const generation = cache.beginOrgSync();
  cache.upsertDepartments(departments, T0);
  cache.upsertUsers(
    people.filter((u) => departments.some((d) => d.id === u.main_department)),
    T0,
  );
  cache.finishOrgSync(generation, T0);
}

/** Lives one second either side of the November edge and of Beijing midnights, held or not. */
const lives = [
  { livingid: 'oct-last', start: NOVEMBER - 1, type: 0, host: 4, status: 2 },
  { livingid: 'nov-first', start: NOVEMBER, type: 1, host: 6, status: 2 },
  { livingid: 'nov-first-2', start: NOVEMBER + 1, type: 0, host: 3, status: 2 },
  { livingid: 'nov-1-late', start: NOVEMBER + DAY - 1, type: 3, host: 9, status: 2 },
  { livingid: 'nov-2', start: NOVEMBER + DAY, type: 3, host: 1, status: 2 },
  { livingid: 'oct-mid', start: NOVEMBER - 15 * DAY + 3600, type: 0, host: 2, status: 2 },
  { livingid: 'dec-first', start: NOVEMBER + 30 * DAY, type: 1, host: 7, status: 1 },
  { livingid: 'planned', start: NOVEMBER + 31 * DAY, type: 0, host: 7, status: 0 },
].map((l, i) => ({
  ...l,
  info: {
    livingid: l.livingid,
    theme: l.livingid,
    anchor_userid: i % 2 === 0 ? 'u1x0' : 'u2x0',
    living_start: l.start,
    living_duration: 3600,
    status: l.status,
    type: l.type,
    main_department: l.host,
  },
}));

/** Viewers of a live: a slice of the people (varying by `seed`), watching varied times, and one external. */
function watch(cache: Cache, livingid: string, seed: number): void {
  const users = people
    .filter((_, i) => (i + seed) % 3 !== 0)
    .map((u, i) => ({ userid: u.userid, watch_time: ((i * 37 + seed * 101) % 4000) + 1 }));
  cache.beginWatch(livingid, { restart: true });
  cache.appendWatchPage(
    livingid,
    { users, external_users: [{ external_userid: `wx${seed}`, type: 1, name: '客户', watch_time: 600 }] },
    { nextKey: '', ending: 1 },
  );
}

const ranges: Array<[number, number]> = [
  [NOVEMBER - 40 * DAY, NOVEMBER + 40 * DAY], // everything
  [NOVEMBER, NOVEMBER + 30 * DAY - 1], // November in Beijing
  [NOVEMBER - 1, NOVEMBER + DAY - 1], // a second before the edge, to the end of its day
  [NOVEMBER + 1, NOVEMBER + DAY], // after the first second, to the next midnight
  [NOVEMBER - 30 * DAY, NOVEMBER - 1], // October only
  [NOVEMBER + DAY, NOVEMBER + DAY], // one instant
  [NOVEMBER + 5 * DAY, NOVEMBER + 2 * DAY], // empty (to before from)
];

function queries(): StatsOverviewQuery[] {
  const result: StatsOverviewQuery[] = [];
  for (const [from, to] of ranges) {
    for (const level of [undefined, 0, 1, 2, 3, null]) {
      const base = {
        from,
        to,
        anchorUserid: null,
        type: null,
        departmentId: null,
        level,
        utcOffsetSeconds: BEIJING,
      };
      result.push(base, { ...base, type: 3 }, { ...base, anchorUserid: 'u1x0' });
      for (const departmentId of [1, 2, 4, 8, 9, 99]) {
        result.push({ ...base, departmentId }, { ...base, departmentId, departmentBy: 'audience' });
      }
    }
  }
  return result;
}

interface Expected {
  completion: Array<{
    departmentId: number;
    name: string;
    path: string;
    direct: boolean;
    viewers: number;
    averageCompletion: number;
  }>;
  lives: Array<{ livingid: string; viewers: number; seconds: number }>;
}

/** The answer recomputed from the per-live rows and the department tree as they are on disk. */
function recompute(db: Database.Database, q: StatsOverviewQuery): Expected {
  const parents = new Map(
    db.prepare('SELECT id, parent_id FROM departments').raw().all() as Array<[number, number]>,
  );
  const names = new Map(
    db.prepare('SELECT id, name FROM departments').raw().all() as Array<[number, string]>,
  );
  const chain = (id: number): number[] => {
    const up = [id];
    for (let p = parents.get(id); p !== undefined && parents.has(p); p = parents.get(p)) up.push(p);
    return up.reverse();
  };
  const inSubtree = (id: number, top: number) => parents.has(id) && chain(id).includes(top);
  const level = q.level === undefined ? 1 : q.level;
  const byAudience = q.departmentId !== null && q.departmentId !== undefined && q.departmentBy === 'audience';

  let held = (
    db
      .prepare(
        `SELECT l.id, l.livingid, l.main_department AS host, l.anchor_userid AS anchor, l.type,
           COALESCE(s.internal_viewers, 0) + COALESCE(s.external_viewers, 0) AS viewers, COALESCE(s.watch_seconds, 0) AS seconds
         FROM lives l LEFT JOIN live_summary s ON s.live_id = l.id
         WHERE l.status IN (1, 2) AND l.living_start BETWEEN ? AND ?`,
      )
      .all(q.from, q.to) as Array<{
      id: number;
      livingid: string;
      host: number;
      anchor: string;
      type: number;
      viewers: number;
      seconds: number;
    }>
  ).filter(
    (l) =>
      (q.anchorUserid === null || l.anchor === q.anchorUserid) &&
      (q.type === null || q.type === undefined || l.type === q.type) &&
      (q.departmentId === null ||
        q.departmentId === undefined ||
        byAudience ||
        inSubtree(l.host, q.departmentId)),
  );
  const rowsOf = (liveId: number) =>
    (
      db
        .prepare(
          'SELECT department_id AS id, viewers, watch_seconds AS seconds, completion_sum AS completion FROM live_dept_summary WHERE live_id = ?',
        )
        .all(liveId) as Array<{
        id: number;
        viewers: number;
        seconds: number;
        completion: number;
      }>
    ).filter((r) => !byAudience || inSubtree(r.id, q.departmentId as number));
  if (byAudience) {
    held = held.flatMap((l) => {
      const rows = rowsOf(l.id);
      return rows.length === 0
        ? []
        : [
            {
              ...l,
              viewers: rows.reduce((n, r) => n + r.viewers, 0),
              seconds: rows.reduce((n, r) => n + r.seconds, 0),
            },
          ];
    });
  }

  const groups = new Map<number, { viewers: number; completion: number }>();
  for (const l of held) {
    for (const r of rowsOf(l.id)) {
      const ids = chain(r.id);
      const target =
        level === null || !parents.has(r.id) ? r.id : (ids[Math.min(level, ids.length - 1)] as number);
      const group = groups.get(target) ?? { viewers: 0, completion: 0 };
      group.viewers += r.viewers;
      group.completion += r.completion;
      groups.set(target, group);
    }
  }
  const completion = [...groups]
    .map(([id, g]) => ({
      departmentId: id,
      name: names.get(id) ?? '',
      path: parents.has(id)
        ? chain(id)
            .map((c) => names.get(c))
            .join(' / ')
        : '',
      // above the level, with sub-departments split off: only its direct members
      direct: level !== null && parents.has(id) && [...parents.values()].includes(id) && chain(id).length - 1 < level,
      viewers: g.viewers,
      averageCompletion: g.viewers > 0 ? g.completion / g.viewers : 0,
    }))
    .sort((a, b) => b.viewers - a.viewers || a.departmentId - b.departmentId);
  return {
    completion,
    lives: held
      .map((l) => ({ livingid: l.livingid, viewers: l.viewers, seconds: l.seconds }))
      .sort((a, b) => a.livingid.localeCompare(b.livingid)),
  };
}

/** Every query answered as recomputed; returns how many departments' rows were compared. */
function expectAsRecomputed(cache: Cache, asked: readonly StatsOverviewQuery[] = queries()): number {
  let compared = 0;
  const db = new Database(cache.path, { readonly: true });
  for (const q of asked) {
    const actual = cache.statsOverview(q);
    const expected = recompute(db, q);
    const label = JSON.stringify(q);
    expect(
      actual.completionByDepartment.map(({ averageCompletion: _a, ...d }) => d),
      label,
    ).toEqual(expected.completion.map(({ averageCompletion: _a, ...d }) => d));
    actual.completionByDepartment.forEach((d, i) =>
      // added in another order than the recomputation: equal to the last bits
      expect(d.averageCompletion, label).toBeCloseTo(expected.completion[i]?.averageCompletion ?? NaN, 12),
    );
    expect(actual.totals.lives, label).toBe(expected.lives.length);
    expect(actual.totals.viewers, label).toBe(expected.lives.reduce((n, l) => n + l.viewers, 0));
    expect(actual.totals.watchHours, label).toBeCloseTo(
      expected.lives.reduce((n, l) => n + l.seconds, 0) / 3600,
      9,
    );
    const top = new Map(expected.lives.map((l) => [l.livingid, l.viewers]));
    for (const l of actual.topLives) expect(l.viewers, label).toBe(top.get(l.livingid));
    compared += expected.completion.length;
  }
  db.close();
  return compared;
}

/** 70 ended lives a day apart from mid-October: several blocks of lives, and ranges that cut them. */
const many = Array.from({ length: 70 }, (_, i) => ({
  livingid: `day-${i}`,
  theme: `day-${i}`,
  anchor_userid: i % 3 === 0 ? 'u1x0' : 'u2x0',
  living_start: NOVEMBER - 17 * DAY + i * DAY + 3600,
  living_duration: 3600,
  status: 2,
  type: i % 4,
  main_department: 1 + (i % 9),
}));

const overMany: StatsOverviewQuery[] = [
  [NOVEMBER - 40 * DAY, NOVEMBER + 80 * DAY],
  [NOVEMBER - 10 * DAY, NOVEMBER + 40 * DAY - 1],
  [NOVEMBER + 3 * DAY, NOVEMBER + 29 * DAY],
  [NOVEMBER, NOVEMBER + 30 * DAY - 1],
].flatMap(([from, to]) =>
  [2, null].flatMap((level) => {
    const base = { from: from!, to: to!, anchorUserid: null, type: null, departmentId: null, level, utcOffsetSeconds: BEIJING };
    return [base, { ...base, type: 3 as const }, { ...base, anchorUserid: 'u1x0' }, { ...base, departmentId: 4 }];
  }),
);

/** A cache of the tree's people with the 70 lives, each watched. */
function withManyLives(file: string): Cache {
  const cache = openCache(file, { now: () => T0 });
  syncOrg(cache, tree);
  cache.upsertLives(many);
  many.forEach((l, i) => watch(cache, l.livingid, i));
  return cache;
}

describe('statistics by department', () => {
  it('match a recomputation from the per-live rows as lives and the tree change', () => {
    const cache = openCache(tmp.file(), { now: () => T0 });
    syncOrg(cache, tree);
    cache.upsertLives(lives.map((l) => l.info));
    lives.forEach((l, i) => watch(cache, l.livingid, i));
    expect(expectAsRecomputed(cache)).toBeGreaterThan(500);

    // fetched again: other viewers, other times
    watch(cache, 'nov-first', 11);
    watch(cache, 'oct-mid', 12);
    expectAsRecomputed(cache);

    // removed
    expect(cache.deleteLives(['nov-2'])).toBe(1);
    expectAsRecomputed(cache);

    // reorganised: 平台组 (with 存储 and 网络) moves to 市场部, 上海组 is gone (its viewers' rows keep it)
    syncOrg(
      cache,
      tree.filter((d) => d.id !== 9).map((d) => (d.id === 4 ? { ...d, parentid: 3 } : d)),
    );
    expectAsRecomputed(cache);
    // 研发中心 lost 平台组's viewers to 市场部 at 一级部门
    const byDivision = cache.statsOverview({
      from: NOVEMBER - 40 * DAY,
      to: NOVEMBER + 40 * DAY,
      anchorUserid: null,
      type: null,
      departmentId: null,
    });
    const db = new Database(cache.path, { readonly: true });
    expect(byDivision.completionByDepartment.find((d) => d.departmentId === 2)?.viewers).toBe(
      recompute(db, {
        from: NOVEMBER - 40 * DAY,
        to: NOVEMBER + 40 * DAY,
        anchorUserid: null,
        type: null,
        departmentId: 2,
        departmentBy: 'audience',
      }).lives.reduce((n, l) => n + l.viewers, 0),
    );
    db.close();

    // a live fetched under the new tree
    watch(cache, 'nov-first-2', 13);
    expectAsRecomputed(cache);

    // lives summarised before their sums were packed (an older cache) are read from their rows
    const raw = new Database(cache.path);
    raw.prepare('UPDATE live_summary SET departments = NULL WHERE live_id % 2 = 0').run();
    raw.close();
    const reopened = openCache(cache.path, { now: () => T0 });
    expectAsRecomputed(reopened);
    reopened.close();

    // everything cleared
    cache.clearSyncable();
    expect(cache.statsOverview({ ...queries()[0]!, level: null }).completionByDepartment).toEqual([]);
    cache.close();
  });

  it('match the recomputation over many lives, added up in blocks of lives, as lives are fetched again, removed and added before and after the others', () => {
    const cache = withManyLives(tmp.file());
    expect(expectAsRecomputed(cache, overMany)).toBeGreaterThan(100);

    // fetched again, in the middle of the lives: its block is added up again
    watch(cache, 'day-20', 101);
    watch(cache, 'day-21', 102);
    expectAsRecomputed(cache, overMany);
    // removed
    expect(cache.deleteLives(['day-30', 'day-5'])).toBe(2);
    expectAsRecomputed(cache, overMany);
    // a live after all the others joins the newest block
    cache.upsertLives([{ ...many[0]!, livingid: 'later', theme: 'later', living_start: NOVEMBER + 60 * DAY }]);
    watch(cache, 'later', 103);
    expectAsRecomputed(cache, overMany);
    // a live before the newest one (a history sync) cuts the lives again
    cache.upsertLives([{ ...many[0]!, livingid: 'earlier', theme: 'earlier', living_start: NOVEMBER + 2 * DAY + 60 }]);
    watch(cache, 'earlier', 104);
    expectAsRecomputed(cache, overMany);
    watch(cache, 'day-40', 105);
    expectAsRecomputed(cache, overMany);
    cache.close();
  });

  it('read ahead a slice of lives at a time, answer as the recomputation with lives fetched again, removed and added between slices', async () => {
    const file = tmp.file();
    const cache = withManyLives(file);
    // a fresh instance, as the services have after start
    const services = openCache(file, { now: () => T0 });
    let slices = 0;
    await services.readStatisticsFor({ ...overMany[0]!, level: 2 }, async () => {
      slices++;
      if (slices === 2) watch(cache, 'day-3', 201); // a live already read, fetched again
      if (slices === 3) expect(cache.deleteLives(['day-60'])).toBe(1); // a live not read yet, removed
      if (slices === 4) {
        cache.upsertLives([{ ...many[0]!, livingid: 'added', theme: 'added', living_start: NOVEMBER + 3 * DAY }]);
        watch(cache, 'added', 202);
      }
      if (slices === 8) watch(cache, 'day-50', 203); // while the blocks' sums are added up
    }, { fixed: 10 });
    expect(slices).toBe(8); // 70 lives 10 at a time, then the sums of their 5 blocks (10 at a time)
    expect(expectAsRecomputed(services, overMany)).toBeGreaterThan(100);
    services.close();
    cache.close();
  });
});
