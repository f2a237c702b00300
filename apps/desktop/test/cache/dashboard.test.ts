import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Cache, StatsOverviewQuery } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const CST = 8 * 3600;
/** unix seconds of a Beijing wall-clock time */
const bj = (month: number, day: number, hour = 0, minute = 0) =>
  Date.UTC(2026, month - 1, day, hour, minute) / 1000 - CST;
const DAY = 86_400;

let cache: Cache;
beforeAll(() => {
  cache = openWithOrg(tmp.file());
  const live = (
    livingid: string,
    start: number,
    duration: number,
    status: number,
    type: number,
    anchor: string,
    dept: number,
  ) => ({
    livingid,
    theme: `直播 ${livingid}`,
    anchor_userid: anchor,
    living_start: start,
    living_duration: duration,
    status,
    type,
    main_department: dept,
  });
  cache.upsertLives([
    live('A', bj(11, 2, 10), 3600, 2, 3, 'boss', 2),
    live('B', bj(11, 4, 20), 1800, 2, 0, 'zhangsan', 4),
    live('C', bj(11, 9, 9), 600, 2, 3, 'boss', 3),
    live('D', bj(11, 5, 9), 600, 4, 0, 'boss', 3), // cancelled: never held
    live('E', bj(11, 20, 9), 600, 0, 0, 'boss', 3), // reserved
    live('F', bj(11, 10, 9), 3600, 1, 0, 'lisi', 5), // live now, no stats yet
  ]);
  cache.appendWatchPage(
    'A',
    {
      users: [
        { userid: 'zhangsan', watch_time: 3600 },
        { userid: 'lisi', watch_time: 1800 },
        { userid: 'wangfang', watch_time: 200 },
        { userid: 'boss', watch_time: 7200 },
        { userid: 'ghost', watch_time: 400 },
      ],
      external_users: [{ external_userid: 'wx1', watch_time: 900 }],
    },
    { nextKey: '', ending: 1 },
  );
  cache.appendWatchPage(
    'B',
    {
      users: [
        { userid: 'zhao.liu', watch_time: 900 },
        { userid: 'qianqi', watch_time: 1800 },
      ],
      external_users: [{ external_userid: 'wx2', watch_time: 300 }],
    },
    { nextKey: '', ending: 1 },
  );
  // C's fetch ends without an ending page (finishWatch)
  cache.appendWatchPage(
    'C',
    { users: [{ userid: 'boss', watch_time: 600 }] },
    { nextKey: 'more', ending: 0 },
  );
  cache.finishWatch('C');
  // a fetch still running counts nothing yet
  cache.appendWatchPage('F', { users: [{ userid: 'boss', watch_time: 60 }] }, { nextKey: 'more', ending: 0 });
});
afterEach(() => undefined);
afterAll(() => cache.close());

const query = (patch: Partial<StatsOverviewQuery> = {}): StatsOverviewQuery => ({
  from: bj(11, 1),
  to: bj(11, 15, 23, 59),
  anchorUserid: null,
  type: null,
  departmentId: null,
  utcOffsetSeconds: CST,
  ...patch,
});

