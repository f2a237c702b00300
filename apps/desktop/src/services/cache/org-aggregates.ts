// Department closure, department members (subtrees included), user counts, divisions and tag
// member counts: computed once after org changes — a persisted dirty flag, so a crash in between
// is recovered — never per request.
import type { CacheContext } from './context.ts';

const DIRTY_KEY = 'org.aggregatesDirty';
/** WeCom allows 15 levels; anything deeper is a cycle or bad data. */
const MAX_DEPTH = 64;

export interface OrgAggregates {
  markDirty(): void;
  /** Recomputes when marked dirty. */
  ensure(): void;
  recompute(): void;
  /** Number of cached users (as of the last recompute). */
  userCount(): number;
  /** Number of cached users with this status (as of the last recompute). */
  statusCount(status: number): number;
  /** Changes with every recompute: results derived from the org can tell they are stale. */
  version(): number;
}

/** Each department's chain of ancestors, itself first, up to a root (a department whose parent is unknown). */
function ancestorChains(parents: Map<number, number>): Map<number, number[]> {
  const result = new Map<number, number[]>();
  for (const id of parents.keys()) {
    const chain = [id];
    let current = parents.get(id);
    while (
      current !== undefined &&
      parents.has(current) &&
      !chain.includes(current) &&
      chain.length < MAX_DEPTH
    ) {
      chain.push(current);
      current = parents.get(current);
    }
    result.set(id, chain);
  }
  return result;
}

export function createOrgAggregates(ctx: CacheContext): OrgAggregates {
  const { db } = ctx;

  function recompute(): void {
    ctx.tx(() => {
      const departments = db.prepare('SELECT id, parent_id FROM departments').raw().all() as Array<
        [number, number]
      >;
      const chains = ancestorChains(new Map(departments));

      db.prepare('DELETE FROM dept_closure').run();
      const insertClosure = ctx.stmt(
        'INSERT INTO dept_closure (ancestor, descendant, depth) VALUES (?, ?, ?)',
      );
      for (const [id, chain] of chains)
        chain.forEach((ancestor, depth) => insertClosure.run(ancestor, id, depth));

      // every user under every ancestor of its departments, once (in key order: appends)
      db.prepare('DELETE FROM department_members').run();
      db.prepare(
        `INSERT OR IGNORE INTO department_members (department_id, user_id)
         SELECT c.ancestor, ud.user_id FROM dept_closure c JOIN user_departments ud ON ud.department_id = c.descendant
         ORDER BY 1, 2`,
      ).run();

      const update = ctx.stmt(
        `UPDATE departments SET division_id = ?,
           user_count = (SELECT count(*) FROM user_departments WHERE department_id = departments.id),
           total_user_count = (SELECT count(*) FROM department_members WHERE department_id = departments.id)
         WHERE id = ?`,
      );
      for (const [id] of departments) {
        const chain = chains.get(id) ?? [id];
        // the department right below the root (itself when it is the root or right below it)
        const division = chain.length >= 2 ? chain[chain.length - 2] : chain[0];
        update.run(division ?? id, id);
      }

      db.prepare(
        `UPDATE tags SET member_count = (
           SELECT count(*) FROM (
             SELECT userid FROM tag_users WHERE tagid = tags.tagid
             UNION
             SELECT u.userid FROM tag_departments td
               CROSS JOIN department_members m ON m.department_id = td.department_id
               CROSS JOIN users u ON u.id = m.user_id
             WHERE td.tagid = tags.tagid))`,
      ).run();

      const users = (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
      ctx.setMeta('org.userCount', users);
      const byStatus = db.prepare('SELECT status, count(*) FROM users GROUP BY status').raw().all() as Array<
        [number, number]
      >;
      ctx.setMeta('org.statusCounts', Object.fromEntries(byStatus));
      ctx.setMeta('org.version', (ctx.getMeta<number>('org.version') ?? 0) + 1);
      ctx.setMeta(DIRTY_KEY, null);
    });
  }

  return {
    markDirty: () => ctx.setMeta(DIRTY_KEY, true),
    ensure() {
      if (ctx.getMeta<boolean>(DIRTY_KEY) === true) recompute();
    },
    recompute,
    userCount: () => ctx.getMeta<number>('org.userCount') ?? 0,
    version: () => ctx.getMeta<number>('org.version') ?? 0,
    statusCount(status) {
      let counts = ctx.getMeta<Record<string, number>>('org.statusCounts');
      if (!counts) {
        counts = Object.fromEntries(
          ctx.db.prepare('SELECT status, count(*) FROM users GROUP BY status').raw().all() as Array<
            [number, number]
          >,
        );
        ctx.setMeta('org.statusCounts', counts);
      }
      return counts[String(status)] ?? 0;
    },
  };
}
