// Turns the flat department list into the tree antd shows, sorted the WeCom way (larger `order` first),
// and filters it by a search text while keeping the path to every match. The organisation tree and
// every department picker build from it.
import type { Department } from '../../shared/models.ts';

export interface DepartmentNode {
  key: number;
  department: Department;
  children: DepartmentNode[];
}

const byOrder = (a: DepartmentNode, b: DepartmentNode) =>
  b.department.order - a.department.order || a.department.id - b.department.id;

/** Roots are departments whose parent is not in the list (normally just id 1). */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>();
  for (const d of departments) nodes.set(d.id, { key: d.id, department: d, children: [] });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId !== node.department.id ? nodes.get(node.department.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: DepartmentNode[]) => {
    list.sort(byOrder);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

export interface FilteredTree {
  nodes: DepartmentNode[];
  /** Keys to expand so every match is visible. */
  expandedKeys: number[];
  matches: number;
}

/** Keeps matching departments (by name or English name, case-insensitive) and their ancestors. */
export function filterDepartmentTree(roots: readonly DepartmentNode[], search: string): FilteredTree {
  const needle = search.trim().toLowerCase();
  if (!needle) return { nodes: [...roots], expandedKeys: [], matches: 0 };
  const expanded: number[] = [];
  let matches = 0;
  const visit = (node: DepartmentNode): DepartmentNode | null => {
    const { name, nameEn } = node.department;
    const hit = name.toLowerCase().includes(needle) || (nameEn ?? '').toLowerCase().includes(needle);
    if (hit) matches += 1;
    const children = node.children.map(visit).filter((c): c is DepartmentNode => c !== null);
    if (children.length > 0) expanded.push(node.key);
    if (!hit && children.length === 0) return null;
    return { ...node, children };
  };
  const nodes = roots.map(visit).filter((n): n is DepartmentNode => n !== null);
  return { nodes, expandedKeys: expanded, matches };
}

/** id → department name, for showing a user's departments in words. */
export function departmentNames(departments: readonly Department[]): Map<number, string> {
  return new Map(departments.map((d) => [d.id, d.name]));
}
