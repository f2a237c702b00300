// Org reads shaped for the contract: departments with counts, user search, user detail, tags.
import type { Department, Tag } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import { matchExpression } from './search-text.ts';
import type {
  DepartmentsResult,
  TagMembersResult,
  TagsResult,
  UserDetailResult,
  UserSearchQuery,
  UserSearchResult,
} from './types.ts';
import { userNameOrder } from './user-name-order.ts';
import { USER_COLUMNS, withDepartments, type UserRow } from './user-rows.ts';

// names sort by pinyin (users.name_key), see user-name-order.ts
const SORT_COLUMNS = {
  name: ['u.name_key', 'u.userid'],
  userid: ['u.userid'],
  position: ['u.position', 'u.userid'],
  status: ['u.status', 'u.userid'],
} as const;

/** The columns a sort reads, the name sort by what user-name-order.ts says. */
const sortColumnsOf = (ctx: CacheContext, sort: keyof typeof SORT_COLUMNS): readonly string[] =>
  sort === 'name' ? [`u.${userNameOrder(ctx)}`, 'u.userid'] : SORT_COLUMNS[sort];

interface DepartmentRow {
  id: number;
  name: string;
  name_en: string | null;
  parent_id: number;
  sort_order: number;
  leaders: string;
  user_count: number;
  total_user_count: number;
}

