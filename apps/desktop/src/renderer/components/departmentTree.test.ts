import { describe, expect, it } from 'vitest';
import type { Department } from '../../shared/models.ts';
import { buildDepartmentTree, filterDepartmentTree } from './departmentTree.ts';

const dept = (id: number, parentId: number, name: string, order = 0): Department => ({
  id,
  name,
  parentId,
  order,
  leaders: [],
  userCount: 1,
  totalUserCount: 1,
});

const list = [dept(1, 0, '总公司'), dept(2, 1, '研发部', 10), dept(3, 1, '销售部', 50), dept(4, 2, '前端组'), dept(5, 3, '华东销售')];

describe('department tree', () => {
  it('nests by parent and orders siblings with the larger order first', () => {
    const roots = buildDepartmentTree(list);
    expect(roots.map((r) => r.key)).toEqual([1]);
    expect(roots[0]?.children.map((c) => c.department.name)).toEqual(['销售部', '研发部']);
    expect(roots[0]?.children[1]?.children.map((c) => c.key)).toEqual([4]);
  });

  it('keeps matches with their ancestors and expands the path to them', () => {
    const filtered = filterDepartmentTree(buildDepartmentTree(list), '前端');
    expect(filtered.matches).toBe(1);
    expect(filtered.nodes[0]?.children.map((c) => c.key)).toEqual([2]);
    expect(filtered.nodes[0]?.children[0]?.children.map((c) => c.key)).toEqual([4]);
    expect(filtered.expandedKeys.sort()).toEqual([1, 2]);
    expect(filterDepartmentTree(buildDepartmentTree(list), '不存在').nodes).toEqual([]);
  });

  it('treats a department whose parent is missing as a root', () => {
    expect(buildDepartmentTree([dept(7, 99, '孤立部门')]).map((r) => r.key)).toEqual([7]);
  });
});
