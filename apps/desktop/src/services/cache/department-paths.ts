// A department's full path from the top ("总公司 / 研发中心 / 平台组"), so equal leaf names
// ("第一小组" ×4) stay apart in lists and exports.
import type { CacheContext } from './context.ts';

export const PATH_SEPARATOR = ' / ';

/** The path of one department; '' when unknown. */
export function departmentPath(ctx: CacheContext, departmentId: number): string {
  return departmentPaths(ctx)(departmentId);
}

/** A lookup of every department's path, built once (one query) for a whole list. */
export function departmentPaths(ctx: CacheContext): (departmentId: number | null) => string {
  const rows = ctx.stmt('SELECT id, name, parent_id FROM departments').raw().all() as Array<[number, string, number]>;
  const byId = new Map(rows.map(([id, name, parent]) => [id, { name, parent }]));
  const memo = new Map<number, string>();
  const pathOf = (id: number | null): string => {
    if (id === null) return '';
    const known = memo.get(id);
    if (known !== undefined) return known;
    const names: string[] = [];
    const seen = new Set<number>();
    for (let at: number | undefined = id; at !== undefined && !seen.has(at); ) {
      seen.add(at);
      const department = byId.get(at);
      if (!department) break;
      names.unshift(department.name);
      at = department.parent === 0 ? undefined : department.parent;
    }
    const path = names.join(PATH_SEPARATOR);
    memo.set(id, path);
    return path;
  };
  return pathOf;
}