export function createOrgReads(ctx: CacheContext, aggregates: OrgAggregates) {
  // per connection, in memory (temp_store): the FTS hits of the current search
  ctx.db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (id INTEGER PRIMARY KEY)');

  function departments(): DepartmentsResult {
    aggregates.ensure();
    const rows = ctx
      .stmt(
        `SELECT id, name, name_en, parent_id, sort_order, leaders, user_count, total_user_count
         FROM departments ORDER BY parent_id, sort_order DESC, id`,
      )
      .all() as DepartmentRow[];
    return {
      asOf: ctx.datasetAt('org'),
      departments: rows.map((r) => {
        const d: Department = {
          id: r.id,
          name: r.name,
          parentId: r.parent_id,
          order: r.sort_order,
          leaders: r.leaders === '[]' ? [] : (JSON.parse(r.leaders) as string[]),
          userCount: r.user_count,
          totalUserCount: r.total_user_count,
        };
        if (r.name_en) d.nameEn = r.name_en;
        return d;
      }),
    };
  }

  /**
   * Each filter is a set of users whose size is known cheaply (FTS count, precomputed department
   * and status counts). The smallest set drives the query when it is small (fetch, check the other
   * filters, sort); otherwise the index of the sort column is walked, checking every filter per
   * user, and the walk stops at the page. The plan is chosen here, not left to SQLite, which cannot
   * know how many users a department subtree or a search term holds.
   */
  function searchUsers(query: UserSearchQuery): UserSearchResult {
    aggregates.ensure();
    const match = matchExpression(query.query ?? '');
    // typed text with nothing searchable in it (an emoji, punctuation) finds no one, not everyone
    if (match === null && (query.query ?? '').trim() !== '') return { asOf: ctx.datasetAt('org'), total: 0, rows: [] };
    const status = query.status ?? null;
    const departmentId = query.departmentId ?? null;
    const recursive = query.recursive ?? true;
    const everyone = aggregates.userCount();

    // filters: [size, SQL when it drives (may use an index), SQL as a per-user check, parameters]
    const filters: Array<{ size: number; drive: string; check: string; params: unknown[] }> = [];
    if (match) {
      // the hits are evaluated once (a phrase costs) into a rowid table both queries probe
      ctx.stmt('DELETE FROM temp.search_hits').run();
      filters.push({
        size: ctx
          .stmt('INSERT INTO temp.search_hits (id) SELECT rowid FROM users_fts WHERE users_fts MATCH ?')
          .run(match).changes,
        drive: 'u.id IN (SELECT id FROM temp.search_hits)',
        check: '+u.id IN (SELECT id FROM temp.search_hits)',
        params: [],
      });
    }
    if (departmentId !== null) {
      const counts = ctx
        .stmt('SELECT user_count, total_user_count FROM departments WHERE id = ?')
        .get(departmentId) as { user_count: number; total_user_count: number } | undefined;
      // a department outside the cache (outside the app's visibility) has only its direct links
      const subtree = recursive && counts !== undefined;
      const table = subtree ? 'department_members' : 'user_departments';
      const size = counts
        ? subtree
          ? counts.total_user_count
          : counts.user_count
        : (ctx
            .stmt('SELECT count(*) FROM user_departments WHERE department_id = ?')
            .pluck()
            .get(departmentId) as number);
      // a subtree holding every cached user (the root) filters nothing
      if (!(subtree && size > 0 && size >= everyone)) {
        filters.push({
          size,
          drive: `u.id IN (SELECT user_id FROM ${table} WHERE department_id = ?)`,
          check: `EXISTS (SELECT 1 FROM ${table} m WHERE m.department_id = ? AND m.user_id = u.id)`,
          params: [departmentId],
        });
      }
    }
    if (status !== null) {
      filters.push({
        size: aggregates.statusCount(status),
        drive: 'u.status = ?',
        check: '+u.status = ?',
        params: [status],
      });
    }

    filters.sort((a, b) => a.size - b.size);
    const smallest = filters[0];
    const drives = smallest !== undefined && smallest.size <= ctx.options.searchDriveLimit;
    const where = filters.map((f, i) => (drives && i === 0 ? f.drive : f.check));
    const params = filters.flatMap((f) => f.params);
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const direction = query.desc ? 'DESC' : 'ASC';
    const sortColumns = sortColumnsOf(ctx, query.sort ?? 'name');
    // when driven by a small set, keep SQLite from walking the sort index instead
    const orderSql = sortColumns.map((c, i) => `${drives && i === 0 ? `+${c}` : c} ${direction}`).join(', ');
    const limit = Math.max(1, Math.min(1000, Math.trunc(query.limit ?? 100)));
    const offset = Math.max(0, Math.trunc(query.offset ?? 0));

    // one filter: its size is the total; more: count by driving from the smallest set
    const countSql = `SELECT count(*) FROM users u WHERE ${filters.map((f, i) => (i === 0 ? f.drive : f.check)).join(' AND ')}`;
    const total =
      filters.length === 0
        ? everyone
        : filters.length === 1
          ? (smallest?.size ?? 0)
          : (ctx
              .stmt(countSql)
              .pluck()
              .get(...params) as number);
    const select = (sql: string, ...args: unknown[]) => ctx.stmt(sql).all(...args) as UserRow[];
    const walkOrDrive = (): UserRow[] => {
      const walk = () => select(`SELECT ${USER_COLUMNS} FROM users u ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`, ...params, limit, offset);
      // A search alone: its hits may be spread along the sort order (a position, "经理") or bunched
      // (a surname: names sort by their first character, so "王" sits in one run past tens of
      // thousands of others), and a walk over a bunched set costs as much as reading the table.
      // Probe first: walk a bounded stretch of the sort index (index only, no row read until a hit),
      // sized for an even spread; found enough, that is the page; found little, the hits are bunched
      // and driving from them (read the hits, sort) is cheaper than the walk.
      const only = filters.length === 1 ? filters[0] : undefined;
      if (drives || !match || only === undefined || total === 0) return walk();
      const needed = Math.min(limit, total - offset);
      const probe = Math.min(everyone, Math.ceil((4 * (offset + limit) * everyone) / total) + 1000);
      const probeOrder = sortColumns.map((c) => `${c} ${direction}`).join(', ');
      const found = select(
        `SELECT ${USER_COLUMNS} FROM (SELECT u.id FROM users u ORDER BY ${probeOrder} LIMIT ?) w
         CROSS JOIN users u ON u.id = w.id
         WHERE w.id IN (SELECT id FROM temp.search_hits) ORDER BY ${probeOrder} LIMIT ? OFFSET ?`,
        probe,
        limit,
        offset,
      );
      if (found.length >= needed || probe >= everyone) return found;
      if (found.length * 2 >= needed) return walk(); // spread after all, only thinner: keep walking
      const driveOrder = sortColumns.map((c, i) => `${i === 0 ? `+${c}` : c} ${direction}`).join(', ');
      return select(`SELECT ${USER_COLUMNS} FROM users u WHERE ${only.drive} ORDER BY ${driveOrder} LIMIT ? OFFSET ?`, limit, offset);
    };
    const rows = total === 0 || offset >= total ? [] : walkOrDrive();
    return { asOf: ctx.datasetAt('org'), total, rows: withDepartments(ctx, rows) };
  }

  function usersByIds(userids: string[]) {
    if (userids.length === 0) return [];
    const rows = ctx
      .stmt(`SELECT ${USER_COLUMNS} FROM json_each(?) j JOIN users u ON u.userid = j.value ORDER BY j.key`)
      .all(JSON.stringify(userids)) as UserRow[];
    return withDepartments(ctx, rows);
  }

  function tagRows(sql: string, ...params: unknown[]): Tag[] {
    return (
      ctx.stmt(sql).all(...params) as Array<{ tagid: number; tagname: string; member_count: number }>
    ).map((t) => ({ tagid: t.tagid, tagname: t.tagname, memberCount: t.member_count }));
  }

  function getUser(userid: string): UserDetailResult | null {
    const row = ctx
      .stmt(`SELECT ${USER_COLUMNS}, u.fetched_at FROM users u WHERE u.userid = ?`)
      .get(userid) as (UserRow & { fetched_at: number }) | undefined;
    if (!row) return null;
    aggregates.ensure();
    const [user] = withDepartments(ctx, [row]);
    if (!user) return null;
    const names = ctx
      .stmt(
        'SELECT j.value AS id, d.name FROM json_each(?) j LEFT JOIN departments d ON d.id = j.value ORDER BY j.key',
      )
      .all(JSON.stringify(user.departments)) as Array<{ id: number; name: string | null }>;
    const tags = tagRows(
      `SELECT t.tagid, t.tagname, t.member_count FROM tags t
       WHERE t.tagid IN (
         SELECT tagid FROM tag_users WHERE userid = ?
         UNION
         SELECT td.tagid FROM tag_departments td
           CROSS JOIN department_members m ON m.department_id = td.department_id AND m.user_id = ?)
       ORDER BY t.tagname`,
      userid,
      row.id,
    );
    const watched = ctx
      .stmt(
        `SELECT l.livingid, l.theme, l.living_start AS livingStart, w.watch_time AS watchTime
         FROM lives l JOIN watch_internal w ON w.live_id = l.id AND w.generation = l.watch_generation AND w.userid = ?
         ORDER BY l.living_start DESC LIMIT 500`,
      )
      .all(userid) as UserDetailResult['watched'];
    return {
      asOf: row.fetched_at,
      user,
      // parallel to user.departments; a department outside the cache shows its id
      departmentNames: names.map((n) => n.name ?? String(n.id)),
      tags,
      watched,
    };
  }

  function tags(): TagsResult {
    aggregates.ensure();
    return {
      asOf: ctx.datasetAt('tags'),
      tags: tagRows('SELECT tagid, tagname, member_count FROM tags ORDER BY tagname, tagid'),
    };
  }

  function tagMembers(tagid: number): TagMembersResult | null {
    const tag = ctx.stmt('SELECT members_fetched_at, fetched_at FROM tags WHERE tagid = ?').get(tagid) as
      { members_fetched_at: number | null; fetched_at: number } | undefined;
    if (!tag) return null;
    const rows = ctx
      .stmt(
        `SELECT ${USER_COLUMNS} FROM tag_users t JOIN users u ON u.userid = t.userid
         WHERE t.tagid = ? ORDER BY u.${userNameOrder(ctx)}, u.userid`,
      )
      .all(tagid) as UserRow[];
    const departmentIds = ctx
      .stmt('SELECT department_id FROM tag_departments WHERE tagid = ? ORDER BY department_id')
      .pluck()
      .all(tagid) as number[];
    return {
      asOf: tag.members_fetched_at ?? tag.fetched_at,
      users: withDepartments(ctx, rows),
      departmentIds,
    };
  }

  return { departments, searchUsers, usersByIds, getUser, tags, tagMembers };
}
