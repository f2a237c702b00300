// The tree's walk used to keep each live's per-department rows: every subtree is one run of it,
// whatever the department ids, and a subtree the walk does not hold as one run is said so.
import { describe, expect, it } from 'vitest';
import { buildDepartmentPaths } from '../../src/services/cache/department-paths.ts';
import { subtreeRange, treeKeys } from '../../src/services/cache/department-tree-order.ts';

// 1 ─┬─ 30 ─┬─ 4
//    │      └─ 99
//    ├─ 2 ──── 500
//    └─ 7
const tree = buildDepartmentPaths([
  { id: 1, name: '总公司', parentId: 0 },
  { id: 30, name: '研发', parentId: 1 },
  { id: 4, name: '平台组', parentId: 30 },
  { id: 99, name: '前端组', parentId: 30 },
  { id: 2, name: '销售', parentId: 1 },
  { id: 500, name: '华南', parentId: 2 },
  { id: 7, name: '行政', parentId: 1 },
]);

describe('the tree walk', () => {
  // slots in the order departments were first seen in the rows, ids unordered
  const departments = [99, 7, 500, 1, 4, 2, 30, 12345 /* gone from the tree */];
  const keys = treeKeys(departments, tree);
  const keyOf = (id: number) => keys[departments.indexOf(id)]!;
  const keysOf = (ids: number[]) => ids.filter((id) => departments.includes(id)).map(keyOf);

  it('gives every department its own place, parents before their children', () => {
    expect(new Set(keys).size).toBe(departments.length);
    expect(keyOf(1)).toBeLessThan(keyOf(30));
    expect(keyOf(30)).toBeLessThan(keyOf(4));
    expect(keyOf(2)).toBeLessThan(keyOf(500));
  });

  it('holds every subtree as one run', () => {
    for (const [root, subtree] of [
      [1, [1, 30, 4, 99, 2, 500, 7]],
      [30, [30, 4, 99]],
      [2, [2, 500]],
      [7, [7]],
    ] as Array<[number, number[]]>) {
      const range = subtreeRange(keysOf(subtree));
      expect(range, `subtree of ${root}`).not.toBeNull();
      const inRange = departments.filter((id) => keyOf(id) >= range!.first && keyOf(id) <= range!.last);
      expect(inRange.sort((a, b) => a - b), `subtree of ${root}`).toEqual(subtree.filter((id) => departments.includes(id)).sort((a, b) => a - b));
    }
  });

  it('says when a set of departments is not one run (a subtree of another tree), and when none has a place', () => {
    expect(subtreeRange(keysOf([30, 500]))).toBeNull();
    expect(subtreeRange([])).toBeNull();
  });
});
