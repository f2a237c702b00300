import { describe, expect, it } from 'vitest';
import '../../test-support/jsdom.ts';
import i18n from '../../i18n/index.ts';
import { initialUserFilters } from '../../stores/org-filters.ts';
import { usersExportHeading, usersExportName } from './usersExport.ts';

const at = Date.UTC(2026, 11, 6, 10, 30);

describe('the users export', () => {
  it('names the department in the file and heads it with the filters and the time', async () => {
    await i18n.changeLanguage('zh-CN');
    const filters = { ...initialUserFilters, departmentId: 7, recursive: true, query: ' 陈 ', status: 1 as const };
    expect(usersExportName(filters, '数据中心', i18n.t)).toBe('成员列表-数据中心');
    const heading = usersExportHeading(filters, '数据中心', i18n.t, at);
    expect(heading[0]).toBe('数据中心 的成员 · 含下级部门');
    expect(heading[1]).toBe('搜索：陈');
    expect(heading[2]).toMatch(/^状态：/);
    expect(heading[3]).toMatch(/^导出时间：2026-12-06 \d\d:30 \(UTC[+-]\d\d:\d\d\)$/);
  });

  it('says all users when no department is chosen, in English too', async () => {
    await i18n.changeLanguage('en-US');
    expect(usersExportName(initialUserFilters, null, i18n.t)).toBe('users');
    const heading = usersExportHeading(initialUserFilters, null, i18n.t, at);
    expect(heading).toHaveLength(2);
    expect(heading[0]).toBe('All users');
    await i18n.changeLanguage('zh-CN');
  });
});
