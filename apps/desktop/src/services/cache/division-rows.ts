// A live's sums per division (一级部门, live_division_summary) are its per-department sums
// (live_dept_summary) added up by each department's division. The departments keep the viewers'
// department when the stats were fetched; their division follows the current tree, so when a
// reorganisation moves departments to another division, the lives watched from them are added up
// again (department_divisions holds the divisions the stored sums were added up with).
import type { CacheContext } from './context.ts';

/** Rewrites one live's division sums from its per-department sums (the caller holds the transaction). */
export function writeDivisionRows(ctx: CacheContext, liveId: number): void {
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
}

/**
 * After departments.division_id was recomputed: adds up again the lives watched from a department
 * whose division changed (a department unknown counts as its own division), and keeps the divisions.
 */
export function followDivisionChanges(ctx: CacheContext): void {
  const before = new Map(
    ctx.stmt('SELECT department_id, division_id FROM department_divisions').raw().all() as Array<
      [number, number]
    >,
  );
  const now = new Map(
    ctx.stmt('SELECT id, COALESCE(division_id, id) FROM departments').raw().all() as Array<[number, number]>,
  );
  const changed = [...new Set([...before.keys(), ...now.keys()])].filter(
    (id) => (before.get(id) ?? id) !== (now.get(id) ?? id),
  );
  if (changed.length === 0) return;
  const lives = ctx
    .stmt(
      'SELECT DISTINCT live_id FROM live_dept_summary WHERE department_id IN (SELECT value FROM json_each(?))',
    )
    .pluck()
    .all(JSON.stringify(changed)) as number[];
  for (const liveId of lives) writeDivisionRows(ctx, liveId);
  ctx.stmt('DELETE FROM department_divisions').run();
  ctx
    .stmt(
      'INSERT INTO department_divisions (department_id, division_id) SELECT id, COALESCE(division_id, id) FROM departments',
    )
    .run();
}
