// Cross-live statistics for the home page and the statistics overview, read from per-live
// summaries. Only lives that took place count (status 1 living, 2 ended); a live is placed on
// the day and week of its start, in local time (utcOffsetSeconds). Completion by department is
// rolled up to the query's level (一级部门 by default, where a chart across many lives stays
// readable); the root's own members are a group of their own, never the root beside its children.
// The department filter reads either the live's host department or its viewers' departments.
import { utcOffsetSeconds } from '../../shared/dates.ts';
import { lastDaysRange } from '../../shared/day-ranges.ts';
import type { CacheContext } from './context.ts';
import type { DepartmentPaths } from './department-paths.ts';
import { createDepartmentSums, type DepartmentSum } from './department-sums.ts';
import { createDivisionSums } from './division-sums.ts';
import type { LiveSummaries } from './live-summaries.ts';
import type { Slicing } from './slicing.ts';
import { LIVE_COLUMNS, LIVE_FROM, livesOnAir, toLive, type LiveRow } from './live-rows.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import type { HomeStatsResult, StatsOverviewQuery, StatsOverviewResult } from './types.ts';

const DAY = 86_400;
/** Longest range whose empty days/weeks are filled in (longer ranges list only days with lives). */
const MAX_FILLED_DAYS = 3 * 366;
const HELD = '(1, 2)';

const hours = (seconds: number) => seconds / 3600;

/**
 * A live whose watch statistics are not synced: no fetch of them ended (the `sync_state` row `w`)
 * and no watch rows are summed for it (the `live_summary` row `s`; a cache from before fetches were
 * recorded holds rows without one). It counts with living_info's viewer_num, as the live pages show it.
 */
const NOT_SYNCED = '(w.fetched_at IS NULL AND COALESCE(s.internal_viewers + s.external_viewers, 0) = 0)';
/** The rows NOT_SYNCED reads, joined to the lives `l`: the live's summary `s` and its watch fetch's state `w`. */
const SUMMARY_AND_SYNC = `LEFT JOIN live_summary s ON s.live_id = l.id
  LEFT JOIN sync_state w ON w.scope = 'watch:' || l.livingid`;

/** A live of the statistics: its figures, or those of the filtered department's viewers. */
interface FilteredLive {
  id: number;
  livingid: string;
  theme: string;
  living_start: number;
  internal: number;
  external: number;
  seconds: number;
  /** 1 when the live's watch statistics were fetched; 0: its viewers are living_info's viewer_num (all in `internal`) */
  synced: number;
}

/** Start (unix s) of the local day holding `t`. */
export const dayStart = (t: number, offset: number) => Math.floor((t + offset) / DAY) * DAY - offset;

/** The level completion is rolled up to: 一级部门 unless the query says. */
const levelOf = (query: StatsOverviewQuery) => (query.level === undefined ? 1 : query.level);
/** Figures of the department's viewers (by audience), not of the lives it hosted. */
const byViewersOf = (query: StatsOverviewQuery) => (query.departmentId ?? null) !== null && query.departmentBy === 'audience';

