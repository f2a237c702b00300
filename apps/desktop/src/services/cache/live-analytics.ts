// One live's charts (distribution, completion, by department, attendance) and its absentees.
import type { DepartmentLevel } from '../../shared/models.ts';
import type { Attendance } from './attendance.ts';
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import type { AbsenteesResult, LiveAnalyticsResult } from './types.ts';
import { createAudienceMembers } from './audience-members.ts';
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
  const members = createAudienceMembers(ctx, departmentPaths);

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
    const paths = departmentPaths();
    const groups = new Map<number, AbsenteesResult['byDepartment'][number]>();
    let total = 0;
    for (const { home, departmentName, people } of members.absentByDepartment(membersQuery, { live: live.id, gen: live.gen })) {
      total += people.length;
      const target = paths.has(home) ? paths.ancestorAt(home, level) : home;
      let group = groups.get(target);
      if (!group) {
        group = {
          departmentId: target,
          name: paths.has(target) ? paths.name(target) : departmentName,
          path: paths.path(target),
          direct: paths.directAt(target, level),
          users: [],
        };
        groups.set(target, group);
      }
      for (const p of people) group.users.push(p.user);
    }
    // by path: a roll-up gathers groups that were apart in the department-name order
    const byDepartment = [...groups.values()].sort(
      (a, b) => (a.path === b.path ? 0 : a.path === '' ? 1 : b.path === '' ? -1 : a.path < b.path ? -1 : 1) || a.departmentId - b.departmentId,
    );
    return { asOf, byDepartment, total };
  }

  return { liveAnalytics, absentees };
}
