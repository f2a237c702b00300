// One live's required learners with their watch time and status under the live's completion rule.
import type { DepartmentLevel } from '../../shared/models.ts';
import { DEFAULT_COMPLETION_THRESHOLD, type LearnerCounts, type LearnerStatus, type LiveLearner } from '../../shared/training.ts';
import type { CacheContext } from '../cache/context.ts';
import { buildDepartmentPaths, type DepartmentRecord } from '../cache/department-paths.ts';
import { countStatuses, hasEnded, learnerStatus } from './completion.ts';
import type { Learner, LearnerResolver } from './resolve-learners.ts';
import type { TrainingStore } from './store.ts';

export interface LiveFacts {
  id: number;
  livingid: string;
  theme: string;
  livingStart: number;
  livingDuration: number;
  status: number;
  openReplay: boolean;
}

export function liveFacts(ctx: CacheContext, livingid: string): LiveFacts | null {
  const row = ctx
    .stmt(
      `SELECT id, livingid, theme, living_start AS livingStart, living_duration AS livingDuration, status, open_replay AS openReplay
       FROM lives WHERE livingid = ?`,
    )
    .get(livingid) as (Omit<LiveFacts, 'openReplay'> & { openReplay: number }) | undefined;
  return row ? { ...row, openReplay: row.openReplay === 1 } : null;
}

/** Seconds each of `learners` watched the live (WeCom's watch time, replay included); absent: none. */
export function watchSeconds(ctx: CacheContext, liveId: number, learners: readonly Learner[]): Map<string, number> {
  if (learners.length === 0) return new Map();
  const rows = ctx
    .stmt(
      `SELECT w.userid, w.watch_time FROM json_each(?) j CROSS JOIN watch_internal w
         ON w.live_id = ? AND w.generation = (SELECT watch_generation FROM lives WHERE id = ?) AND w.userid = j.value`,
    )
    .raw()
    .all(JSON.stringify(learners.map((l) => l.userid)), liveId, liveId) as Array<[string, number]>;
  return new Map(rows);
}

/** The threshold in force for a live: its own, else its series', else the default. */
export function thresholdOf(store: TrainingStore, livingid: string): { threshold: number; source: 'live' | 'series' | 'default' } {
  const own = store.liveThreshold(livingid);
  if (own !== null) return { threshold: own, source: 'live' };
  const series = store.seriesOf(livingid)?.threshold ?? null;
  if (series !== null) return { threshold: series, source: 'series' };
  return { threshold: DEFAULT_COMPLETION_THRESHOLD, source: 'default' };
}

export interface LiveLearnerStatuses {
  live: LiveFacts;
  ended: boolean;
  threshold: number;
  learners: Learner[];
  statuses: Map<string, { status: LearnerStatus; watchSeconds: number }>;
}

/** Each required learner's status for one live (learners resolved once per call). */
export function liveStatuses(
  ctx: CacheContext,
  store: TrainingStore,
  live: LiveFacts,
  learners: Learner[],
): LiveLearnerStatuses {
  const ended = hasEnded(live.status);
  const { threshold } = thresholdOf(store, live.livingid);
  const watched = watchSeconds(ctx, live.id, learners);
  const statuses = new Map<string, { status: LearnerStatus; watchSeconds: number }>();
  for (const learner of learners) {
    const seconds = watched.get(learner.userid) ?? 0;
    statuses.set(learner.userid, { status: learnerStatus(seconds, live.livingDuration, threshold, ended), watchSeconds: seconds });
  }
  return { live, ended, threshold, learners, statuses };
}

export function createLiveTraining(ctx: CacheContext, store: TrainingStore, resolver: LearnerResolver) {
  return function liveTraining(livingid: string, level: DepartmentLevel = null) {
    const live = liveFacts(ctx, livingid);
    if (!live) return null;
    const effective = store.effectiveRequired(livingid);
    const learners = effective ? resolver.resolve(effective.required) : [];
    const { statuses, ended } = liveStatuses(ctx, store, live, learners);
    const rule = thresholdOf(store, livingid);
    const paths = buildDepartmentPaths(ctx.stmt('SELECT id, name, parent_id AS parentId FROM departments').all() as DepartmentRecord[]);
    const groupOf = (home: number | null) => (home === null ? 0 : paths.has(home) ? paths.ancestorAt(home, level) : home);
    const rows: LiveLearner[] = learners.map((l) => {
      const s = statuses.get(l.userid) ?? { status: 'absent' as const, watchSeconds: 0 };
      return {
        userid: l.userid,
        name: l.name,
        departmentPath: l.homeDepartment === null ? '' : paths.path(l.homeDepartment),
        watchSeconds: s.watchSeconds,
        ratio: live.livingDuration > 0 ? s.watchSeconds / live.livingDuration : 0,
        status: s.status,
        groupId: groupOf(l.homeDepartment),
      };
    });
    // each learner counted once, in their home department, rolled up to the level (most learners first)
    const perHome = new Map<number, LearnerCounts>();
    learners.forEach((l, i) => {
      const home = l.homeDepartment ?? 0;
      const counts = perHome.get(home) ?? { required: 0, completed: 0, partial: 0, absent: 0 };
      counts.required++;
      const status = rows[i]!.status;
      if (status !== 'required') counts[status]++;
      perHome.set(home, counts);
    });
    const byDepartment = paths
      .rollUp([...perHome].map(([departmentId, sums]) => ({ departmentId, sums })), level, (a, b) => b.required - a.required)
      .map(({ departmentId, name, path, direct, sums }) => ({ departmentId, name, path, direct, counts: sums }));
    const series = store.seriesOf(livingid);
    return {
      livingid,
      required: effective?.required ?? null,
      requiredSource: effective?.source ?? null,
      threshold: rule.threshold,
      thresholdSource: rule.source,
      ended,
      includesReplay: live.openReplay,
      series: series ? { id: series.id, name: series.name } : null,
      counts: countStatuses(rows.map((r) => r.status)),
      learners: rows,
      byDepartment,
    };
  };
}
