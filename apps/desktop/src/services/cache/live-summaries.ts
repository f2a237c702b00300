// Per-live watch summaries, computed when a live's watch fetch ends (or lazily when marked dirty,
// e.g. its length changed): totals, the watch-time distribution and completion deciles, internal
// viewers per department and per division. Dashboards read these few rows per live instead of
// millions of watch rows. Only the live's current generation of rows counts. Departments are those the viewers
// had when the stats were fetched (watch_internal.department_id): history does not move with
// later reorganisations.
import type { CacheContext } from './context.ts';
import type { Attendance } from './attendance.ts';
import { packDepartments } from './department-pack.ts';
import { writeDivisionRows } from './division-rows.ts';
import type { OrgAggregates } from './org-aggregates.ts';

/** Watch-time buckets (lower bounds, seconds) and their labels. */
export const WATCH_BUCKETS = [
  { fromSeconds: 0, label: '0–5 min' },
  { fromSeconds: 300, label: '5–15 min' },
  { fromSeconds: 900, label: '15–30 min' },
  { fromSeconds: 1800, label: '30–60 min' },
  { fromSeconds: 3600, label: '1–2 h' },
  { fromSeconds: 7200, label: '2 h+' },
] as const;

// a viewer's bucket index (WATCH_BUCKETS) and completion decile (0–9; NULL when the length is unknown)
const BUCKET = `CASE WHEN watch_time >= 7200 THEN 5 WHEN watch_time >= 3600 THEN 4 WHEN watch_time >= 1800 THEN 3
  WHEN watch_time >= 900 THEN 2 WHEN watch_time >= 300 THEN 1 ELSE 0 END`;
// integer arithmetic: exact decile edges (90% of 3600 s is 3240 s, not 3239.99…)
const DECILE = 'CASE WHEN :d > 0 THEN min(9, (watch_time * 10) / CAST(:d AS INTEGER)) END';

export interface LiveSummaries {
  markDirty(liveId: number): void;
  /** Recomputes one live's summaries now. */
  recompute(liveId: number): void;
  /** Recomputes the summaries marked dirty. */
  refreshDirty(): void;
  /** Recomputes the summary of one live when dirty. */
  ensure(liveId: number): void;
  /** The totals of one generation of a live's rows (a read; one pass over them). */
  totalsOf(liveId: number, generation: number): SummaryTotals | null;
  /** Its internal viewers per department (a read; one pass over them). */
  departmentsOf(liveId: number, generation: number, duration: number): DepartmentSummary[];
  /** Stores computed parts as the live's summaries (small writes; the caller holds the transaction). */
  write(liveId: number, totals: SummaryTotals, departments: DepartmentSummary[]): void;
  /** Computes the live's attendance now, so that dashboards find it ready. */
  attend(liveId: number): void;
  /** The same in steps (a merge's), a `yield` between them. */
  attendSteps(liveId: number): Generator<void, void, undefined>;
}

export interface SummaryTotals {
  /** the live's length the completion was computed with */
  duration: number;
  internal: number;
  external: number;
  seconds: number;
  completion: number;
  commenters: number;
  mics: number;
  distribution: number[];
  deciles: number[];
}

/** Totals of a live nobody watched yet: what a summary adds viewers up from. */
export function emptyTotals(duration: number): SummaryTotals {
  return {
    duration,
    internal: 0,
    external: 0,
    seconds: 0,
    completion: 0,
    commenters: 0,
    mics: 0,
    distribution: Array.from({ length: WATCH_BUCKETS.length }, () => 0),
    deciles: Array.from({ length: 10 }, () => 0),
  };
}

export interface DepartmentSummary {
  departmentId: number;
  viewers: number;
  seconds: number;
  completion: number;
}

// completion of one viewer: min(1, watch_time / living_duration); NULL when the length is unknown
const COMPLETION = (time: string) => `CASE WHEN :d > 0 THEN min(1.0, ${time} * 1.0 / :d) END`;

