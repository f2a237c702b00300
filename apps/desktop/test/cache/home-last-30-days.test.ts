// Home's "last 30 days" card links to the Statistics screen, whose default preset is "last 30 days":
// the two must count the same lives, at any instant (just after midnight, Sunday 23:50, the last
// evening of a month or a year). The card once took 30 × 24 h back from now, and a live started
// early on the 31st day ago showed on the card and not on the screen it opens.
import { afterAll, describe, expect, it } from 'vitest';
import { lastDaysRange } from '../../src/shared/day-ranges.ts';
import { openWithOrg, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const HOUR = 3600;

// local times: the suite runs in any zone (CI pins Asia/Shanghai among others)
const instants = [
  new Date(2026, 11, 6, 0, 21), // just after midnight
  new Date(2026, 11, 6, 23, 50), // a Sunday, 23:50
  new Date(2026, 11, 31, 23, 30), // the last evening of the year
  new Date(2027, 2, 1, 0, 5), // the first minutes of March, after a short February
];

describe("home's last 30 days", () => {
  it.each(instants.map((at) => [at.toString(), at] as const))('are the Statistics preset at %s', (_, at) => {
    const now = at.getTime();
    const { from, to } = lastDaysRange(30, at);
    const nowS = Math.floor(now / 1000);
    const cache = openWithOrg(tmp.file());
    try {
      const live = (livingid: string, start: number, status: number) => ({
        livingid, theme: livingid, anchor_userid: 'boss', living_start: start, living_duration: HOUR, status, viewer_num: 3,
      });
      cache.upsertLives([
        // 30 × 24 h ago it is the day before the first of the 30 days: counted by neither
        live('before-first-day', Math.max(from - 3 * HOUR, nowS - 30 * 86_400 + 60), 2),
        live('first-day', from + 60, 2),
        live('living-now', nowS - 600, 1),
        live('later-today', Math.min(to - 60, nowS + HOUR), 0),
      ]);
      const home = cache.homeStats(now).last30Days;
      const statistics = cache.statsOverview({ from, to, anchorUserid: null, type: null, departmentId: null });
      expect(home.lives).toBe(2);
      expect(statistics.totals.lives).toBe(home.lives);
    } finally {
      cache.close();
    }
  });
});
