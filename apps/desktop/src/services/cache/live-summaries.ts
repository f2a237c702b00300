// Per-live watch summaries, computed when a live's watch fetch ends (or lazily when marked dirty,
// e.g. its length changed): totals, the watch-time distribution and completion deciles, internal
// viewers per department and per division. Dashboards read these few rows per live instead of
// millions of watch rows. Only the live's current generation of rows counts. Departments are those the viewers
// had when the stats were fetched (watch_internal.department_id): history does not move with
// later reorganisations.
import type { CacheContext } from './context.ts';
import type { Attendance } from './attendance.ts';
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
}

// completion of one viewer: min(1, watch_time / living_duration); NULL when the length is unknown
const COMPLETION = (time: string) => `CASE WHEN :d > 0 THEN min(1.0, ${time} * 1.0 / :d) END`;

export function createLiveSummaries(
  ctx: CacheContext,
  aggregates: OrgAggregates,
  attendance: Attendance,
): LiveSummaries {
  function recompute(liveId: number): void {
    ctx.tx(() => {
      const live = ctx
        .stmt('SELECT livingid, living_duration, watch_generation AS gen FROM lives WHERE id = ?')
        .get(liveId) as { livingid: string; living_duration: number; gen: number } | undefined;
      if (!live) return;
      aggregates.ensure();
      const params = { id: liveId, d: live.living_duration, at: ctx.now(), gen: live.gen };
      // one pass over the live's rows for the distribution and the deciles
      const distribution = Array.from({ length: WATCH_BUCKETS.length }, () => 0);
      const completion = Array.from({ length: 10 }, () => 0);
      const counts = ctx
        .stmt(
          `SELECT ${BUCKET} AS bucket, ${DECILE} AS decile, count(*) AS n
           FROM (SELECT watch_time FROM watch_internal WHERE live_id = :id AND generation = :gen
                 UNION ALL SELECT watch_time FROM watch_external WHERE live_id = :id AND generation = :gen)
           GROUP BY 1, 2`,
        )
        .all({ id: liveId, d: live.living_duration, gen: live.gen }) as Array<{ bucket: number; decile: number | null; n: number }>;
      for (const c of counts) {
        distribution[c.bucket] = (distribution[c.bucket] ?? 0) + c.n;
        if (c.decile !== null) completion[c.decile] = (completion[c.decile] ?? 0) + c.n;
      }
      ctx
        .stmt(
          `INSERT OR REPLACE INTO live_summary
             (live_id, internal_viewers, external_viewers, watch_seconds, completion_sum, commenters, mic_users, dirty, computed_at,
              distribution, completion)
           SELECT :id, COALESCE(sum(internal), 0), count(*) - COALESCE(sum(internal), 0), COALESCE(sum(watch_time), 0),
                  COALESCE(sum(${COMPLETION('watch_time')}), 0),
                  COALESCE(sum(is_comment > 0), 0), COALESCE(sum(is_mic > 0), 0), 0, :at, :distribution, :completion
           FROM (SELECT 1 AS internal, watch_time, is_comment, is_mic FROM watch_internal WHERE live_id = :id AND generation = :gen
                 UNION ALL
                 SELECT 0, watch_time, is_comment, is_mic FROM watch_external WHERE live_id = :id AND generation = :gen)`,
        )
        .run({ ...params, distribution: JSON.stringify(distribution), completion: JSON.stringify(completion) });
      ctx.stmt('DELETE FROM live_dept_summary WHERE live_id = ?').run(liveId);
      ctx
        .stmt(
          `INSERT INTO live_dept_summary (live_id, department_id, viewers, watch_seconds, completion_sum)
           SELECT :id, COALESCE(department_id, 0), count(*), sum(watch_time), COALESCE(sum(${COMPLETION('watch_time')}), 0)
           FROM watch_internal WHERE live_id = :id AND generation = :gen
           GROUP BY 2`,
        )
        .run({ id: liveId, d: live.living_duration, gen: live.gen });
      ctx.stmt('DELETE FROM live_division_summary WHERE live_id = ?').run(liveId);
      ctx
        .stmt(
          `INSERT INTO live_division_summary (live_id, division_id, viewers, watch_seconds, completion_sum)
           SELECT s.live_id, COALESCE(d.division_id, s.department_id), sum(s.viewers), sum(s.watch_seconds), sum(s.completion_sum)
           FROM live_dept_summary s LEFT JOIN departments d ON d.id = s.department_id
           WHERE s.live_id = ?
           GROUP BY 2`,
        )
        .run(liveId);
      // ready before anyone asks (the audience is usually set when the live is scheduled)
      attendance.get(liveId, live.livingid);
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
  };
}
