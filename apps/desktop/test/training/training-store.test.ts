// Training records on a real SQLite file: required learners of any live (departments with or without
// sub-departments, tags, people), the completion rule at its boundary, replay, lives not ended,
// series completion, import matching, suggestions and learner reports.
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from '../cache/helpers.ts';

const tmp = tempDir('wld-training-');
afterAll(() => tmp.remove());

const START = 1_793_930_400;
let cache: Cache;
let file: string;

function live(livingid: string, theme: string, status: number, start = START, duration = 3600) {
  cache.upsertLives([{ livingid, theme, anchor_userid: 'boss', living_start: start, living_duration: duration, status, type: 3, open_replay: 1 }]);
}
function watched(livingid: string, users: Array<[string, number]>) {
  cache.appendWatchPage(livingid, { users: users.map(([userid, watch_time]) => ({ userid, watch_time })), external_users: [] }, { nextKey: '', ending: 1 }, T0 + 60_000);
}
const nobody = { departments: [], tagIds: [], userids: [] };

beforeEach(() => {
  file = tmp.file();
  cache = openWithOrg(file);
  live('A', '新员工入职培训（第1期）', 2);
  // 80% of 3600 s is 2880 s: 2880 completes, 2879 does not
  watched('A', [
    ['zhangsan', 2880],
    ['lisi', 2879],
    ['wangfang', 5000], // over the length: replay watching is counted by WeCom
    ['zhao.liu', 0],
  ]);
});
afterEach(() => cache.close());

