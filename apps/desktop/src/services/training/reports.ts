// Learner reports: for the lives of a period (optionally of one series), who was required, attended
// and completed, per person and per department, narrowed to a department (with its sub-departments)
// or one person.
import type { LearnerReport } from '../../shared/training.ts';
import type { CacheContext } from '../cache/context.ts';
import { departmentPaths } from '../cache/department-paths.ts';
import type { OrgAggregates } from '../cache/org-aggregates.ts';
import { liveFacts, liveStatuses } from './live-learners.ts';
import type { Learner, LearnerResolver } from './resolve-learners.ts';
import type { TrainingStore } from './store.ts';

export interface LearnerReportQuery {
  from: number;
  to: number;
  seriesId: number | null;
  departmentId: number | null;
  userid: string | null;
}

interface Tally {
  learner: Learner;
  required: number;
  requiredEnded: number;
  attended: number;
  completed: number;
}

const rate = (completed: number, requiredEnded: number) => (requiredEnded > 0 ? completed / requiredEnded : null);

export function createLearnerReports(ctx: CacheContext, store: TrainingStore, resolver: LearnerResolver, aggregates: OrgAggregates) {
  return function learnerReport(query: LearnerReportQuery): LearnerReport {
    const inSeries = query.seriesId === null ? null : new Set(store.getSeries(query.seriesId)?.livingids ?? []);
    const candidates = (
      ctx.stmt('SELECT livingid FROM lives WHERE living_start BETWEEN ? AND ? AND status != 4 ORDER BY living_start, id').pluck().all(query.from, query.to) as string[]
    ).filter((livingid) => inSeries === null || inSeries.has(livingid));
    let inDepartment: Set<string> | null = null;
    if (query.departmentId !== null) {
      aggregates.ensure();
      inDepartment = new Set(
        ctx
          .stmt('SELECT u.userid FROM department_members m JOIN users u ON u.id = m.user_id WHERE m.department_id = ?')
          .pluck()
          .all(query.departmentId) as string[],
      );
    }
    const keep = (l: Learner) => (inDepartment === null || inDepartment.has(l.userid)) && (query.userid === null || l.userid === query.userid);

    const lives: LearnerReport['lives'] = [];
    const tallies = new Map<string, Tally>();
    const resolved = new Map<string, Learner[]>();
    for (const livingid of candidates) {
      const effective = store.effectiveRequired(livingid);
      const facts = liveFacts(ctx, livingid);
      if (!effective || !facts) continue;
      const key = JSON.stringify(effective.required);
      let learners = resolved.get(key);
      if (!learners) {
        learners = resolver.resolve(effective.required);
        resolved.set(key, learners);
      }
      const result = liveStatuses(ctx, store, facts, learners.filter(keep));
      if (result.learners.length === 0) continue;
      lives.push({ livingid, theme: facts.theme, livingStart: facts.livingStart, ended: result.ended });
      for (const learner of result.learners) {
        let tally = tallies.get(learner.userid);
        if (!tally) {
          tally = { learner, required: 0, requiredEnded: 0, attended: 0, completed: 0 };
          tallies.set(learner.userid, tally);
        }
        const status = result.statuses.get(learner.userid)?.status;
        tally.required++;
        if (result.ended) tally.requiredEnded++;
        if (status === 'completed' || status === 'partial') tally.attended++;
        if (status === 'completed') tally.completed++;
      }
    }

    const pathOf = departmentPaths(ctx);
    const rows = [...tallies.values()]
      .map((t) => ({
        userid: t.learner.userid,
        name: t.learner.name,
        departmentPath: pathOf(t.learner.homeDepartment),
        required: t.required,
        attended: t.attended,
        completed: t.completed,
        completionRate: rate(t.completed, t.requiredEnded),
        requiredEnded: t.requiredEnded,
      }))
      .sort((a, b) => a.departmentPath.localeCompare(b.departmentPath, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || a.userid.localeCompare(b.userid));
    const departments = new Map<string, { learners: number; required: number; requiredEnded: number; attended: number; completed: number }>();
    for (const r of rows) {
      const d = departments.get(r.departmentPath) ?? { learners: 0, required: 0, requiredEnded: 0, attended: 0, completed: 0 };
      d.learners++;
      d.required += r.required;
      d.requiredEnded += r.requiredEnded;
      d.attended += r.attended;
      d.completed += r.completed;
      departments.set(r.departmentPath, d);
    }
    return {
      from: query.from,
      to: query.to,
      lives,
      rows: rows.map(({ requiredEnded: _ended, ...row }) => row),
      byDepartment: [...departments.entries()].map(([departmentPath, d]) => ({
        departmentPath,
        learners: d.learners,
        required: d.required,
        attended: d.attended,
        completed: d.completed,
        completionRate: rate(d.completed, d.requiredEnded),
      })),
    };
  };
}
