// Users: merged in JS so a partial row (simplelist, list_id) keeps the stored fields it lacks; the
// search row and department links are rewritten only when they change (a re-sync mostly changes nothing).
// A user stored before names had a sort key (name_key NULL) is rewritten by the next sync that sees
// them, key and pinyin search text included, whether WeCom reports a change or not.
import { int, intOrNull, textOrNull, type CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import { createUserDepartmentLinks, linksOf } from './user-department-links.ts';
import { nameSortKey } from './name-sort-key.ts';
import { createUserSearchRows, searchFieldsChanged } from './user-search-rows.ts';
import { writeStampedChunks } from './stamped-chunks.ts';
import type { WireDeptUser, WireUser } from './types.ts';
import { USER_STATUSES } from '../../shared/models.ts';

const CHUNK = 2000;
/** The statuses a stored user may have (another from WeCom is stored as active). */
const KNOWN_STATUSES = new Set<number>(USER_STATUSES);

interface UserFields {
  name: string;
  position: string;
  status: number;
  main_department: number | null;
  home_department: number | null;
  alias: string | null;
  email: string | null;
  mobile: string | null;
}

interface StoredUser extends UserFields {
  id: number;
  name_key: string | null;
}

/** The key a user's name sorts by (a user without a name sorts by the userid the screens show). */
const sortKeyOf = (userid: string, user: UserFields) => nameSortKey(user.name || userid);

/** The stored columns in the order the insert and update statements list them. */
const columnValues = (user: UserFields) =>
  [
    user.name,
    user.position,
    user.status,
    user.main_department,
    user.home_department,
    user.alias,
    user.email,
    user.mobile,
  ] as const;

/** The row over the stored user: a field the row lacks keeps its stored value. */
function mergeUser(row: WireUser, stored: StoredUser | undefined, firstLinked: number | undefined): UserFields {
  const status = intOrNull(row.status);
  const main = intOrNull(row.main_department) ?? stored?.main_department ?? null;
  return {
    name: typeof row.name === 'string' ? row.name : (stored?.name ?? ''),
    position: typeof row.position === 'string' ? row.position : (stored?.position ?? ''),
    status: status === null ? (stored?.status ?? 1) : KNOWN_STATUSES.has(status) ? status : 1,
    main_department: main,
    // the main department, else the first linked one
    home_department: main || firstLinked || stored?.home_department || null,
    alias: textOrNull(row.alias) ?? stored?.alias ?? null,
    email: textOrNull(row.email) ?? textOrNull(row.biz_mail) ?? stored?.email ?? null,
    mobile: textOrNull(row.mobile) ?? stored?.mobile ?? null,
  };
}

export function createUserWrites(ctx: CacheContext, aggregates: OrgAggregates, stamp: () => number) {
  const findUser = ctx.stmt(
    `SELECT id, name, position, status, main_department, home_department, alias, email, mobile, name_key
     FROM users WHERE userid = ?`,
  );
  const insertUser = ctx.stmt(
    `INSERT INTO users (userid, name, position, status, main_department, home_department, alias, email, mobile,
       name_key, generation, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateUser = ctx.stmt(
    `UPDATE users SET name = ?, position = ?, status = ?, main_department = ?, home_department = ?, alias = ?,
       email = ?, mobile = ?, name_key = ?, generation = max(generation, ?), fetched_at = ? WHERE id = ?`,
  );
  const touchUser = ctx.stmt('UPDATE users SET generation = max(generation, ?), fetched_at = ? WHERE id = ?');
  const search = createUserSearchRows(ctx);
  const links = createUserDepartmentLinks(ctx);

  /** Writes one user; true when counts may change (a new user, other departments or status). */
  function writeUser(row: WireUser, gen: number, at: number): boolean {
    if (typeof row.userid !== 'string' || row.userid === '') {
      throw new CacheError('conflict', 'a user row without userid');
    }
    const userid = row.userid;
    const rowLinks = linksOf(row);
    const stored = findUser.get(userid) as StoredUser | undefined;
    const next = mergeUser(row, stored, rowLinks?.[0]?.[0]);

    let id: number;
    if (!stored) {
      id = Number(insertUser.run(userid, ...columnValues(next), sortKeyOf(userid, next), gen, at).lastInsertRowid);
      search.insert(id, { userid, ...next });
    } else {
      id = stored.id;
      // stored before names had sort keys: key and search text are written anew
      const unkeyed = stored.name_key === null;
      const changed = unkeyed || (Object.keys(next) as Array<keyof UserFields>).some((k) => next[k] !== stored[k]);
      if (changed) {
        const key = unkeyed || next.name !== stored.name ? sortKeyOf(userid, next) : stored.name_key;
        updateUser.run(...columnValues(next), key, gen, at, id);
        if (unkeyed || searchFieldsChanged(next, stored)) search.replace(id, { userid, ...next });
      } else {
        touchUser.run(gen, at, id);
      }
    }
    const moved = rowLinks ? links.write(id, rowLinks, stored !== undefined, at) : false;
    return !stored || moved || next.status !== stored.status;
  }

  function upsertUsers(rows: WireUser[], fetchedAt = ctx.now()): void {
    writeStampedChunks(ctx, rows, CHUNK, stamp, fetchedAt, (chunk, gen, at) => {
      let countsChange = false;
      for (const row of chunk) countsChange = writeUser(row, gen, at) || countsChange;
      ctx.touchDataset('org', at);
      // counts, members and search plans are recomputed lazily: only when they can change
      if (countsChange) aggregates.markDirty();
    });
  }

  function replaceUserDepartmentLinks(rows: WireDeptUser[], fetchedAt = ctx.now()): void {
    const byUser = new Map<string, number[]>();
    for (const { userid, department } of rows) {
      const list = byUser.get(userid) ?? [];
      list.push(int(department, 0));
      byUser.set(userid, list);
    }
    // users known only from list_id get a row (no name yet) so links and counts are complete
    upsertUsers(
      [...byUser].map(([userid, department]) => ({ userid, department })),
      fetchedAt,
    );
  }

  function deleteUsers(userids: string[]): number {
    const remove = ctx.stmt('DELETE FROM users WHERE userid = ? RETURNING id');
    let removed = 0;
    ctx.tx(() => {
      for (const userid of userids) {
        const row = remove.get(userid) as { id: number } | undefined;
        if (!row) continue;
        search.remove(row.id);
        removed++;
      }
      if (removed > 0) aggregates.markDirty();
    });
    return removed;
  }

  return { upsertUsers, replaceUserDepartmentLinks, deleteUsers };
}