describe('statistics overview', () => {
  it('totals the lives held in the range', () => {
    const o = cache.statsOverview(query());
    expect(o.totals.lives).toBe(4);
    expect(o.totals.viewers).toBe(10);
    expect(o.totals.watchHours).toBeCloseTo(17_700 / 3600, 9);
    expect(o.share).toEqual({ internal: 8, external: 2 });
    expect(o.topLives.map((l) => [l.livingid, l.viewers])).toEqual([
      ['A', 6],
      ['B', 3],
      ['C', 1],
      ['F', 0],
    ]);
  });

  it('has per-week, per-day and per-department numbers that add up to the totals', () => {
    const o = cache.statsOverview(query());
    // every local day of the range, each with the lives that started on it (the renderer groups them into weeks)
    expect(o.trend).toHaveLength(15);
    expect(o.trend.filter((d) => d.lives > 0).map((d) => [d.day, d.lives])).toEqual([
      [bj(11, 2), 1],
      [bj(11, 4), 1],
      [bj(11, 9), 1],
      [bj(11, 10), 1],
    ]);
    expect(o.trend[0]?.day).toBe(bj(11, 1));
    expect(o.trend.find((d) => d.day === bj(11, 2))).toEqual({
      day: bj(11, 2),
      lives: 1,
      viewers: 6,
      watchHours: 14_100 / 3600,
    });
    expect(o.trend.find((d) => d.day === bj(11, 4))?.viewers).toBe(3);
    expect(o.trend.reduce((n, d) => n + d.viewers, 0)).toBe(o.totals.viewers);
    expect(o.trend.reduce((n, d) => n + d.watchHours, 0)).toBeCloseTo(o.totals.watchHours, 9);
    expect(o.trend.reduce((n, d) => n + d.lives, 0)).toBe(o.totals.lives);
    expect(o.share.internal + o.share.external).toBe(o.totals.viewers);
    expect(o.completionByDepartment.reduce((n, d) => n + d.viewers, 0)).toBe(o.share.internal);

    // per division (top-level department): 研发中心 2 holds 平台组 4 and 客户端组 5
    expect(o.completionByDepartment.map((d) => [d.departmentId, d.name, d.viewers])).toEqual([
      [2, '研发中心', 3],
      [1, '总公司', 2],
      [3, '市场部', 2],
      [0, '', 1],
    ]);
    const byDept = new Map(o.completionByDepartment.map((d) => [d.departmentId, d]));
    expect(byDept.get(2)?.averageCompletion).toBeCloseTo((1 + 0.5 + 200 / 3600) / 3, 9);
    expect(byDept.get(3)?.averageCompletion).toBe(0.75);
    expect(byDept.get(1)?.averageCompletion).toBe(1);
    expect(byDept.get(0)?.averageCompletion).toBeCloseTo(400 / 3600, 9);
  });

  it('filters by anchor, type and department subtree', () => {
    expect(cache.statsOverview(query({ anchorUserid: 'boss' })).topLives.map((l) => l.livingid)).toEqual([
      'A',
      'C',
    ]);
    expect(cache.statsOverview(query({ type: 3 })).totals).toMatchObject({ lives: 2, viewers: 7 });
    // lives organised under 研发中心 (2, 4, 5): A, B, F
    expect(cache.statsOverview(query({ departmentId: 2 })).topLives.map((l) => l.livingid)).toEqual([
      'A',
      'B',
      'F',
    ]);
    expect(cache.statsOverview(query({ departmentId: 4 })).totals.lives).toBe(1);
    expect(cache.statsOverview(query({ from: bj(12, 1), to: bj(12, 31) })).totals).toEqual({
      lives: 0,
      viewers: 0,
      watchHours: 0,
    });
  });
});

describe('home statistics', () => {
  it('shows lives now, the next reserved and the last 30 days', () => {
    const home = cache.homeStats(bj(11, 10, 12) * 1000);
    expect(home.liveNow.map((l) => l.livingid)).toEqual(['F']);
    expect(home.next.map((l) => l.livingid)).toEqual(['E']);
    expect(home.last30Days.lives).toBe(4);
    expect(home.last30Days.viewers).toBe(10);
    expect(home.last30Days.watchHours).toBeCloseTo(17_700 / 3600, 9);
    const completion = 1 + 0.5 + 200 / 3600 + 1 + 400 / 3600 + 900 / 3600 + (0.5 + 1 + 300 / 1800) + 1;
    expect(home.last30Days.averageCompletion).toBeCloseTo(completion / 10, 9);
    expect(home.lastSync.org).toBe(T0);
    expect(home.asOf).not.toBeNull();
    // thirty days later only C and F... are out of the window too
    expect(cache.homeStats((bj(11, 10, 12) + 40 * DAY) * 1000).last30Days.lives).toBe(0);
  });
});

describe('lives lists', () => {
  it('filters lives and reports those on now and upcoming', () => {
    expect(cache.listLives({ status: [2] }).lives.map((l) => l.livingid)).toEqual(['C', 'B', 'A']);
    expect(cache.listLives({ anchorUserid: 'boss', type: 3 }).lives.map((l) => l.livingid)).toEqual([
      'C',
      'A',
    ]);
    expect(cache.listLives({ from: bj(11, 4), to: bj(11, 6) }).lives.map((l) => l.livingid)).toEqual([
      'D',
      'B',
    ]);
    expect(cache.listLives({ query: '直播 E' }).lives.map((l) => l.livingid)).toEqual(['E']);
    expect(cache.listLives({ query: '%' }).lives).toEqual([]);
    const now = cache.livesNow(bj(11, 20, 8) * 1000, 2 * 3600);
    expect(now.live.map((l) => l.livingid)).toEqual(['F']);
    expect(now.upcoming.map((l) => l.livingid)).toEqual(['E']);
    expect(cache.livesNow(bj(11, 19, 8) * 1000, 2 * 3600).upcoming).toEqual([]);
    expect(cache.knownAnchors()).toEqual(['boss', 'lisi', 'zhangsan']);
  });

  it('returns a live in the contract shape with its audience', () => {
    cache.setLiveAudience('E', { userids: ['lisi'], departmentIds: [3], tagIds: [] });
    const detail = cache.getLive('E');
    expect(detail?.audience).toEqual({ userids: ['lisi'], departmentIds: [3], tagIds: [] });
    expect(detail?.live).toMatchObject({
      livingid: 'E',
      anchorUserid: 'boss',
      anchorName: '王建国',
      status: 0,
      mainDepartment: 3,
      openReplay: false,
      replayStatus: null,
      remindTime: null,
    });
    expect(cache.getLive('nope')).toBeNull();
  });
});
