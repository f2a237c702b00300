// Recipients in words: only the kinds picked, each counted in the language's own way, and the names
// behind them.
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.ts';
import { recipientsNames, recipientsText } from './recipientsText.ts';

const departments = [{ id: 7, name: '销售中心', parentId: 1, order: 1, leaders: [], userCount: 12, totalUserCount: 12 }];
const tags = [{ tagid: 3, tagname: '新员工', memberCount: 40 }];

describe('recipientsText', () => {
  it('names only the kinds picked, singular and plural, in both languages', async () => {
    await i18n.changeLanguage('en-US');
    const t = i18n.getFixedT('en-US', 'messages');
    expect(recipientsText(t, { userids: [], departmentIds: [7], tagIds: [] })).toBe('1 department');
    expect(recipientsText(t, { userids: ['a', 'b', 'c'], departmentIds: [], tagIds: [3, 4] })).toBe('3 users, 2 tags');
    expect(recipientsText(t, { userids: ['a'], departmentIds: [7, 8], tagIds: [3] })).toBe('1 user, 2 departments, 1 tag');
    await i18n.changeLanguage('zh-CN');
    const zh = i18n.getFixedT('zh-CN', 'messages');
    expect(recipientsText(zh, { userids: ['a'], departmentIds: [7], tagIds: [] })).toBe('1 位成员、1 个部门');
  });

  it('lists the departments and tags by name, an unknown one by its id', async () => {
    await i18n.changeLanguage('en-US');
    const t = i18n.getFixedT('en-US', 'messages');
    expect(recipientsNames(t, { userids: ['zhangsan'], departmentIds: [7, 99], tagIds: [3] }, departments, tags)).toBe(
      'Users: zhangsan\nDepartments: 销售中心, #99\nTags: 新员工',
    );
  });
});
