// Pages of one live's viewers by name or by department without sorting all of them: a 100k-viewer
// live would otherwise join and sort 100k rows for every page of 100.
// - By name (pinyin, users.name_key): walk the users in key order and probe the live's rows (index
//   only), stopping at the page, when the live holds enough of the org that the walk is short;
//   merged with the viewers the walk cannot reach: internal rows whose user is not cached (keyed by
//   their userid, as the table shows them) and external viewers (keyed by their name).
// - By department: the live's per-department counts (live_dept_summary, stored when its fetch
//   ended) place the page among the departments in name order; only the rows of the departments
//   the page touches are read and sorted.
// Both return the page as (kind, id) in order, or null when the shortcut does not apply (the caller
// sorts every row then); the caller reads the page's rows. The order is the caller's full sort:
// by name: key, then id; by department: departments with a name first, by name, then the viewer's
// key and id (external viewers have no department).
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import { compareBinary, comparisonFor } from './binary-order.ts';
import { nameSortKey } from './name-sort-key.ts';

export interface PageEntry {
  kind: 'internal' | 'external';
  id: string;
  key: string;
}

export interface LiveRows {
  live: number;
  gen: number;
  internal: number;
  external: number;
}

export interface PageRequest {
  kind: 'all' | 'internal' | 'external';
  desc: boolean;
  offset: number;
  limit: number;
}

const byKeyThenId = (desc: boolean, entries: readonly PageEntry[]) => {
  const compare = comparisonFor(entries.flatMap((e) => [e.key, e.id]));
  return (a: PageEntry, b: PageEntry) => (desc ? compare(b.key, a.key) : compare(a.key, b.key)) || compare(a.id, b.id);
};

/** Sorts a list by key then id, ascending. */
const ascending = (a: PageEntry, b: PageEntry) => compareBinary(a.key, b.key) || compareBinary(a.id, b.id);

/** Lives remembered (their external viewers and uncached users, sorted by key). */
const REMEMBERED = 8;

