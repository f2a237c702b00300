// Every user's home department (stamped on their watch rows), held in memory while watch fetches
// run: a lookup per row in the users table cost as much as writing the row. It is read a slice per
// page written, so no page waits for all of a big org's users (100k took ~40 ms); a user not read
// yet is looked up in the table meanwhile. Read again from the start after any change of the users'
// home departments, which user_home_changes counts (migration 010).
import type Database from 'better-sqlite3';
import { UseridTable } from './userid-table.ts';

/** Users read per page written: a few ms. */
const SLICE = 20_000;

export function createHomeDepartments(prepare: (sql: string) => Database.Statement, perSlice = SLICE) {
  const changesNow = prepare('SELECT changes FROM user_home_changes WHERE id = 1').pluck();
  // a slice as two JSON arrays (ids, departments) and its last users.id: one string per column that
  // JSON.parse reads at C++ speed, instead of a JS array per user (100k users: ~25 ms instead of ~65)
  const slice = prepare(
    `SELECT json_group_array(userid), json_group_array(home_department), max(id), count(*)
       FROM (SELECT id, userid, home_department FROM users WHERE id > ? ORDER BY id LIMIT ?)`,
  ).raw();
  const one = prepare('SELECT home_department FROM users WHERE userid = ?').pluck();
  /** `after`: the last users.id read, or null once every user is held. */
  let held: { changes: number; departments: UseridTable; after: number | null } | null = null;

  return {
    /** Brings the held departments up to date and reads the next slice; once per page. */
    advance(): void {
      const changes = changesNow.get() as number;
      if (held?.changes !== changes) held = { changes, departments: new UseridTable(perSlice), after: 0 };
      if (held.after === null) return;
      const [userids, departments, last, count] = slice.get(held.after, perSlice) as [string, string, number | null, number];
      const ids = JSON.parse(userids) as string[];
      const homes = JSON.parse(departments) as Array<number | null>;
      for (let i = 0; i < ids.length; i++) held.departments.set(ids[i]!, homes[i] ?? null);
      held.after = count < perSlice || last === null ? null : last;
    },
    /** A user's home department as the users table has it now (call `advance` first). */
    of(userid: string): number | null {
      const department = held?.departments.get(userid);
      if (department !== undefined) return department;
      if (held !== null && held.after === null) return null;
      return (one.get(userid) as number | null | undefined) ?? null;
    },
    /** Lets go of them (no fetch is running). */
    drop(): void {
      held = null;
    },
  };
}