export function createLiveSummaries(
  ctx: CacheContext,
  aggregates: OrgAggregates,
  attendance: Attendance,
): LiveSummaries {
  const liveOf = (liveId: number) =>
    ctx.stmt('SELECT livingid, living_duration, watch_generation AS gen FROM lives WHERE id = ?').get(liveId) as
      | { livingid: string; living_duration: number; gen: number }
      | undefined;

  function totalsOf(liveId: number, generation: number): SummaryTotals | null {
    const live = liveOf(liveId);
    if (!live) return null;
    const d = live.living_duration;
    const totals = emptyTotals(d);
    // one pass over both tables, grouped by watch-time bucket and decile
    const groups = ctx
      .stmt(
        `SELECT ${BUCKET} AS bucket, ${DECILE} AS decile, count(*) AS n, sum(internal) AS internal,
                sum(watch_time) AS seconds, COALESCE(sum(${COMPLETION('watch_time')}), 0) AS completion,
                sum(is_comment > 0) AS commenters, sum(is_mic > 0) AS mics
         FROM (SELECT 1 AS internal, watch_time, is_comment, is_mic FROM watch_internal WHERE live_id = :id AND generation = :gen
               UNION ALL
               SELECT 0, watch_time, is_comment, is_mic FROM watch_external WHERE live_id = :id AND generation = :gen)
         GROUP BY 1, 2`,
      )
      .all({ id: liveId, gen: generation, d }) as Array<{
      bucket: number;
      decile: number | null;
      n: number;
      internal: number;
      seconds: number;
      completion: number;
      commenters: number;
      mics: number;
    }>;
    for (const g of groups) {
      totals.internal += g.internal;
      totals.external += g.n - g.internal;
      totals.seconds += g.seconds;
      totals.completion += g.completion;
      totals.commenters += g.commenters;
      totals.mics += g.mics;
      totals.distribution[g.bucket] = (totals.distribution[g.bucket] ?? 0) + g.n;
      if (g.decile !== null) totals.deciles[g.decile] = (totals.deciles[g.decile] ?? 0) + g.n;
    }
    return totals;
  }

  function departmentsOf(liveId: number, generation: number, duration: number): DepartmentSummary[] {
    return ctx
      .stmt(
        `SELECT COALESCE(department_id, 0) AS departmentId, count(*) AS viewers, sum(watch_time) AS seconds,
                COALESCE(sum(${COMPLETION('watch_time')}), 0) AS completion
         FROM watch_internal WHERE live_id = :id AND generation = :gen
         GROUP BY 1`,
      )
      .all({ id: liveId, gen: generation, d: duration }) as DepartmentSummary[];
  }

  function write(liveId: number, totals: SummaryTotals, departments: DepartmentSummary[]): void {
    aggregates.ensure();
    const live = liveOf(liveId);
    ctx
      .stmt(
        `INSERT OR REPLACE INTO live_summary
           (live_id, internal_viewers, external_viewers, watch_seconds, completion_sum, commenters, mic_users, dirty,
            computed_at, distribution, completion, departments)
         VALUES (:id, :internal, :external, :seconds, :completion, :commenters, :mics, :dirty, :at, :distribution, :deciles,
                 :departments)`,
      )
      .run({
        id: liveId,
        internal: totals.internal,
        external: totals.external,
        seconds: totals.seconds,
        completion: totals.completion,
        commenters: totals.commenters,
        mics: totals.mics,
        // the live's length changed since the parts were computed: computed again on the next read
        dirty: live && live.living_duration !== totals.duration ? 1 : 0,
        at: ctx.now(),
        distribution: JSON.stringify(totals.distribution),
        deciles: JSON.stringify(totals.deciles),
        departments: packDepartments(departments),
      });
    ctx.stmt('DELETE FROM live_dept_summary WHERE live_id = ?').run(liveId);
    const insert = ctx.stmt(
      `INSERT INTO live_dept_summary (live_id, department_id, viewers, watch_seconds, completion_sum) VALUES (?, ?, ?, ?, ?)`,
    );
    for (const d of departments) insert.run(liveId, d.departmentId, d.viewers, d.seconds, d.completion);
    writeDivisionRows(ctx, liveId);
  }

  function attend(liveId: number): void {
    const live = liveOf(liveId);
    // ready before anyone asks (the audience is usually set when the live is scheduled)
    if (live) attendance.get(liveId, live.livingid);
  }

  function* attendSteps(liveId: number): Generator<void, void, undefined> {
    const live = liveOf(liveId);
    if (live) yield* attendance.count(liveId, live.livingid);
  }

  function recompute(liveId: number): void {
    ctx.tx(() => {
      const live = liveOf(liveId);
      if (!live) return;
      const totals = totalsOf(liveId, live.gen);
      if (!totals) return;
      write(liveId, totals, departmentsOf(liveId, live.gen, totals.duration));
      attend(liveId);
    });
  }

  return {
    markDirty(liveId) {
      ctx
        .stmt(
          `INSERT INTO live_summary (live_id, dirty) VALUES (?, 1)
           ON CONFLICT(live_id) DO UPDATE SET dirty = 1 WHERE dirty = 0`,
        )
        .run(liveId);
    },
    recompute,
    refreshDirty() {
      const dirty = ctx.stmt('SELECT live_id FROM live_summary WHERE dirty = 1').pluck().all() as number[];
      if (dirty.length > 0) ctx.tx(() => dirty.forEach(recompute));
    },
    ensure(liveId) {
      const row = ctx.stmt('SELECT dirty FROM live_summary WHERE live_id = ?').get(liveId) as
        { dirty: number } | undefined;
      if (row?.dirty === 1) recompute(liveId);
    },
    totalsOf,
    departmentsOf,
    write,
    attend,
    attendSteps,
  };
}
