// Per-live watch summaries, computed when a live's watch fetch ends (or lazily when marked dirty,
// e.g. its length changed): totals, internal viewers per department and per division. Dashboards
// read these few rows per live instead of a million watch rows. Departments are those the viewers
// had when the stats were fetched (watch_internal.department_id): history does not move with
// later reorganisations.
import type { CacheContext } from './context.ts';
import type { Attendance } from './attendance.ts';
import type { OrgAggregates } from './org-aggregates.ts';

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
      const live = ctx.stmt('SELECT livingid, living_duration FROM lives WHERE id = ?').get(liveId) as
        { livingid: string; living_duration: number } | undefined;
      if (!live) return;
      aggregates.ensure();
      const params = { id: liveId, d: live.living_duration, at: ctx.now() };
      ctx
        .stmt(
          `INSERT OR REPLACE INTO live_summary
             (live_id, internal_viewers, external_viewers, watch_seconds, completion_sum, commenters, mic_users, dirty, computed_at)
           SELECT :id, COALESCE(sum(internal), 0), count(*) - COALESCE(sum(internal), 0), COALESCE(sum(watch_time), 0),
                  COALESCE(sum(${COMPLETION('watch_time')}), 0),
                  COALESCE(sum(is_comment > 0), 0), COALESCE(sum(is_mic > 0), 0), 0, :at
           FROM (SELECT 1 AS internal, watch_time, is_comment, is_mic FROM watch_internal WHERE live_id = :id
                 UNION ALL
                 SELECT 0, watch_time, is_comment, is_mic FROM watch_external WHERE live_id = :id)`,
        )
        .run(params);
      ctx.stmt('DELETE FROM live_dept_summary WHERE live_id = ?').run(liveId);
      ctx
        .stmt(
          `INSERT INTO live_dept_summary (live_id, department_id, viewers, watch_seconds, completion_sum)
           SELECT :id, COALESCE(department_id, 0), count(*), sum(watch_time), COALESCE(sum(${COMPLETION('watch_time')}), 0)
           FROM watch_internal WHERE live_id = :id
           GROUP BY 2`,
        )
        .run({ id: liveId, d: live.living_duration });
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