export function createWatchSortedPages(
  ctx: CacheContext,
  orgVersion: () => number,
  userCount: () => number,
  departmentPaths: () => DepartmentPaths,
) {
  // per live generation: its external viewers by key; per org version too: its rows whose user is not cached
  const externals = new Map<string, PageEntry[]>();
  const uncached = new Map<string, PageEntry[]>();
  let cachedUsers: { version: number; userids: Set<string> } | null = null;

  const remember = <T>(memo: Map<string, T>, key: string, compute: () => T): T => {
    const known = memo.get(key);
    if (known !== undefined) {
      memo.delete(key);
      memo.set(key, known);
      return known;
    }
    const value = compute();
    memo.set(key, value);
    if (memo.size > REMEMBERED) memo.delete(memo.keys().next().value as string);
    return value;
  };

  function externalsOf(rows: LiveRows): PageEntry[] {
    if (rows.external === 0) return [];
    return remember(externals, `${rows.live}:${rows.gen}`, () =>
      (
        ctx
          .stmt('SELECT external_userid, name FROM watch_external WHERE live_id = ? AND generation = ?')
          .raw()
          .all(rows.live, rows.gen) as Array<[string, string]>
      )
        .map(([id, name]): PageEntry => ({ kind: 'external', id, key: nameSortKey(name) }))
        .sort(ascending),
    );
  }

  /** Internal rows whose user is not cached: the walk over users cannot find them. */
  function uncachedOf(rows: LiveRows): PageEntry[] {
    const version = orgVersion();
    if (cachedUsers?.version !== version) {
      cachedUsers = { version, userids: new Set(ctx.stmt('SELECT userid FROM users').pluck().all() as string[]) };
    }
    const users = cachedUsers.userids;
    return remember(uncached, `${rows.live}:${rows.gen}:${version}`, () =>
      (
        ctx
          .stmt('SELECT userid FROM watch_internal WHERE live_id = ? AND generation = ?')
          .pluck()
          .all(rows.live, rows.gen) as string[]
      )
        .filter((userid) => !users.has(userid))
        .map((id): PageEntry => ({ kind: 'internal', id, key: nameSortKey(id) }))
        .sort(ascending),
    );
  }

  /** The first `count` entries of a list sorted by key then id, in the page's order (ties on the key by id). */
  function firstInOrder(ascending: PageEntry[], count: number, desc: boolean): PageEntry[] {
    if (!desc) return ascending.slice(0, count);
    let from = Math.max(0, ascending.length - count);
    const edge = ascending[from]?.key;
    while (from > 0 && ascending[from - 1]?.key === edge) from--;
    const edgeOn = ascending.slice(from);
    return edgeOn.sort(byKeyThenId(true, edgeOn)).slice(0, count);
  }

  /** The first `count` of lists in the page's order, merged. */
  function mergeFirst(lists: PageEntry[][], count: number, desc: boolean): PageEntry[] {
    const all = lists.flat();
    return all.sort(byKeyThenId(desc, all)).slice(0, count);
  }

  type DepartmentRow = { id: string; department: number; key: string | null };

  /**
   * The live's rows fetched in these departments. Most viewers were in a department they are still
   * linked to: probing those members finds the rows through two indexes; when the stored counts
   * say some were missed (people who moved since), the live's rows are scanned instead.
   */
  function rowsIn(rows: LiveRows, departments: Set<number>, viewers: Map<number, number>): DepartmentRow[] {
    if (departments.size === 0) return [];
    const list = JSON.stringify([...departments]);
    const probed = ctx
      .stmt(
        `SELECT w.userid AS id, w.department_id AS department, u.name_key AS key
         FROM json_each(?) d CROSS JOIN user_departments ud ON ud.department_id = d.value
           CROSS JOIN users u ON u.id = ud.user_id
           CROSS JOIN watch_internal w ON w.live_id = ? AND w.generation = ? AND w.userid = u.userid
         WHERE w.department_id = ud.department_id`,
      )
      .all(list, rows.live, rows.gen) as DepartmentRow[];
    const found = new Map<number, number>();
    for (const r of probed) found.set(r.department, (found.get(r.department) ?? 0) + 1);
    if ([...departments].every((d) => (found.get(d) ?? 0) === (viewers.get(d) ?? 0))) return probed;
    return ctx
      .stmt(
        `SELECT w.userid AS id, w.department_id AS department, u.name_key AS key
         FROM watch_internal w LEFT JOIN users u ON u.userid = w.userid
         WHERE w.live_id = ? AND w.generation = ? AND w.department_id IN (SELECT value FROM json_each(?))`,
      )
      .all(rows.live, rows.gen, list) as DepartmentRow[];
  }

  function byName(rows: LiveRows, request: PageRequest): PageEntry[] | null {
    const need = request.offset + request.limit;
    const first = (list: PageEntry[]) => firstInOrder(list, need, request.desc);
    if (request.kind === 'external') return first(externalsOf(rows)).slice(request.offset);
    const internal =
      rows.internal === 0
        ? []
        : // the walk probes about need × users ÷ the live's internal viewers users; else key them all
          (need * userCount()) / rows.internal <= rows.internal
          ? [...walk(rows, need, request.desc), ...first(uncachedOf(rows))]
          : everyInternal(rows);
    const lists = [internal];
    if (request.kind === 'all') lists.push(first(externalsOf(rows)));
    return mergeFirst(lists, need, request.desc).slice(request.offset);
  }

  /** The first `need` users of the live in key order (and any named alike), from their index. */
  function walk(rows: LiveRows, need: number, desc: boolean): PageEntry[] {
    const direction = desc ? 'DESC' : 'ASC';
    const walked = ctx
      .stmt(
        `SELECT u.name_key AS key, u.userid AS id FROM users u INDEXED BY users_name_key
           CROSS JOIN watch_internal w ON w.live_id = ? AND w.generation = ? AND w.userid = u.userid
         ORDER BY u.name_key ${direction}, u.userid ${direction} LIMIT ?`,
      )
      .all(rows.live, rows.gen, need) as Array<{ key: string; id: string }>;
    const last = walked.at(-1);
    // viewers named alike (the same key) are ordered by id ascending both ways: take them all
    const ties =
      last && walked.length === need
        ? (ctx
            .stmt(
              `SELECT u.name_key AS key, u.userid AS id FROM users u
                 CROSS JOIN watch_internal w ON w.live_id = ? AND w.generation = ? AND w.userid = u.userid
               WHERE u.name_key = ?`,
            )
            .all(rows.live, rows.gen, last.key) as Array<{ key: string; id: string }>)
        : [];
    const entries = new Map<string, PageEntry>();
    for (const r of [...walked, ...ties]) entries.set(r.id, { kind: 'internal', id: r.id, key: r.key });
    return [...entries.values()];
  }

  /** Every internal viewer of the live with their key (a viewer with no cached user by userid). */
  function everyInternal(rows: LiveRows): PageEntry[] {
    return (
      ctx
        .stmt(
          `SELECT w.userid, u.name_key FROM watch_internal w LEFT JOIN users u ON u.userid = w.userid
           WHERE w.live_id = ? AND w.generation = ?`,
        )
        .raw()
        .all(rows.live, rows.gen) as Array<[string, string | null]>
    ).map(([id, key]): PageEntry => ({ kind: 'internal', id, key: key ?? nameSortKey(id) }));
  }

  function byDepartment(rows: LiveRows, request: PageRequest): PageEntry[] | null {
    const need = request.offset + request.limit;
    if (request.kind === 'external') return externalsOf(rows).slice(request.offset, need);
    const counts = ctx
      .stmt('SELECT department_id AS id, viewers FROM live_dept_summary WHERE live_id = ?')
      .all(rows.live) as Array<{ id: number; viewers: number }>;
    // the stored counts must describe these rows exactly (they do once the fetch's summary is written)
    if (counts.reduce((sum, c) => sum + c.viewers, 0) !== rows.internal) return null;
    const paths = departmentPaths();
    // rows without a department when fetched show their user's department today
    const unplaced =
      counts.some((c) => c.id === 0)
        ? (ctx
            .stmt(
              `SELECT w.userid AS id, u.home_department AS department, COALESCE(u.name_key, '') AS key
               FROM watch_internal w LEFT JOIN users u ON u.userid = w.userid
               WHERE w.live_id = ? AND w.generation = ? AND w.department_id IS NULL`,
            )
            .all(rows.live, rows.gen) as Array<{ id: string; department: number | null; key: string }>)
        : [];
    const named = new Map<string, { departments: number[]; viewers: number }>();
    const place = (department: number | null, viewers: number) => {
      if (department === null || !paths.has(department)) return;
      const name = paths.name(department);
      const group = named.get(name) ?? { departments: [], viewers: 0 };
      group.departments.push(department);
      group.viewers += viewers;
      named.set(name, group);
    };
    for (const c of counts) if (c.id !== 0) place(c.id, c.viewers);
    for (const r of unplaced) place(r.department, 1);
    const compareNames = comparisonFor(named.keys());
    const names = [...named.keys()].sort((a, b) => (request.desc ? compareNames(b, a) : compareNames(a, b)));

    // the named departments the page touches, then the rows without one if it reaches past them
    const touched: number[] = [];
    let before = 0;
    let seen = 0;
    for (const name of names) {
      const group = named.get(name) as { departments: number[]; viewers: number };
      if (seen + group.viewers > request.offset && seen < need) touched.push(...group.departments);
      else if (seen + group.viewers <= request.offset) before += group.viewers;
      seen += group.viewers;
      if (seen >= need) break;
    }
    const placedTotal = [...named.values()].reduce((sum, g) => sum + g.viewers, 0);
    const reachesUnnamed = need > placedTotal;
    const unnamedDepartments = reachesUnnamed ? counts.filter((c) => c.id !== 0 && !paths.has(c.id)).map((c) => c.id) : [];
    const wanted = new Set([...touched, ...unnamedDepartments]);

    const read = rowsIn(rows, wanted, new Map(counts.map((c) => [c.id, c.viewers])));
    const unnamed = (department: number | null) => department === null || !paths.has(department);
    const entries = [
      ...read,
      ...unplaced.filter((r) => (unnamed(r.department) ? reachesUnnamed : wanted.has(r.department as number))),
    ].map((r) => ({
      entry: { kind: 'internal' as const, id: r.id, key: r.key || nameSortKey(r.id) },
      name: unnamed(r.department) ? null : paths.name(r.department as number),
    }));
    const byKey = byKeyThenId(
      false,
      entries.map((e) => e.entry),
    );
    entries.sort(
      (a, b) =>
        (a.name === null ? 1 : 0) - (b.name === null ? 1 : 0) ||
        (a.name === null || b.name === null ? 0 : request.desc ? compareNames(b.name, a.name) : compareNames(a.name, b.name)) ||
        byKey(a.entry, b.entry),
    );
    let page: PageEntry[] = entries.map((e) => e.entry);
    if (reachesUnnamed) {
      const unnamedStart = page.findIndex((_, i) => entries[i]?.name === null);
      const placed = unnamedStart === -1 ? page : page.slice(0, unnamedStart);
      const withoutName = unnamedStart === -1 ? [] : page.slice(unnamedStart);
      const rest = request.kind === 'all' ? mergeFirst([withoutName, externalsOf(rows).slice(0, need)], need, false) : withoutName;
      page = [...placed, ...rest];
    }
    return page.slice(request.offset - before, need - before);
  }

  return { byName, byDepartment };
}
