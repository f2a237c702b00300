// Department paths ("总公司 / 研发中心 / 平台组") and roll-ups of per-department rows to a level
// (1 = 一级部门, the departments right below the root). One parent map per org version, built once
// and shared by every reader, so a page of 1,000 rows or a chart over 3,000 departments costs map
// look-ups, not queries.
import type { CacheContext } from './context.ts';
import type { OrgAggregates } from './org-aggregates.ts';

/** WeCom allows 15 levels; anything deeper is a cycle or bad data. */
const MAX_DEPTH = 64;
export const PATH_SEPARATOR = ' / ';

export interface DepartmentRecord {
  id: number;
  name: string;
  parentId: number;
}

/** Sums that roll up by addition (averages are derived after the roll-up). */
export type Sums = Record<string, number>;

export interface RolledUpRow<S extends Sums> {
  /** The department the rows are rolled up to. */
  departmentId: number;
  name: string;
  /** Full path, root first. */
  path: string;
  /** 0 for the root, 1 for 一级部门… */
  depth: number;
  /**
   * The department sits above the chosen level (the root, at level 1) and has sub-departments: the
   * group holds only the people directly in it, never its sub-departments, which are groups of
   * their own. (A department without any is whole at every level below it: nothing to tell apart.)
   */
  direct: boolean;
  sums: S;
}

export interface DepartmentPaths {
  has(id: number): boolean;
  name(id: number): string;
  /** Ids from the root down to the department, itself last; [id] for an unknown department. */
  chain(id: number): readonly number[];
  /** 0 for a root (a department whose parent is unknown). */
  depth(id: number): number;
  /** Names from the root down, joined: "总公司 / 研发中心 / 平台组"; '' for an unknown department. */
  path(id: number, separator?: string): string;
  /**
   * The department's ancestor at `level` (0 the root, 1 一级部门…); the department itself when it
   * sits at or above that level. `null` level: the department itself.
   */
  ancestorAt(id: number, level: number | null): number;
  /** Rolled up to `level`, the department's group holds only its direct members (see RolledUpRow.direct). */
  directAt(id: number, level: number | null): boolean;
  /**
   * Per-department rows summed up to `level` (null: as they are). Rows are ordered by the
   * caller's `order` over the rolled-up sums, then by id.
   */
  rollUp<S extends Sums>(
    rows: Iterable<{ departmentId: number; sums: S }>,
    level: number | null,
    order?: (a: S, b: S) => number,
  ): Array<RolledUpRow<S>>;
}

export function buildDepartmentPaths(records: Iterable<DepartmentRecord>): DepartmentPaths {
  const byId = new Map<number, DepartmentRecord>();
  for (const r of records) byId.set(r.id, r);
  const parents = new Set<number>();
  for (const r of byId.values()) if (r.parentId !== r.id && byId.has(r.parentId)) parents.add(r.parentId);
  const chains = new Map<number, readonly number[]>();
  const paths = new Map<number, string>();

  function chain(id: number): readonly number[] {
    const known = chains.get(id);
    if (known) return known;
    if (!byId.has(id)) return [id];
    const upward = [id];
    let parent = byId.get(id)?.parentId;
    while (parent !== undefined && byId.has(parent) && !upward.includes(parent) && upward.length < MAX_DEPTH) {
      // a parent's chain already known: reuse it (a tree of 3k departments is walked once)
      const parentChain = chains.get(parent);
      if (parentChain && !parentChain.includes(id)) {
        const result = [...parentChain, ...upward.reverse()];
        chains.set(id, result);
        return result;
      }
      upward.push(parent);
      parent = byId.get(parent)?.parentId;
    }
    const result = upward.reverse();
    chains.set(id, result);
    return result;
  }

  const name = (id: number) => byId.get(id)?.name ?? '';

  function path(id: number, separator = PATH_SEPARATOR): string {
    if (!byId.has(id)) return '';
    if (separator === PATH_SEPARATOR) {
      const cached = paths.get(id);
      if (cached !== undefined) return cached;
    }
    const text = chain(id).map(name).join(separator);
    if (separator === PATH_SEPARATOR) paths.set(id, text);
    return text;
  }

  function ancestorAt(id: number, level: number | null): number {
    if (level === null) return id;
    const ids = chain(id);
    return ids[Math.max(0, Math.min(level, ids.length - 1))] ?? id;
  }

  const directAt = (id: number, level: number | null) =>
    // `parents` holds known departments only
    level !== null && parents.has(id) && chain(id).length - 1 < level;

  function rollUp<S extends Sums>(
    rows: Iterable<{ departmentId: number; sums: S }>,
    level: number | null,
    order?: (a: S, b: S) => number,
  ): Array<RolledUpRow<S>> {
    const groups = new Map<number, RolledUpRow<S>>();
    for (const row of rows) {
      const target = byId.has(row.departmentId) ? ancestorAt(row.departmentId, level) : row.departmentId;
      const group = groups.get(target);
      if (!group) {
        const depth = chain(target).length - 1;
        groups.set(target, {
          departmentId: target,
          name: name(target),
          path: path(target),
          depth,
          direct: directAt(target, level),
          // a copy of the first row's sums: the same shape for every group (fast reads in the order)
          sums: { ...row.sums },
        });
        continue;
      }
      const sums: Sums = group.sums;
      const values: Sums = row.sums;
      for (const key in values) sums[key] = (sums[key] ?? 0) + (values[key] as number);
    }
    return [...groups.values()].sort(
      (a, b) => (order ? order(a.sums, b.sums) : 0) || a.departmentId - b.departmentId,
    );
  }

  return {
    has: (id) => byId.has(id),
    name,
    chain,
    depth: (id) => chain(id).length - 1,
    path,
    ancestorAt,
    directAt,
    rollUp,
  };
}

/**
 * The cache's department paths, rebuilt when the org changes (its aggregates version, or a
 * department written since: a rename does not change any count).
 */
export function createDepartmentPathCache(ctx: CacheContext, aggregates: OrgAggregates): () => DepartmentPaths {
  let key = '';
  let current: DepartmentPaths | null = null;
  return () => {
    aggregates.ensure();
    const stamp = ctx
      .stmt('SELECT count(*) AS n, COALESCE(max(fetched_at), 0) AS at FROM departments')
      .get() as { n: number; at: number };
    const next = `${aggregates.version()}:${stamp.n}:${stamp.at}`;
    if (!current || next !== key) {
      const records = ctx
        .stmt('SELECT id, name, parent_id AS parentId FROM departments')
        .all() as DepartmentRecord[];
      current = buildDepartmentPaths(records);
      key = next;
    }
    return current;
  };
}

/** A lookup of every department's path, built once (one query) for a whole list; '' when unknown. */
export function departmentPaths(ctx: CacheContext): (departmentId: number | null) => string {
  const records = ctx.stmt('SELECT id, name, parent_id AS parentId FROM departments').all() as DepartmentRecord[];
  const paths = buildDepartmentPaths(records);
  return (id) => (id === null ? '' : paths.path(id));
}

/** The path of one department ("总公司 / 研发中心 / 平台组"); '' when unknown. */
export function departmentPath(ctx: CacheContext, departmentId: number): string {
  return departmentPaths(ctx)(departmentId);
}
