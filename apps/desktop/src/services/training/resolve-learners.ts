// Expands required learners (departments with or without sub-departments, tags, people) to the people
// they stand for today. Disabled (2) and departed (5) people are not expected to attend.
import type { RequiredLearners } from '../../shared/training.ts';
import { EXPECTED } from '../cache/audience.ts';
import type { CacheContext } from '../cache/context.ts';
import type { OrgAggregates } from '../cache/org-aggregates.ts';

export interface Learner {
  id: number;
  userid: string;
  name: string;
  homeDepartment: number | null;
}

export interface LearnerResolver {
  /** The people, by name then userid, each once. */
  resolve(required: RequiredLearners): Learner[];
  /**
   * A SELECT of the users.id of everyone the learners name (disabled and departed people included;
   * each once), for a query to build on without listing them; null when it names no one.
   */
  idsQuery(required: RequiredLearners): { sql: string; params: unknown[] } | null;
}

export function createLearnerResolver(ctx: CacheContext, aggregates: OrgAggregates): LearnerResolver {
  function idsQuery(required: RequiredLearners): { sql: string; params: unknown[] } | null {
    aggregates.ensure();
    const parts: string[] = [];
    const params: unknown[] = [];
    if (required.userids.length > 0) {
      parts.push('SELECT u.id FROM json_each(?) j CROSS JOIN users u ON u.userid = j.value');
      params.push(JSON.stringify([...new Set(required.userids)]));
    }
    const withSub = required.departments.filter((d) => d.withSub).map((d) => d.id);
    const direct = required.departments.filter((d) => !d.withSub).map((d) => d.id);
    if (required.tagIds.length > 0) {
      parts.push('SELECT u.id FROM json_each(?) t CROSS JOIN tag_users tu ON tu.tagid = t.value CROSS JOIN users u ON u.userid = tu.userid');
      params.push(JSON.stringify(required.tagIds));
      // a tag's departments count with their sub-departments, as WeCom sends to them
      const tagDepartments = ctx
        .stmt('SELECT DISTINCT department_id FROM tag_departments WHERE tagid IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(JSON.stringify(required.tagIds)) as number[];
      withSub.push(...tagDepartments);
    }
    const subtrees = [...new Set(withSub)];
    if (subtrees.length === 1 && parts.length === 0 && direct.length === 0) {
      // one department's subtree: its members are listed once each, no de-duplication needed
      return { sql: 'SELECT m.user_id AS id FROM department_members m WHERE m.department_id = ?', params: subtrees };
    }
    if (subtrees.length > 0) {
      parts.push('SELECT m.user_id AS id FROM json_each(?) d CROSS JOIN department_members m ON m.department_id = d.value');
      params.push(JSON.stringify(subtrees));
    }
    if (direct.length > 0) {
      parts.push('SELECT ud.user_id AS id FROM json_each(?) d CROSS JOIN user_departments ud ON ud.department_id = d.value');
      params.push(JSON.stringify([...new Set(direct)]));
    }
    // UNION: each person once, whichever parts name them
    return parts.length === 0 ? null : { sql: parts.length === 1 ? `SELECT DISTINCT id FROM (${parts[0]})` : parts.join(' UNION '), params };
  }

  return {
    resolve(required) {
      const ids = idsQuery(required);
      if (ids === null) return [];
      return ctx
        .stmt(
          `SELECT u.id, u.userid, u.name, u.home_department AS homeDepartment
           FROM (${ids.sql}) p CROSS JOIN users u ON u.id = p.id
           WHERE ${EXPECTED} ORDER BY u.name, u.userid`,
        )
        .all(...ids.params) as Learner[];
    },
    idsQuery,
  };
}