describe('required learners of a synced, ended live', () => {
  it('a synced live has none until some are set; then statuses follow the 80% rule at its boundary', () => {
    expect(cache.training.liveTraining('A')).toMatchObject({ required: null, counts: { required: 0 } });
    expect(cache.absentees('A').total).toBe(0);

    // 研发中心 with its sub-departments (平台组, 客户端组) + one person of 市场部
    cache.training.store.setRequired('A', { departments: [{ id: 2, withSub: true }], tagIds: [], userids: ['zhao.liu'] });
    const result = cache.training.liveTraining('A')!;
    expect(result).toMatchObject({ requiredSource: 'live', threshold: 0.8, thresholdSource: 'default', ended: true, includesReplay: true });
    const status = Object.fromEntries(result.learners.map((l) => [l.userid, l.status]));
    // left1 departed and is not expected; sunba (not activated) in 平台组 is
    expect(status).toEqual({ zhangsan: 'completed', lisi: 'partial', wangfang: 'completed', 'zhao.liu': 'absent', sunba: 'absent' });
    expect(result.counts).toEqual({ required: 5, completed: 2, partial: 1, absent: 2 });
    expect(result.learners.find((l) => l.userid === 'zhangsan')?.departmentPath).toBe('总公司 / 研发中心 / 平台组');

    // absentees, attendance and the reminder's recipients follow the same list
    expect(cache.absentees('A').byDepartment.flatMap((g) => g.users.map((u) => u.userid)).sort()).toEqual(['sunba', 'zhao.liu']);
    expect(cache.absentees('A').byDepartment.map((g) => g.path)).toContain('总公司 / 市场部');
    expect(cache.liveAnalytics('A')?.attendance).toEqual({ audience: 5, attended: 3, absent: 2 });
    expect(cache.training.store.requiredLearners('A').sort()).toEqual(['lisi', 'sunba', 'wangfang', 'zhangsan', 'zhao.liu']);
  });

  it('counts the learners per department at the chosen level, each learner once', () => {
    cache.training.store.setRequired('A', { departments: [{ id: 2, withSub: true }], tagIds: [], userids: ['zhao.liu'] });
    const top = cache.training.liveTraining('A', 1)!;
    expect(top.byDepartment.map((g) => [g.path, g.counts])).toEqual([
      ['总公司 / 研发中心', { required: 3, completed: 2, partial: 1, absent: 0 }],
      // sunba (in 平台组 and 市场部) is counted once, in her home department, as in the path column
      ['总公司 / 市场部', { required: 2, completed: 0, partial: 0, absent: 2 }],
    ]);
    const research = top.byDepartment[0]!.departmentId;
    expect(top.learners.filter((l) => l.groupId === research).map((l) => l.userid).sort()).toEqual(['lisi', 'wangfang', 'zhangsan']);

    // each department as it is: 平台组 and 客户端组 apart, the same people in all
    const leaves = cache.training.liveTraining('A', null)!;
    expect(leaves.byDepartment.map((g) => g.path)).toContain('总公司 / 研发中心 / 平台组');
    expect(leaves.byDepartment.reduce((n, g) => n + g.counts.required, 0)).toBe(5);
    for (const l of leaves.learners) expect(leaves.byDepartment.map((g) => g.departmentId)).toContain(l.groupId);
  });

  it('a department without its sub-departments is only its direct members; tags bring their departments', () => {
    cache.training.store.setRequired('A', { departments: [{ id: 2, withSub: false }], tagIds: [], userids: [] });
    expect(cache.training.store.requiredLearners('A')).toEqual([]);
    cache.training.store.setRequired('A', { departments: [{ id: 1, withSub: false }], tagIds: [2], userids: [] });
    // boss directly in 总公司; tag 2: wangfang + 市场部 (zhao.liu, sunba; qianqi disabled)
    expect(cache.training.store.requiredLearners('A').sort()).toEqual(['boss', 'sunba', 'wangfang', 'zhao.liu']);
  });

  it('a live threshold, then a series threshold, decide completion; edits after the fact are kept', () => {
    cache.training.store.setRequired('A', { ...nobody, userids: ['zhangsan', 'lisi'] });
    const seriesId = cache.training.store.saveSeries({ id: null, name: '入职培训', threshold: 0.5, required: null });
    cache.training.store.setSeriesLives(seriesId, ['A'], []);
    expect(cache.training.liveTraining('A')).toMatchObject({ threshold: 0.5, thresholdSource: 'series', counts: { completed: 2, partial: 0 } });
    cache.training.store.setLiveThreshold('A', 0.9);
    expect(cache.training.liveTraining('A')).toMatchObject({ threshold: 0.9, thresholdSource: 'live', counts: { completed: 0, partial: 2 } });
    // kept in the profile's file: reopened, the records are there
    cache.close();
    cache = openWithOrg(file);
    expect(cache.training.liveTraining('A')).toMatchObject({ threshold: 0.9, series: { id: seriesId, name: '入职培训' }, counts: { required: 2 } });
    // "clear cache" keeps them (they exist only here)
    const report = cache.clearSyncable();
    expect(report.kept).toMatchObject({ training_required: 1, training_series: 1, training_series_lives: 1, training_live_rules: 1 });
  });

  it('lives that have not ended show who is required, no absentees and no reminder list', () => {
    for (const [livingid, status] of [['R', 0], ['L', 1], ['X', 3], ['C', 4]] as const) {
      live(livingid, `未结束 ${livingid}`, status, START + 86_400);
      cache.training.store.setRequired(livingid, { departments: [{ id: 3, withSub: true }], tagIds: [], userids: [] });
      const result = cache.training.liveTraining(livingid)!;
      expect(result.ended).toBe(false);
      expect(result.counts).toEqual({ required: 2, completed: 0, partial: 0, absent: 0 });
      expect(result.learners.every((l) => l.status === 'required')).toBe(true);
      expect(cache.absentees(livingid).total).toBe(0);
      expect(cache.liveAnalytics(livingid)?.attendance).toBeNull();
    }
  });

  it('a live created here with an audience uses it until required learners are set', () => {
    cache.setLiveAudience('A', { userids: ['lisi'], departmentIds: [3], tagIds: [] });
    expect(cache.training.liveTraining('A')).toMatchObject({ requiredSource: 'audience', counts: { required: 3, partial: 1, absent: 2 } });
    cache.training.store.setRequired('A', { ...nobody, userids: ['zhangsan'] });
    expect(cache.training.liveTraining('A')).toMatchObject({ requiredSource: 'live', counts: { required: 1, completed: 1 } });
  });
});

