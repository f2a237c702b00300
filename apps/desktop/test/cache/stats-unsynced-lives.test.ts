// Statistics and home read the same lives the same way: a live whose watch statistics are not synced
// yet counts with living_info's viewer_num in Statistics' totals, trend and top lives (as on home's
// card that opens the screen), without watch hours, share or completion; and says how many such
// lives the range holds. By viewers' department such a live cannot count, and is told apart.
import { afterAll, describe, expect, it } from 'vitest';
import { lastDaysRange } from '../../src/shared/day-ranges.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('statistics with lives not synced yet', () => {
  it('agree with home, and say which lives count without their watch statistics', () => {
    const cache = openWithOrg(tmp.file());
    try {
      const start = Math.floor(T0 / 1000) - 86_400;
      cache.upsertLives([
        {
          livingid: 'L1',
          theme: 'A',
          anchor_userid: 'boss',
          living_start: start,
          living_duration: 3600,
          status: 2,
          viewer_num: 2,
        },
        {
          livingid: 'L2',
          theme: 'B',
          anchor_userid: 'boss',
          living_start: start + 600,
          living_duration: 3600,
          status: 2,
          viewer_num: 5,
        },
      ]);
      cache.appendWatchPage(
        'L1',
        {
          users: [
            { userid: 'boss', watch_time: 3600 },
            { userid: 'lisi', watch_time: 1800 },
          ],
          external_users: [{ external_userid: 'wm1', watch_time: 60 }],
        },
        { nextKey: '', ending: 1 },
      );
      const range = lastDaysRange(30, new Date(T0));
      // Statistics' preset of the same 30 days, by host (the default) or by viewers' department
      const statistics = (departmentId: number | null = null) =>
        cache.statsOverview({
          ...range,
          anchorUserid: null,
          type: null,
          departmentId,
          departmentBy: departmentId === null ? 'host' : 'audience',
          level: 1,
        });
      const home = cache.homeStats(T0).last30Days;
      const overview = statistics();

      // L1 from its rows (3 viewers), L2 from viewer_num (5): the card and the screen read 8
      expect(home).toMatchObject({ lives: 2, viewers: 8 });
      expect(overview.totals).toMatchObject({ lives: 2, viewers: 8 });
      expect(overview.unsynced).toEqual({ lives: 1, viewers: 5, counted: true });
      // the share is of synced viewers only; the unsynced live has views but no watch hours yet
      expect(overview.share).toEqual({ internal: 2, external: 1 });
      expect(overview.trend.reduce((sum, day) => sum + day.viewers, 0)).toBe(8);
      expect(overview.topLives.map((l) => [l.livingid, l.viewers, l.watchHours])).toEqual([
        ['L2', 5, null],
        ['L1', 3, (3600 + 1800 + 60) / 3600],
      ]);

      // by viewers' department (总公司 and below), L2 has no known viewers' departments: not counted, told apart
      const byAudience = statistics(1);
      expect(byAudience.totals).toMatchObject({ lives: 1, viewers: 2 });
      expect(byAudience.unsynced).toEqual({ lives: 1, viewers: 0, counted: false });

      // once L2's watch statistics are in, nothing is left unsynced and its rows replace viewer_num
      cache.appendWatchPage(
        'L2',
        { users: [{ userid: 'boss', watch_time: 600 }] },
        { nextKey: '', ending: 1 },
      );
      const synced = statistics();
      expect(synced.unsynced).toEqual({ lives: 0, viewers: 0, counted: true });
      expect(synced.totals.viewers).toBe(4);
      expect(cache.homeStats(T0).last30Days.viewers).toBe(4);
    } finally {
      cache.close();
    }
  });
});