export function createDashboard(
  ctx: CacheContext,
  summaries: LiveSummaries,
  aggregates: OrgAggregates,
  departmentPaths: () => DepartmentPaths,
) {
  const divisionSums = createDivisionSums(ctx);
  const departmentSums = createDepartmentSums(ctx, departmentPaths);
  const asOf = () => {
    const times = [ctx.datasetAt('lives'), ctx.datasetAt('watch')].filter((t): t is number => t !== null);
    return times.length ? Math.max(...times) : null;
  };

  function homeStats(now: number, lastSync: Record<string, number | null>): HomeStatsResult {
    summaries.refreshDirty();
    const nowS = Math.floor(now / 1000);
    // the 30 calendar days the Statistics screen's preset shows, so the card and the screen it opens agree
    const last30 = lastDaysRange(30, new Date(now));
    const liveNow = livesOnAir(ctx);
    const next = ctx
      .stmt(
        `SELECT ${LIVE_COLUMNS} FROM ${LIVE_FROM} WHERE l.status = 0 AND l.living_start >= ?
         ORDER BY l.living_start, l.id LIMIT 5`,
      )
      .all(nowS) as LiveRow[];
    const totals = ctx
      .stmt(
        // a live whose watch statistics are not synced (yet, or again after a clear) counts with
        // viewer_num: the totals never read 0 while lives exist
        `SELECT count(*) AS lives,
                COALESCE(sum(CASE WHEN ${NOT_SYNCED} THEN l.viewer_num ELSE s.internal_viewers + s.external_viewers END), 0) AS viewers,
                COALESCE(sum(CASE WHEN ${NOT_SYNCED} THEN 0 ELSE s.internal_viewers + s.external_viewers END), 0) AS measured,
                COALESCE(sum(s.watch_seconds), 0) AS seconds, COALESCE(sum(s.completion_sum), 0) AS completion
         FROM lives l ${SUMMARY_AND_SYNC}
         WHERE l.status IN ${HELD} AND l.living_start BETWEEN ? AND ?`,
      )
      .get(last30.from, last30.to) as { lives: number; viewers: number; measured: number; seconds: number; completion: number };
    return {
      asOf: asOf(),
      liveNow: liveNow.map(toLive),
      next: next.map(toLive),
      last30Days: {
        lives: totals.lives,
        viewers: totals.viewers,
        watchHours: hours(totals.seconds),
        // completion is known only for viewers whose watch statistics are synced
        averageCompletion: totals.measured > 0 ? totals.completion / totals.measured : null,
      },
      lastSync,
    };
  }

  /** Completion per department (the sums of the filtered lives), rolled up to `level`. */
  function completionBy(
    rows: readonly DepartmentSum[],
    level: number | null,
  ): StatsOverviewResult['completionByDepartment'] {
    return departmentPaths()
      .rollUp(
        rows.map((r) => ({ departmentId: r.departmentId, sums: { completion: r.completion, viewers: r.viewers } })),
        level,
        (a, b) => b.viewers - a.viewers,
      )
      .map(({ sums, depth: _depth, ...group }) => ({
        ...group,
        averageCompletion: sums.viewers > 0 ? sums.completion / sums.viewers : 0,
        viewers: sums.viewers,
      }));
  }

  /**
   * The filtered lives watched from the subtree, with the figures of its viewers only, and the
   * subtree's sums per department.
   */
  function byViewersDepartment(
    where: string[],
    params: Record<string, unknown>,
    subtree: readonly number[],
  ): { lives: FilteredLive[]; departments: DepartmentSum[]; unsynced: number } {
    const candidates = ctx
      .stmt(
        `SELECT l.id, l.livingid, l.theme, l.living_start, NOT ${NOT_SYNCED} AS synced
         FROM lives l ${SUMMARY_AND_SYNC}
         WHERE ${where.join(' AND ')} ORDER BY l.living_start`,
      )
      .all(params) as Array<Omit<FilteredLive, 'internal' | 'external' | 'seconds'>>;
    const sums = departmentSums.within(
      candidates.map((l) => l.id),
      subtree,
    );
    const lives = candidates.flatMap((l) => {
      const sum = sums.lives.get(l.id);
      return sum ? [{ ...l, internal: sum.viewers, external: 0, seconds: sum.seconds }] : [];
    });
    // a live not synced has no viewers' departments yet: it cannot count here, and is told apart
    return { lives, departments: sums.departments, unsynced: candidates.filter((l) => !l.synced).length };
  }

  function statsOverview(query: StatsOverviewQuery): StatsOverviewResult {
    summaries.refreshDirty();
    // the org current first: the division sums follow departments moved since
    aggregates.ensure();
    const offset = query.utcOffsetSeconds ?? utcOffsetSeconds(query.from * 1000);
    const where = [`l.status IN ${HELD}`, 'l.living_start BETWEEN :from AND :to'];
    const params: Record<string, unknown> = { from: query.from, to: query.to };
    if (query.anchorUserid) {
      where.push('l.anchor_userid = :anchor');
      params.anchor = query.anchorUserid;
    }
    if (query.type !== null && query.type !== undefined) {
      where.push('l.type = :type');
      params.type = query.type;
    }
    const department = query.departmentId ?? null;
    const byAudience = byViewersOf(query);
    if (department !== null) {
      params.department = department;
      // host: lives organised by the department or any below it (living_info's main_department);
      // audience: lives watched by someone of the department or below (their department when fetched,
      // from each live's per-department sums held in memory)
      if (!byAudience) where.push('l.main_department IN (SELECT descendant FROM dept_closure WHERE ancestor = :department)');
    }
    // by audience, a live's figures are those of the department's viewers only (internal by nature)
    const subtree = byAudience
      ? (ctx.stmt('SELECT descendant FROM dept_closure WHERE ancestor = ?').pluck().all(department) as number[])
      : null;
    const audience = subtree ? byViewersDepartment(where, params, subtree) : null;
    const lives =
      audience?.lives ??
      (ctx
        .stmt(
          // a live whose watch statistics are not synced counts as on home's card that opens this screen
          `SELECT l.id, l.livingid, l.theme, l.living_start,
             CASE WHEN ${NOT_SYNCED} THEN l.viewer_num ELSE COALESCE(s.internal_viewers, 0) END AS internal,
             CASE WHEN ${NOT_SYNCED} THEN 0 ELSE COALESCE(s.external_viewers, 0) END AS external,
             COALESCE(s.watch_seconds, 0) AS seconds, NOT ${NOT_SYNCED} AS synced
           FROM lives l ${SUMMARY_AND_SYNC}
           WHERE ${where.join(' AND ')}
           ORDER BY l.living_start`,
        )
        .all(params) as FilteredLive[]);

    const span = query.to >= query.from ? (query.to - query.from) / DAY : 0;
    const fill = span <= MAX_FILLED_DAYS;
    // per local day; the renderer groups the days into weeks starting on its language's first day
    const days = new Map<number, { lives: number; viewers: number; seconds: number }>();
    if (fill && lives.length > 0 && query.to >= query.from) {
      for (let d = dayStart(query.from, offset); d <= query.to; d += DAY) days.set(d, { lives: 0, viewers: 0, seconds: 0 });
    }
    let internal = 0;
    let external = 0;
    let seconds = 0;
    let unsynced = 0;
    let unsyncedViewers = 0;
    for (const l of lives) {
      if (!l.synced) {
        unsynced++;
        unsyncedViewers += l.internal;
      } else {
        internal += l.internal;
        external += l.external;
      }
      const d = dayStart(l.living_start, offset);
      const day = days.get(d) ?? { lives: 0, viewers: 0, seconds: 0 };
      day.lives++;
      day.viewers += l.internal + l.external;
      day.seconds += l.seconds;
      days.set(d, day);
      seconds += l.seconds;
    }

    const level = levelOf(query);
    const liveIds = lives.map((l) => l.id);
    const completionByDepartment = completionBy(
      audience?.departments ??
        (level === 1
          ? // 一级部门 are the divisions summed when the stats were fetched, held in memory per live
            divisionSums.sum(liveIds)
          : departmentSums.byDepartment(liveIds)),
      level,
    );

    const topLives = [...lives]
      .sort((a, b) => b.internal + b.external - (a.internal + a.external) || b.seconds - a.seconds)
      .slice(0, 10)
      .map((l) => ({
        livingid: l.livingid,
        theme: l.theme,
        livingStart: l.living_start,
        viewers: l.internal + l.external,
        watchHours: l.synced ? hours(l.seconds) : null,
      }));

    return {
      asOf: asOf(),
      trend: [...days]
        .sort((a, b) => a[0] - b[0])
        .map(([d, v]) => ({ day: Math.max(0, d), lives: v.lives, viewers: v.viewers, watchHours: hours(v.seconds) })),
      completionByDepartment,
      share: { internal, external },
      topLives,
      totals: { lives: lives.length, viewers: internal + external + unsyncedViewers, watchHours: hours(seconds) },
      unsynced: { lives: audience ? audience.unsynced : unsynced, viewers: unsyncedViewers, counted: !audience },
    };
  }

  /**
   * Reads ahead, a slice of lives at a time, the per-live sums a statistics request needs and the
   * cache does not hold yet: per department below 一级部门 and by the viewers' department, per
   * division at 一级部门. The services call it before such a request, so the first one does not
   * hold their thread for the whole read.
   */
  function readStatisticsFor(query: StatsOverviewQuery, pause: () => Promise<void>, slicing?: Slicing): Promise<void> {
    // the same choice statsOverview makes: division sums at 一级部门, department sums otherwise
    return byViewersOf(query) || levelOf(query) !== 1
      ? departmentSums.readAhead(pause, slicing)
      : divisionSums.warm(pause, slicing);
  }

  return { homeStats, statsOverview, readStatisticsFor, warmStatistics: divisionSums.warm };
}
