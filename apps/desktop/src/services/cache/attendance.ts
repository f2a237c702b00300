// Attendance of a live against its required learners (set on the live, its series, or the audience
// picked when creating it), kept in live_summary and recomputed only when its inputs change: the
// required learners (their content), the org (aggregates version) or the watch rows (the fetch).
// Computed right after a fetch ends, so dashboards read it for free. A live that has not ended has
// no attendance yet (nobody is absent from a live still to come).
import { createHash } from 'node:crypto';
import type { Audience } from '../../shared/models.ts';
import type { RequiredLearners } from '../../shared/training.ts';
import { EXPECTED, readAudience, WATCHED_LIVE } from './audience.ts';
import type { CacheContext } from './context.ts';
import type { OrgAggregates } from './org-aggregates.ts';

/** What attendance needs of the training records: a live's required learners and who they are. */
export interface RequiredLearnersSource {
  required(livingid: string): RequiredLearners | null;
  members(required: RequiredLearners): Array<{ id: number; userid: string }>;
  /** A SELECT of their users.id (any status), or null when they name no one. */
  membersQuery(required: RequiredLearners): { sql: string; params: unknown[] } | null;
}

export interface AttendanceCounts {
  audience: number;
  attended: number;
  absent: number;
}

export interface Attendance {
  /** The audience stored for a live, or null. */
  audienceOf(livingid: string): Audience | null;
  /** The live's required learners in force, or null. */
  requiredOf(livingid: string): RequiredLearners | null;
  /** The people required learners stand for. */
  membersOf(required: RequiredLearners): Array<{ id: number; userid: string }>;
  /** A SELECT of their users.id (any status), or null when they name no one. */
  membersQueryOf(required: RequiredLearners): { sql: string; params: unknown[] } | null;
  /** Attendance of an ended live (cached when its inputs are unchanged); null without required learners or before the end. */
  get(liveId: number, livingid: string): AttendanceCounts | null;
}

export function createAttendance(ctx: CacheContext, aggregates: OrgAggregates, learners: RequiredLearnersSource): Attendance {
  const generationOf = (liveId: number) =>
    ctx.stmt('SELECT watch_generation FROM lives WHERE id = ?').pluck().get(liveId) as number;

  function get(liveId: number, livingid: string): AttendanceCounts | null {
    const status = ctx.stmt('SELECT status FROM lives WHERE id = ?').pluck().get(liveId) as number | undefined;
    if (status !== 2) return null;
    const required = learners.required(livingid);
    if (!required) return null;
    aggregates.ensure();
    const audience = { fingerprint: createHash('sha1').update(JSON.stringify(required)).digest('base64url') };
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
    // counted in SQL from the members query: no list of the people built, none sorted by name
    // (19k people took ~80 ms listed and sorted, then sent back as JSON)
    const members = learners.membersQuery(required);
    const counts = members
      ? (ctx
          .stmt(
            `SELECT count(*) AS audience, sum(${WATCHED_LIVE}) AS attended
             FROM (${members.sql}) p CROSS JOIN users u ON u.id = p.id
             WHERE ${EXPECTED}`,
          )
          .get(liveId, generationOf(liveId), ...members.params) as { audience: number; attended: number | null })
      : { audience: 0, attended: 0 };
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

  return {
    audienceOf: (livingid) => readAudience(ctx, livingid),
    requiredOf: (livingid) => learners.required(livingid),
    membersOf: (required) => learners.members(required),
    membersQueryOf: (required) => learners.membersQuery(required),
    get,
  };
}
