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
import { USER_COLUMNS, withDepartments, type UserRow } from './user-rows.ts';

const SORT_COLUMNS = {
  name: ['u.name', 'u.userid'],
  userid: ['u.userid'],
  position: ['u.position', 'u.userid'],
  status: ['u.status', 'u.userid'],
} as const;

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
          leaders: JSON.parse(r.leaders) as string[],
          userCount: r.user_count,
          totalUserCount: r.total_user_count,
        };
        if (r.name_en) d.nameEn = r.name_en;
        return d;
      }),
    };
  }

  function searchUsers(query: UserSearchQuery): UserSearchResult {
    const where: string[] = [];
    const params: unknown[] = [];
    const match = matchExpression(query.query ?? '');
    if (match) {
      where.push('u.id IN (SELECT rowid FROM users_fts WHERE users_fts MATCH ?)');
      params.push(match);
    }
    if (query.status !== undefined && query.status !== null) {
      where.push('u.status = ?');
      params.push(query.status);
    }
    const departmentId = query.departmentId ?? null;
    if (departmentId !== null) {
      if (query.recursive ?? true) {
        aggregates.ensure();
        const total = ctx.stmt('SELECT total_user_count FROM departments WHERE id = ?').pluck().get(departmentId) as
          | number
          | undefined;
        // a subtree holding every cached user (the root) needs no filter at all
        if (total === undefined || total < aggregates.userCount()) {
          where.push(
            `u.id IN (SELECT ud.user_id FROM dept_closure c
                      JOIN user_departments ud ON ud.department_id = c.descendant WHERE c.ancestor = ?)`,
          );
          params.push(departmentId);
        }
      } else {
        where.push('u.id IN (SELECT user_id FROM user_departments WHERE department_id = ?)');
        params.push(departmentId);
      }
    }
    const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const direction = query.desc ? 'DESC' : 'ASC';
    const orderSql = SORT_COLUMNS[query.sort ?? 'name'].map((c) => `${c} ${direction}`).join(', ');
    const limit = Math.max(1, Math.min(1000, Math.trunc(query.limit ?? 100)));
    const offset = Math.max(0, Math.trunc(query.offset ?? 0));

    const total = ctx.stmt(`SELECT count(*) FROM users u ${whereSql}`).pluck().get(...params) as number;
    const rows =
      total === 0 || offset >= total
        ? []
        : (ctx
            .stmt(`SELECT ${USER_COLUMNS} FROM users u ${whereSql} ORDER BY ${orderSql} LIMIT ? OFFSET ?`)
            .all(...params, limit, offset) as UserRow[]);
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
    return (ctx.stmt(sql).all(...params) as Array<{ tagid: number; tagname: string; member_count: number }>).map(
      (t) => ({ tagid: t.tagid, tagname: t.tagname, memberCount: t.member_count }),
    );
  }

  function getUser(userid: string): UserDetailResult | null {
    const row = ctx.stmt(`SELECT ${USER_COLUMNS}, u.fetched_at FROM users u WHERE u.userid = ?`).get(userid) as
      | (UserRow & { fetched_at: number })
      | undefined;
    if (!row) return null;
    aggregates.ensure();
    const [user] = withDepartments(ctx, [row]);
    if (!user) return null;
    const names = ctx
      .stmt('SELECT j.value AS id, d.name FROM json_each(?) j LEFT JOIN departments d ON d.id = j.value ORDER BY j.key')
      .all(JSON.stringify(user.departments)) as Array<{ id: number; name: string | null }>;
    const tags = tagRows(
      `SELECT t.tagid, t.tagname, t.member_count FROM tags t
       WHERE t.tagid IN (
         SELECT tagid FROM tag_users WHERE userid = ?
         UNION
         SELECT td.tagid FROM tag_departments td
           JOIN dept_closure c ON c.ancestor = td.department_id
           JOIN user_departments ud ON ud.department_id = c.descendant
         WHERE ud.user_id = ?)
       ORDER BY t.tagname`,
      userid,
      row.id,
    );
    const watched = ctx
      .stmt(
        `SELECT l.livingid, l.theme, l.living_start AS livingStart, w.watch_time AS watchTime
         FROM lives l JOIN watch_internal w ON w.live_id = l.id AND w.userid = ?
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
      | { members_fetched_at: number | null; fetched_at: number }
      | undefined;
    if (!tag) return null;
    const rows = ctx
      .stmt(
        `SELECT ${USER_COLUMNS} FROM tag_users t JOIN users u ON u.userid = t.userid
         WHERE t.tagid = ? ORDER BY u.name, u.userid`,
      )
      .all(tagid) as UserRow[];
    const departmentIds = ctx
      .stmt('SELECT department_id FROM tag_departments WHERE tagid = ? ORDER BY department_id')
      .pluck()
      .all(tagid) as number[];
    return { asOf: tag.members_fetched_at ?? tag.fetched_at, users: withDepartments(ctx, rows), departmentIds };
  }

  return { departments, searchUsers, usersByIds, getUser, tags, tagMembers };
}
