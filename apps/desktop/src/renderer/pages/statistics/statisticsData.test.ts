import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.ts';
import { overviewInput, presetRange, useStatisticsStore } from '../../stores/statistics.ts';
import { exportTable } from './statisticsExport.ts';
import type { Overview } from './types.ts';

const overview: Overview = {
  asOf: 1,
  stale: false,
  trend: [{ day: 1_763_913_600, lives: 3, viewers: 120, watchHours: 33.333 }],
  completionByDepartment: [{ departmentId: 2, name: '研发部', path: '总公司 / 研发部', direct: false, averageCompletion: 0.8567, viewers: 40 }],
  share: { internal: 90, external: 10 },
  topLives: [{ livingid: 'lv1', theme: '季度复盘', livingStart: 1_763_913_600, viewers: 100, watchHours: 50.126 }],
  totals: { lives: 3, viewers: 100, watchHours: 50.126 },
  unsynced: { lives: 0, viewers: 0, counted: true },
};

describe('statistics filters', () => {
  it('covers whole local days for the presets, today included', () => {
    const now = new Date(2026, 10, 21, 15, 30);
    const { from, to } = presetRange(7, now);
    expect(new Date(from * 1000)).toEqual(new Date(2026, 10, 15, 0, 0, 0));
    expect(new Date(to * 1000)).toEqual(new Date(2026, 10, 21, 23, 59, 59));
  });

  it('maps the store onto the stats.overview input; a custom range drops the preset', () => {
    const s = useStatisticsStore.getState();
    s.setRange(2_000, 1_000);
    s.setAnchor('zhangsan');
    s.setType(3);
    s.setDepartment(12);
    s.setDepartmentBy('host');
    s.setLevel(2);
    const filters = useStatisticsStore.getState().filters;
    expect(filters.preset).toBeNull();
    expect(overviewInput(filters)).toEqual({
      from: 1_000,
      to: 2_000,
      anchorUserid: 'zhangsan',
      type: 3,
      departmentId: 12,
      departmentBy: 'host',
      level: 2,
    });
  });
});

describe('statistics export', () => {
  it('exports each data set with titled columns and readable values', () => {
    const t = i18n.getFixedT('zh-CN');
    const top = exportTable(overview, 'topLives', t);
    expect(top.columns.map((c) => c.title)).toEqual(['直播主题', '开始时间', '观看人数', '观看时长（小时）', '直播 ID']);
    expect(top.rows[0]).toMatchObject({ theme: '季度复盘', viewers: 100, watchHours: 50.13, livingid: 'lv1' });
    expect(exportTable(overview, 'completionByDepartment', t).rows).toEqual([
      { name: '研发部', path: '总公司 / 研发部', viewers: 40, averageCompletion: { kind: 'percent', ratio: 0.8567 } },
    ]);
    expect(exportTable(overview, 'share', t).rows).toEqual([
      { kind: '企业成员', viewers: 90 },
      { kind: '外部观众', viewers: 10 },
    ]);
    expect(exportTable(overview, 'trend', t).rows[0]).toMatchObject({ lives: 3, viewers: 120, watchHours: 33.33 });
  });
});

describe('statistics export heading', () => {
  it('says what the file holds, the range with its zone, the department filter and the export time', async () => {
    const { exportHeading } = await import('./statisticsExport.ts');
    const { utcOffsetLabel } = await import('../../../shared/dates.ts');
    const from = Math.floor(new Date(2026, 10, 1).getTime() / 1000);
    const to = Math.floor(new Date(2026, 10, 30, 23, 59, 59).getTime() / 1000);
    const now = new Date(2026, 11, 6, 23, 50).getTime();
    const t = i18n.getFixedT('zh-CN');
    const zone = utcOffsetLabel(from * 1000);
    expect(exportHeading('completionByDepartment', { from, to, departmentId: 7, departmentBy: 'audience' }, '总公司 / 企业大学', t, now)).toEqual([
      '统计：各部门完成率',
      `日期范围：2026-11-01 至 2026-11-30（${zone}）`,
      '筛选：观众所在部门 = 总公司 / 企业大学',
      `导出时间：2026-12-06 23:50 (${utcOffsetLabel(now)})`,
    ]);
    const en = i18n.getFixedT('en-US');
    expect(exportHeading('topLives', { from, to, departmentId: null, departmentBy: 'host' }, null, en, now)[0]).toBe('Statistics: Most-watched lives');
  });
});
