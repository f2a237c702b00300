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
  /** The same, counted in steps: a `yield` between each MEMBERS_PER_STEP members (a merge runs them apart). */
  count(liveId: number, livingid: string): Generator<void, AttendanceCounts | null, undefined>;
}

/** Members counted per step of a merge: each probes the live's rows, ~1–2 µs a member at 10M watch rows. */
const MEMBERS_PER_STEP = 5_000;

export function createAttendance(ctx: CacheContext, aggregates: OrgAggregates, learners: RequiredLearnersSource): Attendance {
  const generationOf = (liveId: number) =>
    ctx.stmt('SELECT watch_generation FROM lives WHERE id = ?').pluck().get(liveId) as number;

  /**
   * Counts the live's attendance, `membersPerStep` members at a time with a `yield` between (a
   * merge's steps: a 20k-person audience took 25–50 ms in one count at 10M watch rows), and keeps
   * it with the key of what it was counted from.
   */
  function* counting(liveId: number, livingid: string, membersPerStep: number): Generator<void, AttendanceCounts | null, undefined> {
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
    // taken before the first step: a change meanwhile leaves a key that no longer matches, counted again when next asked
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
    // (19k people took ~80 ms listed and sorted, then sent back as JSON); a step takes the members
    // after the last one counted, in id order (each is listed once)
    const members = learners.membersQuery(required);
    const counts = { audience: 0, attended: 0 };
    if (members) {
      const generation = generationOf(liveId);
      const step = ctx.stmt(
        `WITH c AS MATERIALIZED (SELECT id FROM (${members.sql}) WHERE id > ? ORDER BY id LIMIT ?)
         SELECT (SELECT count(*) FROM c) AS taken, (SELECT max(id) FROM c) AS last,
                count(*) AS audience, COALESCE(sum(${WATCHED_LIVE}), 0) AS attended
         FROM c CROSS JOIN users u ON u.id = c.id
         WHERE ${EXPECTED}`,
      );
      for (let after = 0; ; ) {
        const r = step.get(...members.params, after, membersPerStep, liveId, generation) as {
          taken: number;
          last: number | null;
          audience: number;
          attended: number;
        };
        counts.audience += r.audience;
        counts.attended += r.attended;
        if (membersPerStep < 0 || r.taken < membersPerStep || r.last === null) break;
        after = r.last;
        yield;
      }
    }
    if (cached) {
      ctx
        .stmt(
          'UPDATE live_summary SET attendance_key = ?, attendance_audience = ?, attendance_attended = ? WHERE live_id = ?',
        )
        .run(key, counts.audience, counts.attended, liveId);
    }
    return { audience: counts.audience, attended: counts.attended, absent: counts.audience - counts.attended };
  }

  /** One count of everyone (SQLite's LIMIT -1: no limit). */
  function get(liveId: number, livingid: string): AttendanceCounts | null {
    const run = counting(liveId, livingid, -1);
    for (let step = run.next(); ; step = run.next()) if (step.done) return step.value;
  }

  return {
    audienceOf: (livingid) => readAudience(ctx, livingid),
    requiredOf: (livingid) => learners.required(livingid),
    membersOf: (required) => learners.members(required),
    membersQueryOf: (required) => learners.membersQuery(required),
    get,
    count: (liveId, livingid) => counting(liveId, livingid, MEMBERS_PER_STEP),
  };
}
