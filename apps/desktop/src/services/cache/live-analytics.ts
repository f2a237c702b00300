// One live's charts (distribution, completion, by department, attendance) and its absentees.
import type { DepartmentLevel, User } from '../../shared/models.ts';
import type { Attendance } from './attendance.ts';
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import type { AbsenteesResult, LiveAnalyticsResult } from './types.ts';
import { comparisonFor } from './binary-order.ts';
import { USER_COLUMNS, USER_LINKS_COLUMN, toUserWithLinks, type UserRow } from './user-rows.ts';
import { watchAsOf } from './watch-reads.ts';
import { WATCH_BUCKETS, type LiveSummaries } from './live-summaries.ts';

interface SummaryRow {
  internal_viewers: number;
  external_viewers: number;
  watch_seconds: number;
  commenters: number;
  mic_users: number;
  distribution: string | null;
  completion: string | null;
  dirty: number;
}

export { WATCH_BUCKETS };

export function createLiveAnalytics(
  ctx: CacheContext,
  summaries: LiveSummaries,
  aggregates: OrgAggregates,
  attendanceOf: Attendance,
  departmentPaths: () => DepartmentPaths,
) {
  function liveAnalytics(livingid: string, level: DepartmentLevel = null): LiveAnalyticsResult | null {
    const live = ctx.stmt('SELECT id, living_duration FROM lives WHERE livingid = ?').get(livingid) as
      { id: number; living_duration: number } | undefined;
    if (!live) return null;
    // the distribution, deciles and totals are kept in the live's summary (computed when its fetch ended)
    const summary = () =>
      ctx
        .stmt(
          `SELECT internal_viewers, external_viewers, watch_seconds, commenters, mic_users, distribution, completion, dirty
           FROM live_summary WHERE live_id = ?`,
        )
        .get(live.id) as SummaryRow | undefined;
    let s = summary();
    if (!s || s.dirty === 1 || s.distribution === null || s.completion === null) {
      summaries.recompute(live.id);
      s = summary();
    }
    const bucketCounts = JSON.parse(s?.distribution ?? '[]') as number[];
    const decileCounts = JSON.parse(s?.completion ?? '[]') as number[];
    const distribution = WATCH_BUCKETS.map((b, i) => ({
      label: b.label,
      fromSeconds: b.fromSeconds,
      count: bucketCounts[i] ?? 0,
    }));
    const completion = Array.from({ length: 10 }, (_, i) => ({
      label: i === 9 ? '90–100%' : `${i * 10}–${i * 10 + 10}%`,
      fromRatio: i / 10,
      count: decileCounts[i] ?? 0,
    }));
    const internal = s?.internal_viewers ?? 0;
    const external = s?.external_viewers ?? 0;
    const totalWatchSeconds = s?.watch_seconds ?? 0;
    const commenters = s?.commenters ?? 0;
    const micUsers = s?.mic_users ?? 0;

    const perDepartment = ctx
      .stmt(
        `SELECT department_id AS departmentId, viewers, watch_seconds AS watchSeconds, completion_sum AS completionSum
         FROM live_dept_summary WHERE live_id = ?`,
      )
      .all(live.id) as Array<{ departmentId: number; viewers: number; watchSeconds: number; completionSum: number }>;
    const byDepartment = departmentPaths()
      .rollUp(
        perDepartment.map(({ departmentId, ...sums }) => ({ departmentId, sums })),
        level,
        (a, b) => b.viewers - a.viewers,
      )
      .map(({ sums, depth: _depth, ...group }) => ({
        ...group,
        viewers: sums.viewers,
        watchSeconds: sums.watchSeconds,
        averageCompletion: live.living_duration > 0 && sums.viewers > 0 ? sums.completionSum / sums.viewers : 0,
      }));

    const attendance = attendanceOf.get(live.id, livingid);

    const viewers = internal + external;
    return {
      asOf: watchAsOf(ctx, livingid).asOf,
      viewers: { internal, external },
      totalWatchSeconds,
      averageWatchSeconds: viewers > 0 ? totalWatchSeconds / viewers : 0,
      distribution,
      completion,
      byDepartment,
      attendance,
      commenters,
      micUsers,
    };
  }

  /** Required learners without any watch time, for an ended live only (a live to come has no absentees). */
  function absentees(livingid: string, level: DepartmentLevel = null): AbsenteesResult {
    const live = ctx.stmt('SELECT id, status, watch_generation AS gen FROM lives WHERE livingid = ?').get(livingid) as
      { id: number; status: number; gen: number } | undefined;
    const { asOf } = watchAsOf(ctx, livingid);
    if (live === undefined || live.status !== 2) return { asOf, byDepartment: [], total: 0 };
    const required = attendanceOf.requiredOf(livingid);
    if (!required) return { asOf, byDepartment: [], total: 0 };
    aggregates.ensure();
    const membersQuery = attendanceOf.membersQueryOf(required);
    if (!membersQuery) return { asOf, byDepartment: [], total: 0 };
    const members = ctx
      .stmt(
        `SELECT u.id, u.userid FROM (${membersQuery.sql}) a CROSS JOIN users u ON u.id = a.id
         WHERE u.status NOT IN (2, 5)`,
      )
      .raw()
      .all(...membersQuery.params) as Array<[number, string]>;
    // who watched: the live's watchers in one index range when they are not many times the
    // members, else a probe per member
    const viewers = (ctx.stmt('SELECT internal_viewers FROM live_summary WHERE live_id = ?').pluck().get(live.id) ?? 0) as number;
    const watchers =
      viewers <= 8 * members.length
        ? new Set(
            ctx
              .stmt(
                `SELECT userid FROM watch_internal INDEXED BY watch_internal_time
                 WHERE live_id = ? AND generation = ? AND watch_time > 0`,
              )
              .pluck()
              .all(live.id, live.gen) as string[],
          )
        : null;
    const probe = ctx
      .stmt('SELECT 1 FROM watch_internal WHERE live_id = ? AND generation = ? AND userid = ? AND watch_time > 0')
      .pluck();
    const absentIds = members
      .filter(([, userid]) => (watchers ? !watchers.has(userid) : probe.get(live.id, live.gen, userid) === undefined))
      .map(([id]) => id);
    // unsorted: grouped and ordered below (sorting every absentee in SQL costs more than in JS)
    const absent = ctx
      .stmt(
        `SELECT ${USER_COLUMNS}, ${USER_LINKS_COLUMN}, COALESCE(u.home_department, 0) AS home
         FROM json_each(?) a CROSS JOIN users u ON u.id = a.value`,
      )
      .all(JSON.stringify(absentIds)) as Array<UserRow & { links: string | null; home: number }>;

    // by department name, department, then name and userid
    const paths = departmentPaths();
    const departmentName = (id: number) => (paths.has(id) ? paths.name(id) : '');
    const byHome = new Map<number, typeof absent>();
    for (const m of absent) {
      const list = byHome.get(m.home);
      if (list) list.push(m);
      else byHome.set(m.home, [m]);
    }
    const homes = [...byHome.keys()];
    const names = comparisonFor(homes.map(departmentName));
    homes.sort((a, b) => names(departmentName(a), departmentName(b)) || a - b);
    const rows: Array<(typeof absent)[number] & { department_name: string }> = [];
    for (const home of homes) {
      const list = byHome.get(home) as typeof absent;
      const order = comparisonFor(list.flatMap((m) => [m.name, m.userid]));
      list.sort((a, b) => order(a.name, b.name) || order(a.userid, b.userid));
      const department_name = departmentName(home);
      for (const m of list) rows.push(Object.assign(m, { department_name }));
    }
    const users = rows.map(toUserWithLinks);
    const groups = new Map<number, AbsenteesResult['byDepartment'][number]>();
    rows.forEach((r, i) => {
      const target = paths.has(r.home) ? paths.ancestorAt(r.home, level) : r.home;
      let group = groups.get(target);
      if (!group) {
        group = {
          departmentId: target,
          name: paths.has(target) ? paths.name(target) : r.department_name,
          path: paths.path(target),
          direct: level !== null && paths.has(target) && paths.depth(target) < level,
          users: [],
        };
        groups.set(target, group);
      }
      group.users.push(users[i] as User);
    });
    // by path: a roll-up gathers groups that were apart in the department-name order
    const byDepartment = [...groups.values()].sort(
      (a, b) => (a.path === b.path ? 0 : a.path === '' ? 1 : b.path === '' ? -1 : a.path < b.path ? -1 : 1) || a.departmentId - b.departmentId,
    );
    return { asOf, byDepartment, total: rows.length };
  }

  return { liveAnalytics, absentees };
}
