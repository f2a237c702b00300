// Attendance of a live against its audience (expected users, how many watched), kept in
// live_summary and recomputed only when its inputs change: the audience (its content), the org
// (aggregates version) or the watch rows (the fetch). Computed right after a fetch ends, so
// dashboards read it for free.
import type { Audience } from '../../shared/models.ts';
import { audienceQuery, readAudience } from './audience.ts';
import type { CacheContext } from './context.ts';
import type { OrgAggregates } from './org-aggregates.ts';

export interface AttendanceCounts {
  audience: number;
  attended: number;
  absent: number;
}

export interface Attendance {
  /** The audience stored for a live, or null. */
  audienceOf(livingid: string): Audience | null;
  /** Attendance of a live (cached when its inputs are unchanged); null without an audience. */
  get(liveId: number, livingid: string): AttendanceCounts | null;
}

export function createAttendance(ctx: CacheContext, aggregates: OrgAggregates): Attendance {
  const generationOf = (liveId: number) =>
    ctx.stmt('SELECT watch_generation FROM lives WHERE id = ?').pluck().get(liveId) as number;

  function get(liveId: number, livingid: string): AttendanceCounts | null {
    const audience = readAudience(ctx, livingid);
    if (!audience) return null;
    aggregates.ensure();
    // the watch rows change when a fetch (a generation) ends
    const fetch = ctx
      .stmt('SELECT generation, status FROM sync_state WHERE scope = ?')
      .get(`watch:${livingid}`) as { generation: number; status: string } | undefined;
    const key = `${audience.fingerprint}|${aggregates.version()}|${fetch?.generation ?? 0}:${fetch?.status ?? ''}`;
    const cached = ctx
      .stmt(
        'SELECT attendance_key, attendance_audience, attendance_attended FROM live_summary WHERE live_id = ?',
      )
      .get(liveId) as
      | {
          attendance_key: string | null;
          attendance_audience: number | null;
          attendance_attended: number | null;
        }
      | undefined;
    if (
      cached?.attendance_key === key &&
      cached.attendance_audience !== null &&
      cached.attendance_attended !== null
    ) {
      const { attendance_audience: total, attendance_attended: attended } = cached;
      return { audience: total, attended, absent: total - attended };
    }
    const members = audienceQuery(ctx, audience);
    const counts = ctx
      .stmt(
        `SELECT count(*) AS audience,
                sum(EXISTS (SELECT 1 FROM watch_internal w WHERE w.live_id = ? AND w.generation = ? AND w.userid = a.userid)) AS attended
         FROM (${members.sql}) a`,
      )
      .get(liveId, generationOf(liveId), ...members.params) as { audience: number; attended: number | null };
    const attended = counts.attended ?? 0;
    if (cached) {
      ctx
        .stmt(
          'UPDATE live_summary SET attendance_key = ?, attendance_audience = ?, attendance_attended = ? WHERE live_id = ?',
        )
        .run(key, counts.audience, attended, liveId);
    }
    return { audience: counts.audience, attended, absent: counts.audience - attended };
  }

  return { audienceOf: (livingid) => readAudience(ctx, livingid), get };
}
