// Absentee lists reuse the required learners read for an earlier list until anything is written:
// every list shows the people as they are now.
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const absent = (cache: Cache, livingid: string) =>
  cache.absentees(livingid).byDepartment.map((g) => [g.name, g.users.map((u) => `${u.userid} ${u.name}`)]);

describe('absentees of the same learners, live after live', () => {
  it('follow the people as they change', () => {
    const cache = openWithOrg(tmp.file());
    const live = (livingid: string) => ({ livingid, theme: livingid, anchor_userid: 'boss', living_start: T0 / 1000 - 7200, living_duration: 3600, status: 2 });
    cache.upsertLives([live('A'), live('B')], T0);
    // 研发中心 and below: zhangsan (平台组), lisi and wangfang (客户端组), sunba (平台组 too, at home in 市场部)
    for (const livingid of ['A', 'B']) cache.setLiveAudience(livingid, { userids: [], departmentIds: [2], tagIds: [] });
    cache.appendWatchPage('A', { users: [{ userid: 'zhangsan', watch_time: 600 }] }, { nextKey: '', ending: 1 }, T0);
    cache.appendWatchPage('B', { users: [{ userid: 'lisi', watch_time: 600 }] }, { nextKey: '', ending: 1 }, T0);

    const sunba = ['市场部', ['sunba 孙八']];
    expect(absent(cache, 'A')).toEqual([sunba, ['客户端组', ['lisi 李四', 'wangfang 王芳']]]);
    expect(absent(cache, 'B')).toEqual([sunba, ['客户端组', ['wangfang 王芳']], ['平台组', ['zhangsan 张三丰']]]);

    cache.upsertUsers([{ userid: 'wangfang', name: '王芳芳', department: [5], main_department: 5 }], T0);
    expect(absent(cache, 'A')).toEqual([sunba, ['客户端组', ['lisi 李四', 'wangfang 王芳芳']]]);

    cache.deleteUsers(['lisi']);
    expect(absent(cache, 'A')).toEqual([sunba, ['客户端组', ['wangfang 王芳芳']]]);
    expect(cache.absentees('A').total).toBe(2);
    cache.close();
  });

  it('are the same whether the live\'s viewers are read whole or probed per member', () => {
    const cache = openWithOrg(tmp.file());
    const live = (livingid: string) => ({ livingid, theme: livingid, anchor_userid: 'boss', living_start: T0 / 1000 - 7200, living_duration: 3600, status: 2 });
    cache.upsertLives([live('crowded'), live('quiet')], T0);
    for (const livingid of ['crowded', 'quiet']) cache.setLiveAudience(livingid, { userids: [], departmentIds: [2], tagIds: [] });
    // lisi joined without watching: absent in both; the crowded live has many more viewers than the 4 members
    const members = [{ userid: 'zhangsan', watch_time: 600 }, { userid: 'lisi', watch_time: 0 }];
    const others = Array.from({ length: 12 }, (_, i) => ({ userid: `guest${i}`, watch_time: 300 }));
    cache.appendWatchPage('crowded', { users: [...members, ...others] }, { nextKey: '', ending: 1 }, T0);
    cache.appendWatchPage('quiet', { users: members }, { nextKey: '', ending: 1 }, T0);

    const expected = [['市场部', ['sunba 孙八']], ['客户端组', ['lisi 李四', 'wangfang 王芳']]];
    expect(absent(cache, 'crowded')).toEqual(expected); // asked once: only the absent read
    expect(absent(cache, 'quiet')).toEqual(expected); // remembered learners, the quiet live's viewers read whole
    expect(absent(cache, 'crowded')).toEqual(expected); // remembered learners, probed per member
    expect(absent(cache, 'quiet')).toEqual(expected);
    cache.close();
  });
});
