// A series' lives and, per required learner, completion across its sessions (in a period or all).
import type { LearnerStatus, SeriesLearner, SeriesSummary } from '../../shared/training.ts';
import type { CacheContext } from '../cache/context.ts';
import { departmentPaths } from '../cache/department-paths.ts';
import { LIVE_COLUMNS, toLive, type LiveRow } from '../cache/live-rows.ts';
import { countStatuses } from './completion.ts';
import { liveFacts, liveStatuses } from './live-learners.ts';
import type { Learner, LearnerResolver } from './resolve-learners.ts';
import type { SeriesRecord, TrainingStore } from './store.ts';

export function seriesSummary(ctx: CacheContext, record: SeriesRecord): SeriesSummary {
  const span = ctx
    .stmt('SELECT min(living_start) AS first, max(living_start) AS last FROM lives WHERE livingid IN (SELECT value FROM json_each(?))')
    .get(JSON.stringify(record.livingids)) as { first: number | null; last: number | null };
  return {
    id: record.id,
    name: record.name,
    threshold: record.threshold,
    required: record.required,
    lives: record.livingids.length,
    firstStart: span.first,
    lastStart: span.last,
  };
}

export function createSeriesProgress(ctx: CacheContext, store: TrainingStore, resolver: LearnerResolver) {
  return function seriesProgress(record: SeriesRecord, from: number | null, to: number | null) {
    const rows = ctx
      .stmt(
        `SELECT ${LIVE_COLUMNS} FROM json_each(?) j CROSS JOIN lives l ON l.livingid = j.value
           LEFT JOIN users a ON a.userid = l.anchor_userid
         ORDER BY l.living_start, l.id`,
      )
      .all(JSON.stringify(record.livingids)) as LiveRow[];
    const inPeriod = rows.filter((r) => (from === null || r.living_start >= from) && (to === null || r.living_start <= to));
    // each live's learners: its own list, else the series' (resolved once per distinct list)
    const resolved = new Map<string, Learner[]>();
    const learnersOf = (livingid: string): Learner[] => {
      const effective = store.effectiveRequired(livingid);
      if (!effective) return [];
      const key = JSON.stringify(effective.required);
      let list = resolved.get(key);
      if (!list) {
        list = resolver.resolve(effective.required);
        resolved.set(key, list);
      }
      return list;
    };
    const everyone = new Map<string, Learner>();
    for (const l of record.required ? resolver.resolve(record.required) : []) everyone.set(l.userid, l);
    const perLive = inPeriod.map((row) => {
      const facts = liveFacts(ctx, row.livingid);
      const learners = learnersOf(row.livingid);
      for (const l of learners) if (!everyone.has(l.userid)) everyone.set(l.userid, l);
      return { row, result: facts ? liveStatuses(ctx, store, facts, learners) : null };
    });
    const pathOf = departmentPaths(ctx);
    const learners: SeriesLearner[] = [...everyone.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.userid.localeCompare(b.userid))
      .map((l) => {
        // null: not required for that session (counts as nothing)
        const sessions: Array<LearnerStatus | null> = perLive.map(({ result }) => result?.statuses.get(l.userid)?.status ?? null);
        const attended = sessions.filter((s) => s === 'completed' || s === 'partial').length;
        const completed = sessions.filter((s) => s === 'completed').length;
        return { userid: l.userid, name: l.name, departmentPath: pathOf(l.homeDepartment), sessions, attended, completed, completedAny: completed > 0 };
      });
    return {
      series: seriesSummary(ctx, record),
      lives: perLive.map(({ row, result }) => ({
        ...toLive(row),
        ended: result?.ended ?? false,
        counts: countStatuses(result ? [...result.statuses.values()].map((s) => s.status) : []),
      })),
      learners,
      completedAny: learners.filter((l) => l.completedAny).length,
    };
  };
}
