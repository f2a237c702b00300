// Users as the renderer sees them (models.ts `User`), built from users rows plus their links.
import type { User } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';

export const USER_COLUMNS =
  'u.id, u.userid, u.name, u.position, u.status, u.main_department, u.alias, u.email, u.mobile';

export interface UserRow {
  id: number;
  userid: string;
  name: string;
  position: string;
  status: number;
  main_department: number | null;
  alias: string | null;
  email: string | null;
  mobile: string | null;
}

function toUser(row: UserRow, departments: number[]): User {
  const user: User = {
    userid: row.userid,
    name: row.name,
    position: row.position,
    status: row.status as User['status'],
    mainDepartment: row.main_department || null,
    departments,
  };
  if (row.alias) user.alias = row.alias;
  if (row.email) user.email = row.email;
  if (row.mobile) user.mobile = row.mobile;
  return user;
}

/**
 * The SQL of a column listing a user's departments as "link_order:department_id" pairs, for
 * toUserWithLinks: for many users, a lookup per user costs less than gathering their links in a
 * second query.
 */
export const USER_LINKS_COLUMN =
  "(SELECT group_concat(ud.link_order || ':' || ud.department_id) FROM user_departments ud WHERE ud.user_id = u.id) AS links";

/** A user from a row carrying USER_LINKS_COLUMN (departments in link order). */
export function toUserWithLinks(row: UserRow & { links: string | null }): User {
  if (!row.links) return toUser(row, []);
  // one department, the usual case
  if (!row.links.includes(',')) return toUser(row, [Number(row.links.slice(row.links.indexOf(':') + 1))]);
  const pairs = row.links.split(',').map((pair) => pair.split(':').map(Number) as [number, number]);
  pairs.sort((a, b) => a[0] - b[0]);
  return toUser(
    row,
    pairs.map(([, department]) => department),
  );
}

/** Maps rows to users, loading all their department links in one query. */
export function withDepartments(ctx: CacheContext, rows: UserRow[]): User[] {
  if (rows.length === 0) return [];
  const links = ctx
    .stmt(
      `SELECT user_id, department_id FROM user_departments
       WHERE user_id IN (SELECT value FROM json_each(?))
       ORDER BY user_id, link_order`,
    )
    .raw()
    .all(JSON.stringify(rows.map((r) => r.id))) as Array<[number, number]>;
  const byUser = new Map<number, number[]>();
  for (const [userId, departmentId] of links) {
    const list = byUser.get(userId);
    if (list) list.push(departmentId);
    else byUser.set(userId, [departmentId]);
  }
  return rows.map((r) => toUser(r, byUser.get(r.id) ?? []));
}
