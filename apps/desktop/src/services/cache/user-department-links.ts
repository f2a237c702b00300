// A user's department links (user_departments): read from the wire row's parallel arrays and
// rewritten only when they differ from the stored ones.
import { int, type CacheContext } from './context.ts';
import type { WireUser } from './types.ts';

/** [department id, sort order in it, 1 when the user leads it] */
export type DepartmentLink = [number, number, number];

/** The row's links, or null when the row carries no department list (keep the stored ones). */
export function linksOf(row: WireUser): DepartmentLink[] | null {
  if (!Array.isArray(row.department)) return null;
  // WeCom lists each department once; keep the first if repeated
  const seen = new Set<number>();
  const links: DepartmentLink[] = [];
  row.department.forEach((d, i) => {
    const departmentId = int(d, 0);
    if (seen.has(departmentId)) return;
    seen.add(departmentId);
    links.push([departmentId, int(row.order?.[i], 0), int(row.is_leader_in_dept?.[i], 0) ? 1 : 0]);
  });
  return links;
}

export interface UserDepartmentLinks {
  /** Stores the user's links; true when the user moved (another set of departments). */
  write(userId: number, links: DepartmentLink[], known: boolean, at: number): boolean;
}

export function createUserDepartmentLinks(ctx: CacheContext): UserDepartmentLinks {
  const findLinks = ctx
    .stmt('SELECT department_id, sort_order, is_leader FROM user_departments WHERE user_id = ? ORDER BY link_order')
    .raw();
  const deleteLinks = ctx.stmt('DELETE FROM user_departments WHERE user_id = ?');
  const insertLink = ctx.stmt(
    `INSERT INTO user_departments (user_id, department_id, link_order, sort_order, is_leader, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return {
    write(userId, links, known, at) {
      const current = known ? (findLinks.all(userId) as DepartmentLink[]) : [];
      const same =
        current.length === links.length &&
        current.every((c, i) => c[0] === links[i]?.[0] && c[1] === links[i]?.[1] && c[2] === links[i]?.[2]);
      if (same) return false;
      if (current.length > 0) deleteLinks.run(userId);
      links.forEach(([departmentId, order, leader], i) => insertLink.run(userId, departmentId, i, order, leader, at));
      return current.length !== links.length || current.some((c, i) => c[0] !== links[i]?.[0]);
    },
  };
}
