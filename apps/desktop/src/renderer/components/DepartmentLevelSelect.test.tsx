import { describe, expect, it } from 'vitest';
import i18n from '../i18n/index.ts';
import { departmentGroupLabel, departmentGroupLabels, departmentGroupPath } from './DepartmentLevelSelect.tsx';

describe('department group labels', () => {
  it('tells apart groups of the same name by as much of their path as it takes', async () => {
    await i18n.changeLanguage('zh-CN');
    const groups = [
      { name: '第一小组', path: '总公司 / 华东区 / 销售部 / 第一小组', direct: false },
      { name: '第一小组', path: '总公司 / 华南区 / 销售部 / 第一小组', direct: false },
      { name: '第一小组', path: '总公司 / 研发中心 / 第一小组', direct: false },
      { name: '市场部', path: '总公司 / 市场部', direct: false },
      { name: '总公司', path: '总公司', direct: true },
    ];
    expect(departmentGroupLabels(groups)).toEqual([
      '华东区 / 销售部 / 第一小组',
      '华南区 / 销售部 / 第一小组',
      '研发中心 / 第一小组',
      '市场部',
      '总公司（直属）',
    ]);
  });

  it('names the root’s own members and an unknown department, in both languages', async () => {
    await i18n.changeLanguage('en-US');
    expect(departmentGroupLabel({ name: 'ACME', path: 'ACME', direct: true })).toBe('ACME (direct members)');
    expect(departmentGroupPath({ name: '', path: '', direct: false })).toBe('Unknown department');
    await i18n.changeLanguage('zh-CN');
    expect(departmentGroupLabel({ name: '', path: '', direct: false })).toBe('未知部门');
  });
});

describe('axis labels', () => {
  it('cut long names in the middle to fit, keeping both ends; text with spaces stays whole', async () => {
    const { fitLabel, textWidth } = await import('../textWidth.ts');
    const cut = fitLabel('鼎盛实业集团有限公司（直属）', 24);
    expect(cut).toBe('鼎盛实业集团有…（直属）');
    expect(textWidth(cut)).toBeLessThanOrEqual(24);
    expect(fitLabel('研发中心', 24)).toBe('研发中心');
    expect(fitLabel('ACME Holdings (direct members)', 24)).toBe('ACME Holdings (direct members)');
  });
});
