// The lives list's pages: the services sort and cut the list, so a big corp's thousands of lives never
// cross to the window whole. Each page must be the slice of the whole sorted list, with its total.
import { afterAll, describe, expect, it } from 'vitest';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('lives.list pages', () => {
  it('is the slice of the whole list in the order asked, with the count of every match', () => {
    const cache = openWithOrg(tmp.file());
    try {
      const base = Math.floor(T0 / 1000) - 40 * 86_400;
      // starts, lengths and viewers in three different orders
      cache.upsertLives(
        Array.from({ length: 33 }, (_, i) => ({
          livingid: `L${i}`,
          theme: i % 3 === 0 ? `安全培训 ${i}` : `直播 ${i}`,
          anchor_userid: 'boss',
          living_start: base + ((i * 7) % 33) * 86_400,
          living_duration: 600 + ((i * 11) % 33) * 60,
          status: 2,
          viewer_num: (i * 13) % 33,
        })),
      );
      const whole = cache.listLives({}).lives;
      expect(whole).toHaveLength(33);
      const ids = (lives: Array<{ livingid: string }>) => lives.map((l) => l.livingid);
      const page = (sort: 'start' | 'duration' | 'viewers', desc: boolean, offset: number, limit = 10) =>
        cache.listLives({ page: { sort, desc, offset, limit } });

      // newest first: the same order as the whole list, cut
      expect(ids(page('start', true, 10).lives)).toEqual(ids(whole).slice(10, 20));
      expect(page('start', true, 30)).toMatchObject({ total: 33 });
      expect(page('start', true, 30).lives).toHaveLength(3);
      for (const [sort, key] of [['duration', 'livingDuration'], ['viewers', 'viewerNum']] as const) {
        for (const desc of [false, true]) {
          const sorted = [...whole].sort((a, b) => (desc ? b[key] - a[key] : a[key] - b[key]) || (desc ? b.livingStart - a.livingStart : a.livingStart - b.livingStart));
          const pages = [0, 10, 20, 30].flatMap((offset) => page(sort, desc, offset).lives);
          expect(pages.map((l) => l[key])).toEqual(sorted.map((l) => l[key]));
          expect(new Set(ids(pages)).size).toBe(33);
        }
      }
      // a filter counts only its matches
      const filtered = cache.listLives({ query: '安全培训', page: { sort: 'start', desc: true, offset: 0, limit: 5 } });
      expect(filtered.total).toBe(11);
      expect(filtered.lives).toHaveLength(5);
      expect(filtered.lives.every((l) => l.theme.startsWith('安全培训'))).toBe(true);
    } finally {
      cache.close();
    }
  });

  it('is as of the last lives sync, also one that found no lives to write', () => {
    const cache = openWithOrg(tmp.file());
    try {
      expect(cache.listLives({}).asOf).toBeNull();
      cache.upsertLives([], T0 + 1_000);
      expect(cache.listLives({})).toMatchObject({ asOf: T0 + 1_000, total: 0 });
      cache.upsertLives([{ livingid: 'L1', theme: '直播', anchor_userid: 'boss', living_start: 1, living_duration: 60, status: 2 }], T0 + 2_000);
      cache.upsertLives([], T0 + 3_000);
      expect(cache.listLives({})).toMatchObject({ asOf: T0 + 3_000, total: 1 });
      expect(cache.getLive('L1')?.live.fetchedAt).toBe(T0 + 2_000);
    } finally {
      cache.close();
    }
  });
});
