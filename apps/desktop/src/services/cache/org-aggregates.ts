// Department closure, department user counts and tag member counts: computed once after org
// changes (a persisted dirty flag, so a crash in between is recovered), never per request.
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
}

export function createOrgAggregates(ctx: CacheContext): OrgAggregates {
  const { db } = ctx;

  function ancestorsOf(parents: Map<number, number>): Map<number, number[]> {
    const result = new Map<number, number[]>();
    for (const id of parents.keys()) {
      const chain = [id];
      let current = parents.get(id);
      while (current !== undefined && parents.has(current) && !chain.includes(current) && chain.length < MAX_DEPTH) {
        chain.push(current);
        current = parents.get(current);
      }
      result.set(id, chain);
    }
    return result;
  }

  function recompute(): void {
    ctx.tx(() => {
      const departments = db.prepare('SELECT id, parent_id FROM departments').raw().all() as Array<[number, number]>;
      const ancestors = ancestorsOf(new Map(departments));

      db.prepare('DELETE FROM dept_closure').run();
      const insertClosure = ctx.stmt('INSERT INTO dept_closure (ancestor, descendant, depth) VALUES (?, ?, ?)');
      for (const [id, chain] of ancestors) chain.forEach((ancestor, depth) => insertClosure.run(ancestor, id, depth));

      // one pass over the links, grouped by user: a user counts once per ancestor however many
      // of its departments sit below it
      const direct = new Map<number, number>();
      const total = new Map<number, number>();
      const links = db.prepare('SELECT user_id, department_id FROM user_departments ORDER BY user_id').raw().iterate() as IterableIterator<
        [number, number]
      >;
      let currentUser = -1;
      let seen = new Set<number>();
      const flush = () => {
        for (const d of seen) total.set(d, (total.get(d) ?? 0) + 1);
      };
      for (const [userId, departmentId] of links) {
        if (userId !== currentUser) {
          flush();
          seen = new Set();
          currentUser = userId;
        }
        direct.set(departmentId, (direct.get(departmentId) ?? 0) + 1);
        for (const a of ancestors.get(departmentId) ?? []) seen.add(a);
      }
      flush();

      const update = ctx.stmt('UPDATE departments SET user_count = ?, total_user_count = ? WHERE id = ?');
      for (const [id] of departments) update.run(direct.get(id) ?? 0, total.get(id) ?? 0, id);

      db.prepare(
        `UPDATE tags SET member_count = (
           SELECT count(*) FROM (
             SELECT userid FROM tag_users WHERE tagid = tags.tagid
             UNION
             SELECT u.userid FROM tag_departments td
               JOIN dept_closure c ON c.ancestor = td.department_id
               JOIN user_departments ud ON ud.department_id = c.descendant
               JOIN users u ON u.id = ud.user_id
             WHERE td.tagid = tags.tagid))`,
      ).run();

      const users = (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
      ctx.setMeta('org.userCount', users);
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
  };
}