describe('series, import and reports', () => {
  it('per learner completion across a series, in a period', () => {
    live('B', '新员工入职培训（第2期）', 2, START + 7 * 86_400);
    watched('B', [['lisi', 3600], ['zhao.liu', 100]]);
    live('C', '新员工入职培训（第3期）', 0, START + 14 * 86_400);
    expect(cache.training.seriesSuggestions()).toEqual([{ name: '新员工入职培训', livingids: ['A', 'B', 'C'], themes: expect.any(Array) }]);

    const id = cache.training.store.saveSeries({ id: null, name: '新员工入职培训', threshold: null, required: { ...nobody, userids: ['zhangsan', 'lisi', 'zhao.liu'] } });
    cache.training.store.setSeriesLives(id, ['A', 'B', 'C'], []);
    expect(cache.training.seriesSuggestions()).toEqual([]);
    const all = cache.training.seriesProgress(cache.training.store.getSeries(id)!, null, null);
    expect(all.lives.map((l) => [l.livingid, l.ended, l.counts.completed])).toEqual([['A', true, 1], ['B', true, 1], ['C', false, 0]]);
    const byUser = Object.fromEntries(all.learners.map((l) => [l.userid, [l.sessions, l.completedAny]]));
    expect(byUser).toEqual({
      zhangsan: [['completed', 'absent', 'required'], true],
      lisi: [['partial', 'completed', 'required'], true],
      'zhao.liu': [['absent', 'partial', 'required'], false],
    });
    expect(all.completedAny).toBe(2);
    // only the first session's week: lisi has not completed any yet
    const firstWeek = cache.training.seriesProgress(cache.training.store.getSeries(id)!, START - 1, START + 86_400);
    expect(firstWeek.learners.filter((l) => l.completedAny).map((l) => l.userid)).toEqual(['zhangsan']);
  });

  it('an imported list matches userids and names, and says what did not match', () => {
    cache.upsertUsers([{ userid: 'lisi2', name: '李四', department: [3], main_department: 3 }], T0);
    const report = cache.training.matchLearners(['ZHANGSAN', '王芳', '李四', '无此人', '', '王芳', '周九']);
    expect(report.matched).toEqual([
      { entry: 'ZHANGSAN', userid: 'zhangsan', name: '张三丰' },
      { entry: '王芳', userid: 'wangfang', name: '王芳' },
    ]);
    expect(report.ambiguous).toEqual([
      {
        entry: '李四',
        candidates: [
          { userid: 'lisi', name: '李四', departmentPath: '总公司 / 研发中心 / 客户端组' },
          { userid: 'lisi2', name: '李四', departmentPath: '总公司 / 市场部' },
        ],
      },
    ]);
    // 周九 has left the company
    expect(report.unmatched).toEqual(['无此人', '周九']);
  });

  it('a learner report for a period, a department and a person', () => {
    live('B', '安全生产 第2场', 2, START + 86_400);
    watched('B', [['zhangsan', 3600]]);
    cache.training.store.setRequired('A', { departments: [{ id: 2, withSub: true }], tagIds: [], userids: [] });
    cache.training.store.setRequired('B', { departments: [{ id: 4, withSub: true }], tagIds: [], userids: [] });
    const report = cache.training.learnerReport({ from: START, to: START + 2 * 86_400, seriesId: null, departmentId: null, userid: null });
    expect(report.lives.map((l) => l.livingid)).toEqual(['A', 'B']);
    const zhangsan = report.rows.find((r) => r.userid === 'zhangsan')!;
    expect(zhangsan).toMatchObject({ departmentPath: '总公司 / 研发中心 / 平台组', required: 2, attended: 2, completed: 2, completionRate: 1 });
    expect(report.rows.find((r) => r.userid === 'lisi')).toMatchObject({ required: 2, attended: 1, completed: 0, completionRate: 0 });
    // sunba sits in 平台组 too, with 市场部 as main department: grouped under the main one
    expect(report.byDepartment.map((d) => d.departmentPath)).toEqual(['总公司 / 市场部', '总公司 / 研发中心 / 客户端组', '总公司 / 研发中心 / 平台组']);

    const one = cache.training.learnerReport({ from: START, to: START + 2 * 86_400, seriesId: null, departmentId: 5, userid: null });
    // 客户端组: wangfang, and lisi (also in 平台组)
    expect(one.rows.map((r) => r.userid)).toEqual(['lisi', 'wangfang']);
    const person = cache.training.learnerReport({ from: START, to: START + 2 * 86_400, seriesId: null, departmentId: null, userid: 'zhangsan' });
    expect(person.rows.map((r) => r.userid)).toEqual(['zhangsan']);
    expect(cache.training.learnerReport({ from: START + 3 * 86_400, to: START + 4 * 86_400, seriesId: null, departmentId: null, userid: null }).rows).toEqual([]);
  });
});
