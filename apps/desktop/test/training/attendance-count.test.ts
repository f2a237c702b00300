// A live's attendance is counted in SQL from its required learners' members query, when its fetch
// is merged, 5,000 members a step: with a 45k-person audience (ten steps) it is exact, and agrees
// with the absentees.
import { afterAll, describe, expect, it } from 'vitest';
import { openWithOrg, T0, tempDir } from '../cache/helpers.ts';

const tmp = tempDir('wld-attendance-');
afterAll(() => tmp.remove());

const PEOPLE = 45_000;

describe('attendance of a big audience', () => {
  it('counts an audience of 45k people exactly', () => {
    const cache = openWithOrg(tmp.file());
    try {
      const userids = Array.from({ length: PEOPLE }, (_, i) => `learner${i}`);
      for (let i = 0; i < PEOPLE; i += 5000) {
        cache.upsertUsers(
          userids.slice(i, i + 5000).map((userid) => ({ userid, name: userid, department: [2], main_department: 2, status: 1 })),
          T0,
        );
      }
      cache.upsertLives([{ livingid: 'B', theme: '全员安全培训', anchor_userid: 'boss', living_start: 1_793_930_400, living_duration: 3600, status: 2, type: 3 }]);
      // 研发中心 and below: the 45k learners and four people of the fixture (one of them departed is not expected)
      cache.training.store.setRequired('B', { departments: [{ id: 2, withSub: true }], tagIds: [], userids: [] });
      // every third learner watched; every seventh of the others joined and left at once (0 s: not attended)
      const users = userids.flatMap((userid, i) => (i % 3 === 0 ? [{ userid, watch_time: 100 }] : i % 7 === 0 ? [{ userid, watch_time: 0 }] : []));
      for (let i = 0; i < users.length; i += 5000) {
        const last = i + 5000 >= users.length;
        cache.appendWatchPage('B', { users: users.slice(i, i + 5000), external_users: [] }, { nextKey: last ? '' : String(i + 5000), ending: last ? 1 : 0 }, T0 + 60_000);
      }
      const attended = userids.filter((_, i) => i % 3 === 0).length;
      expect(cache.liveAnalytics('B')?.attendance).toEqual({ audience: PEOPLE + 4, attended, absent: PEOPLE + 4 - attended });
      expect(cache.absentees('B').total).toBe(PEOPLE + 4 - attended);
    } finally {
      cache.close();
    }
  }, 60_000);
});
