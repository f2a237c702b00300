// One live's charts (distribution, completion, by department, attendance) and its absentees.
import type { DepartmentLevel, User } from '../../shared/models.ts';
import type { Attendance } from './attendance.ts';
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import type { LiveSummaries } from './live-summaries.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import type { AbsenteesResult, LiveAnalyticsResult } from './types.ts';
import { USER_COLUMNS, withDepartments, type UserRow } from './user-rows.ts';
import { watchAsOf } from './watch-reads.ts';

/** Watch-time buckets (lower bounds, seconds) and their labels. */
export const WATCH_BUCKETS = [
  { fromSeconds: 0, label: '0–5 min' },
  { fromSeconds: 300, label: '5–15 min' },
  { fromSeconds: 900, label: '15–30 min' },
  { fromSeconds: 1800, label: '30–60 min' },
  { fromSeconds: 3600, label: '1–2 h' },
  { fromSeconds: 7200, label: '2 h+' },
] as const;

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
    // one pass in JS over the live's rows (three small columns): cheaper than SQL CASE buckets
    const rowsOf = (table: 'watch_internal' | 'watch_external') =>
      ctx
        .stmt(`SELECT watch_time, is_comment, is_mic FROM ${table} WHERE live_id = ?`)
        .raw()
        .all(live.id) as Array<[number, number, number]>;
    const distribution = WATCH_BUCKETS.map((b) => ({ label: b.label, fromSeconds: b.fromSeconds, count: 0 }));
    const completion = Array.from({ length: 10 }, (_, i) => ({
      label: i === 9 ? '90–100%' : `${i * 10}–${i * 10 + 10}%`,
      fromRatio: i / 10,
      count: 0,
    }));
    const duration = live.living_duration;
    let totalWatchSeconds = 0;
    let commenters = 0;
    let micUsers = 0;
    const add = (rows: Array<[number, number, number]>) => {
      for (const [time, comment, mic] of rows) {
        totalWatchSeconds += time;
        if (comment) commenters++;
        if (mic) micUsers++;
        let bucket = WATCH_BUCKETS.length - 1;
        while (bucket > 0 && time < (WATCH_BUCKETS[bucket]?.fromSeconds ?? 0)) bucket--;
        (distribution[bucket] as { count: number }).count++;
        // integer arithmetic: exact decile edges (90% of 3600 s is 3240 s, not 3239.99…)
        if (duration > 0)
          (completion[Math.min(9, Math.floor((time * 10) / duration))] as { count: number }).count++;
      }
      return rows.length;
    };
    const internal = add(rowsOf('watch_internal'));
    const external = add(rowsOf('watch_external'));

    summaries.ensure(live.id);
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
    const live = ctx.stmt('SELECT id, status FROM lives WHERE livingid = ?').get(livingid) as
      { id: number; status: number } | undefined;
    const { asOf } = watchAsOf(ctx, livingid);
    if (live === undefined || live.status !== 2) return { asOf, byDepartment: [], total: 0 };
    const required = attendanceOf.requiredOf(livingid);
    if (!required) return { asOf, byDepartment: [], total: 0 };
    aggregates.ensure();
    const members = attendanceOf.membersOf(required);
    const rows = ctx
      .stmt(
        `SELECT ${USER_COLUMNS}, COALESCE(u.home_department, 0) AS home, COALESCE(d.name, '') AS department_name
         FROM json_each(?) a CROSS JOIN users u ON u.id = a.value
           LEFT JOIN departments d ON d.id = u.home_department
         WHERE NOT EXISTS (SELECT 1 FROM watch_internal w WHERE w.live_id = ? AND w.userid = u.userid AND w.watch_time > 0)
         ORDER BY department_name, home, u.name, u.userid`,
      )
      .all(JSON.stringify(members.map((m) => m.id)), live.id) as Array<UserRow & { home: number; department_name: string }>;
    const users = withDepartments(ctx, rows);
    const paths = departmentPaths();
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
