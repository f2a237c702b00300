// Home's totals agree with the rows at every moment: after "clear cache" and a lives sync, before the
// watch sync, lives count with living_info's viewer_num (as the live pages show them) and the
// completion is unknown rather than 0%.
import { afterAll, describe, expect, it } from 'vitest';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('home totals around a clear', () => {
  it('never reads 0 viewers / 0% while held lives exist', () => {
    const cache = openWithOrg(tmp.file());
    try {
      const start = Math.floor(T0 / 1000) - 86_400;
      const lives = [
        { livingid: 'L1', theme: 'A', anchor_userid: 'boss', living_start: start, living_duration: 3600, status: 2, viewer_num: 2 },
        { livingid: 'L2', theme: 'B', anchor_userid: 'boss', living_start: start + 600, living_duration: 3600, status: 2, viewer_num: 5 },
      ];
      cache.upsertLives(lives);
      cache.appendWatchPage('L1', { users: [{ userid: 'boss', watch_time: 3600 }, { userid: 'lisi', watch_time: 1800 }] }, { nextKey: '', ending: 1 });
      const now = T0;
      const synced = cache.homeStats(now).last30Days;
      // L1 from its watch rows (2 viewers, completion 0.75), L2 from viewer_num
      expect(synced).toMatchObject({ lives: 2, viewers: 7 });
      expect(synced.averageCompletion).toBeCloseTo(0.75, 9);

      cache.clearSyncable();
      expect(cache.homeStats(now).last30Days).toMatchObject({ lives: 0, viewers: 0, averageCompletion: null });
      // the lives sync is back, the watch sync is not yet
      cache.upsertLives(lives);
      expect(cache.homeStats(now).last30Days).toMatchObject({ lives: 2, viewers: 7, averageCompletion: null });
    } finally {
      cache.close();
    }
  });
});
