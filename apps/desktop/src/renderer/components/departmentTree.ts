// Builds antd tree data (Tree / TreeSelect) from the flat department list, children in WeCom's order.
import type { Department } from '../../shared/models.ts';

export interface DepartmentNode {
  value: number;
  key: number;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

export function buildDepartmentTree(departments: Department[], label: (d: Department) => string = (d) => d.name): DepartmentNode[] {
  const nodes = new Map<number, DepartmentNode>();
  for (const d of departments) nodes.set(d.id, { value: d.id, key: d.id, title: label(d), department: d, children: [] });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = nodes.get(node.department.parentId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    // WeCom orders siblings by `order`, larger first.
    list.sort((a, b) => b.department.order - a.department.order || a.value - b.value);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}
