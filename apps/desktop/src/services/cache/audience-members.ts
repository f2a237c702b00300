// The people required learners stand for, by department (their home department), each department's
// people ordered by name then userid, as the absentee lists show them. Reading and shaping 20k people
// costs more than finding who of them is absent from a live, and the same learners are asked about
// live after live (a series, a re-opened list): learners asked about a second time are read whole
// and remembered (the last few) until anything is written to the cache (this connection's change
// count or another connection's commit); asked once, only the absent are read.
import type { User } from '../../shared/models.ts';
import { comparisonFor } from './binary-order.ts';
import { EXPECTED, WATCHED_LIVE } from './audience.ts';
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import { USER_COLUMNS, USER_LINKS_COLUMN, toUserWithLinks, type UserRow } from './user-rows.ts';

export interface DepartmentMembers {
  home: number;
  /** '' for a department the cache does not hold */
  departmentName: string;
  people: Array<{ userid: string; user: User }>;
}

const REMEMBERED = 4;
/** A live's viewers are read whole when they are at most this many times the members asked about. */
const READ_VIEWERS_UP_TO = 2;

/** The names and userids of people, for comparisonFor (no array of them built). */
function* peopleTexts(list: ReadonlyArray<{ name: string; userid: string }>): Generator<string> {
  for (const m of list) {
    yield m.name;
    yield m.userid;
  }
}

export function createAudienceMembers(ctx: CacheContext, departmentPaths: () => DepartmentPaths) {
  const remembered = new Map<string, DepartmentMembers[]>();
  const askedOnce = new Set<string>();

  const peopleOf = (query: { sql: string; params: unknown[] }, absentFrom: { live: number; gen: number } | null) =>
    ctx
      .stmt(
        `SELECT ${USER_COLUMNS}, ${USER_LINKS_COLUMN}, COALESCE(u.home_department, 0) AS home
         FROM (${query.sql}) a CROSS JOIN users u ON u.id = a.id
         WHERE ${EXPECTED}${absentFrom ? ` AND NOT ${WATCHED_LIVE}` : ''}`,
      )
      .all(...query.params, ...(absentFrom ? [absentFrom.live, absentFrom.gen] : [])) as Array<UserRow & { links: string | null; home: number }>;

  /** People by department in list order. */
  function grouped(rows: Array<UserRow & { links: string | null; home: number }>): DepartmentMembers[] {
    const byHome = new Map<number, typeof rows>();
    for (const r of rows) {
      const list = byHome.get(r.home);
      if (list) list.push(r);
      else byHome.set(r.home, [r]);
    }
    // by department name, then department; within one, by name then userid
    const paths = departmentPaths();
    const nameOf = (id: number) => (paths.has(id) ? paths.name(id) : '');
    const homes = [...byHome.keys()];
    const names = comparisonFor(homes.map(nameOf));
    homes.sort((a, b) => names(nameOf(a), nameOf(b)) || a - b);
    return homes.map((home): DepartmentMembers => {
      const list = byHome.get(home) as typeof rows;
      const order = comparisonFor(peopleTexts(list));
      list.sort((a, b) => order(a.name, b.name) || order(a.userid, b.userid));
      return { home, departmentName: nameOf(home), people: list.map((r) => ({ userid: r.userid, user: toUserWithLinks(r) })) };
    });
  }

  /**
   * The expected attendees (not disabled or departed) of a members query absent from a live (no
   * watch time in its rows), by department in list order.
   */
  function absentByDepartment(query: { sql: string; params: unknown[] }, live: { live: number; gen: number }): DepartmentMembers[] {
    const writes = `${String(ctx.db.pragma('data_version', { simple: true }))}:${String(ctx.stmt('SELECT total_changes()').pluck().get())}`;
    const key = `${writes}|${query.sql}|${JSON.stringify(query.params)}`;
    let everyone = remembered.get(key);
    if (!everyone && !askedOnce.has(key)) {
      for (const stale of askedOnce) if (!stale.startsWith(`${writes}|`)) askedOnce.delete(stale);
      askedOnce.add(key);
      return grouped(peopleOf(query, live));
    }
    if (!everyone) {
      everyone = grouped(peopleOf(query, null));
      for (const stale of remembered.keys()) if (!stale.startsWith(`${writes}|`)) remembered.delete(stale);
      remembered.set(key, everyone);
      if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    }
    const isAbsent = absenceTest(query, live, everyone);
    return everyone
      .map((d) => ({ ...d, people: d.people.filter((p) => isAbsent(p.userid)) }))
      .filter((d) => d.people.length > 0);
  }

  /**
   * Who of the remembered people is absent from the live. A probe of the live's rows per member
   * costs ~1–2 µs at 10M watch rows, reading a viewer ~0.4 µs: a live with not many more viewers
   * than the members is read whole (a 19k-person audience of a live of 19k viewers: ~7 ms instead
   * of ~30), a bigger one (the all-hands) probed per member.
   */
  function absenceTest(query: { sql: string; params: unknown[] }, live: { live: number; gen: number }, everyone: DepartmentMembers[]): (userid: string) => boolean {
    const members = everyone.reduce((n, d) => n + d.people.length, 0);
    const viewers = ctx.stmt('SELECT internal_viewers FROM live_summary WHERE live_id = ?').pluck().get(live.live) as number | undefined;
    if (viewers !== undefined && viewers <= members * READ_VIEWERS_UP_TO) {
      const watched = new Set(
        ctx
          .stmt('SELECT userid FROM watch_internal WHERE live_id = ? AND generation = ? AND watch_time > 0')
          .pluck()
          .all(live.live, live.gen) as string[],
      );
      return (userid) => !watched.has(userid);
    }
    const absent = new Set(
      ctx
        .stmt(
          `SELECT u.userid FROM (${query.sql}) a CROSS JOIN users u ON u.id = a.id
           WHERE ${EXPECTED} AND NOT ${WATCHED_LIVE}`,
        )
        .pluck()
        .all(...query.params, live.live, live.gen) as string[],
    );
    return (userid) => absent.has(userid);
  }

  return { absentByDepartment };
}
