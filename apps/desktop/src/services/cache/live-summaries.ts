// Per-live watch summaries (totals, and internal viewers per main department) so dashboards read
// a few thousand summary rows instead of a million watch rows. A live's summary is marked dirty by
// every watch page and recomputed when its fetch finishes, or lazily by the next dashboard read.
import type { CacheContext } from './context.ts';

export interface LiveSummaries {
  markDirty(liveId: number): void;
  /** Recomputes one live's summaries now. */
  recompute(liveId: number): void;
  /** Recomputes the summaries marked dirty (normally the few lives being fetched). */
  refreshDirty(): void;
  /** Recomputes the summary of one live when dirty. */
  ensure(liveId: number): void;
  /** Rebuilds every live's per-department rows (after an org sync moved people). */
  rebuildDepartments(): void;
}

// completion of one viewer: min(1, watch_time / living_duration); NULL when the length is unknown
const COMPLETION = (time: string, duration: string) =>
  `CASE WHEN ${duration} > 0 THEN min(1.0, ${time} * 1.0 / ${duration}) END`;

export function createLiveSummaries(ctx: CacheContext): LiveSummaries {
  function recompute(liveId: number): void {
    ctx.tx(() => {
      const live = ctx.stmt('SELECT living_duration FROM lives WHERE id = ?').get(liveId) as
        | { living_duration: number }
        | undefined;
      if (!live) return;
      const d = live.living_duration;
      ctx
        .stmt(
          `INSERT OR REPLACE INTO live_summary
             (live_id, internal_viewers, external_viewers, watch_seconds, completion_sum, commenters, mic_users, dirty, computed_at)
           SELECT :id, COALESCE(sum(internal), 0), count(*) - COALESCE(sum(internal), 0), COALESCE(sum(watch_time), 0),
                  COALESCE(sum(${COMPLETION('watch_time', ':d')}), 0),
                  COALESCE(sum(is_comment > 0), 0), COALESCE(sum(is_mic > 0), 0), 0, :at
           FROM (SELECT 1 AS internal, watch_time, is_comment, is_mic FROM watch_internal WHERE live_id = :id
                 UNION ALL
                 SELECT 0, watch_time, is_comment, is_mic FROM watch_external WHERE live_id = :id)`,
        )
        .run({ id: liveId, d, at: ctx.now() });
      ctx.stmt('DELETE FROM live_dept_summary WHERE live_id = ?').run(liveId);
      ctx
        .stmt(
          `INSERT INTO live_dept_summary (live_id, department_id, viewers, watch_seconds, completion_sum)
           SELECT :id, COALESCE(u.home_department, 0), count(*), sum(w.watch_time),
                  COALESCE(sum(${COMPLETION('w.watch_time', ':d')}), 0)
           FROM watch_internal w LEFT JOIN users u ON u.userid = w.userid
           WHERE w.live_id = :id
           GROUP BY 2`,
        )
        .run({ id: liveId, d });
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
      const row = ctx.stmt('SELECT dirty FROM live_summary WHERE live_id = ?').get(liveId) as { dirty: number } | undefined;
      if (row?.dirty === 1) recompute(liveId);
    },
    rebuildDepartments() {
      ctx.tx(() => {
        ctx.db.prepare('DELETE FROM live_dept_summary').run();
        ctx.db
          .prepare(
            `INSERT INTO live_dept_summary (live_id, department_id, viewers, watch_seconds, completion_sum)
             SELECT w.live_id, COALESCE(u.home_department, 0), count(*), sum(w.watch_time),
                    COALESCE(sum(${COMPLETION('w.watch_time', 'l.living_duration')}), 0)
             FROM watch_internal w
               JOIN lives l ON l.id = w.live_id
               LEFT JOIN users u ON u.userid = w.userid
             GROUP BY w.live_id, 2`,
          )
          .run();
      });
    },
  };
}
