// Expands a live's stored audience (userids, departments with their subtrees, tags with their users
// and departments) to users. Disabled (2) and departed (5) users are not expected to attend.
// The SQL is built for the audience at hand: one department (the usual case) is a single index
// range with no de-duplication; only mixed audiences pay for a UNION. CROSS JOINs fix the join
// order: start from the few picked ids, never scan the org.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Audience } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';

const storedAudience = z.object({
  userids: z.array(z.string()),
  department_ids: z.array(z.number()),
  tag_ids: z.array(z.number()),
});

/** The audience stored for a live, with a fingerprint of its content, or null. */
export function readAudience(
  ctx: CacheContext,
  livingid: string,
): (Audience & { fingerprint: string }) | null {
  const row = ctx
    .stmt('SELECT userids, department_ids, tag_ids FROM live_audience WHERE livingid = ?')
    .get(livingid) as { userids: string; department_ids: string; tag_ids: string } | undefined;
  if (!row) return null;
  const a = storedAudience.parse({
    userids: JSON.parse(row.userids),
    department_ids: JSON.parse(row.department_ids),
    tag_ids: JSON.parse(row.tag_ids),
  });
  const fingerprint = createHash('sha1')
    .update(`${row.userids}|${row.department_ids}|${row.tag_ids}`)
    .digest('base64url');
  return { userids: a.userids, departmentIds: a.department_ids, tagIds: a.tag_ids, fingerprint };
}

export interface AudienceQuery {
  /** a SELECT yielding distinct (id, userid) of the audience's users */
  sql: string;
  params: unknown[];
}

/** Of the users `u`, those expected to attend: not disabled (2) or departed (5). */
export const EXPECTED = 'u.status NOT IN (2, 5)';
/** User `u` watched the live for some time; binds the live's id and watch generation, in that order. */
export const WATCHED_LIVE =
  'EXISTS (SELECT 1 FROM watch_internal w WHERE w.live_id = ? AND w.generation = ? AND w.userid = u.userid AND w.watch_time > 0)';

export function audienceQuery(ctx: CacheContext, audience: Audience): AudienceQuery {
  const parts: AudienceQuery[] = [];
  const userids = [...new Set(audience.userids)];
  if (userids.length > 0) {
    parts.push({
      sql: `SELECT u.id, u.userid FROM json_each(?) j CROSS JOIN users u ON u.userid = j.value WHERE ${EXPECTED}`,
      params: [JSON.stringify(userids)],
    });
  }
  const tagIds = [...new Set(audience.tagIds)];
  if (tagIds.length > 0) {
    parts.push({
      sql: `SELECT DISTINCT u.id, u.userid FROM json_each(?) t CROSS JOIN tag_users tu ON tu.tagid = t.value
            CROSS JOIN users u ON u.userid = tu.userid WHERE ${EXPECTED}`,
      params: [JSON.stringify(tagIds)],
    });
  }
  const tagDepartments =
    tagIds.length > 0
      ? (ctx
          .stmt('SELECT department_id FROM tag_departments WHERE tagid IN (SELECT value FROM json_each(?))')
          .pluck()
          .all(JSON.stringify(tagIds)) as number[])
      : [];
  const departmentIds = [...new Set([...audience.departmentIds, ...tagDepartments])];
  if (departmentIds.length === 1) {
    parts.push({
      sql: `SELECT u.id, u.userid FROM department_members m CROSS JOIN users u ON u.id = m.user_id
            WHERE m.department_id = ? AND ${EXPECTED}`,
      params: departmentIds,
    });
  } else if (departmentIds.length > 1) {
    parts.push({
      sql: `SELECT DISTINCT u.id, u.userid FROM json_each(?) d CROSS JOIN department_members m ON m.department_id = d.value
            CROSS JOIN users u ON u.id = m.user_id WHERE ${EXPECTED}`,
      params: [JSON.stringify(departmentIds)],
    });
  }
  if (parts.length === 0) return { sql: 'SELECT NULL AS id, NULL AS userid WHERE 0', params: [] };
  return { sql: parts.map((p) => p.sql).join(' UNION '), params: parts.flatMap((p) => p.params) };
}
