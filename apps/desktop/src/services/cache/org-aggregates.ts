// Department closure, department members (subtrees included), user counts, divisions and tag
// member counts: computed once after org changes — a persisted dirty flag, so a crash in between
// is recovered — never per request. After a full sync they are recomputed in short steps (one
// department, or one user-id range of a big one, at a time), so calls are answered in between.
import type Database from 'better-sqlite3';
import type { CacheContext } from './context.ts';
import { followDivisionChanges } from './division-rows.ts';

const DIRTY_KEY = 'org.aggregatesDirty';
/** WeCom allows 15 levels; anything deeper is a cycle or bad data. */
const MAX_DEPTH = 64;

export interface OrgAggregates {
  markDirty(): void;
  /** Recomputes when marked dirty. */
  ensure(): void;
  /** Recomputes everything now, in one transaction. */
  recompute(): void;
  /**
   * Recomputes in short transactions, one per step (the caller yields between steps). Readers see
   * the previous values of a department until its step commits; the dirty flag stays set until the
   * last step, so a crash in between is recovered by the next ensure().
   */
  recomputeInSteps(): Generator<void, void>;
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

/** Work per step of a stepwise recompute: steps end once this much time has passed. */
const STEP_BUDGET_MS = 4;
/** department_members rows rewritten by one unit of work, about (units never split). */
const MEMBERS_PER_UNIT = 1_500;

/** The dirty mark: a number that grows with every org write (true in older files). */
const dirtyMark = (value: unknown): number => (typeof value === 'number' ? value : value ? 1 : 0);

/**
 * Runs units of work in transactions of about STEP_BUDGET_MS each, yielding between them;
 * `first` runs at the start of every transaction (a check, a mark that must ride along).
 */
export function* inBudgetedSteps(
  ctx: CacheContext,
  units: ReadonlyArray<() => void>,
  first?: () => void,
): Generator<void, void> {
  for (let next = 0; next < units.length; ) {
    const deadline = performance.now() + STEP_BUDGET_MS;
    ctx.tx(() => {
      first?.();
      while (next < units.length) {
        units[next++]?.();
        if (performance.now() >= deadline) break;
      }
    });
    yield;
  }
}

export function createOrgAggregates(ctx: CacheContext): OrgAggregates {
  const { db } = ctx;

  const updateCounts = (): Database.Statement =>
    ctx.stmt(
      `UPDATE departments SET division_id = ?,
         user_count = (SELECT count(*) FROM user_departments WHERE department_id = departments.id),
         total_user_count = (SELECT count(*) FROM department_members WHERE department_id = departments.id)
       WHERE id = ?`,
    );
  /** The department right below the root (itself when it is the root or right below it). */
  const division = (chains: Map<number, number[]>, id: number): number => {
    const chain = chains.get(id) ?? [id];
    return (chain.length >= 2 ? chain[chain.length - 2] : chain[0]) ?? id;
  };

  function replaceClosure(chains: Map<number, number[]>): void {
    db.prepare('DELETE FROM dept_closure').run();
    const insertClosure = ctx.stmt('INSERT INTO dept_closure (ancestor, descendant, depth) VALUES (?, ?, ?)');
    for (const [id, chain] of chains) chain.forEach((ancestor, depth) => insertClosure.run(ancestor, id, depth));
  }

  /** Tag member counts and the org-wide counts; clears the dirty flag unless marked again since `mark`. */
  function finish(mark: number): void {
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
    // the lives' sums per division follow departments moved to another division
    followDivisionChanges(ctx);
    // an org write between the steps may have missed the departments already done: stay dirty
    if (dirtyMark(ctx.getMeta(DIRTY_KEY)) === mark) ctx.setMeta(DIRTY_KEY, null);
  }

  /** Everything at once: the fastest way, for one transaction. */
  function recompute(): void {
    ctx.tx(() => {
      const mark = dirtyMark(ctx.getMeta(DIRTY_KEY));
      const departments = db.prepare('SELECT id, parent_id FROM departments').raw().all() as Array<[number, number]>;
      const chains = ancestorChains(new Map(departments));
      replaceClosure(chains);
      // every user under every ancestor of its departments, once (in key order: appends)
      db.prepare('DELETE FROM department_members').run();
      db.prepare(
        `INSERT OR IGNORE INTO department_members (department_id, user_id)
         SELECT c.ancestor, ud.user_id FROM dept_closure c JOIN user_departments ud ON ud.department_id = c.descendant
         ORDER BY 1, 2`,
      ).run();
      const update = updateCounts();
      for (const [id] of departments) update.run(division(chains, id), id);
      finish(mark);
    });
  }

  function* recomputeInSteps(): Generator<void, void> {
    const mark = dirtyMark(ctx.getMeta(DIRTY_KEY));
    const departments = ctx.stmt('SELECT id, parent_id FROM departments').raw().all() as Array<[number, number]>;
    const chains = ancestorChains(new Map(departments));
    const known = new Set(departments.map(([id]) => id));
    yield;

    // the closure is small (departments × depth): replaced at once
    ctx.tx(() => {
      const previous = ctx.stmt('SELECT DISTINCT ancestor FROM dept_closure').pluck().all() as number[];
      const dropMembers = ctx.stmt('DELETE FROM department_members WHERE department_id = ?');
      for (const id of previous) if (!known.has(id)) dropMembers.run(id);
      replaceClosure(chains);
    });
    yield;

    // every user under every ancestor of its departments, once: per department, and per range of
    // user ids for a big subtree, so no unit writes more than about MEMBERS_PER_UNIT rows
    const direct = new Map(
      ctx.stmt('SELECT department_id, count(*) FROM user_departments GROUP BY 1').raw().all() as Array<[number, number]>,
    );
    const subtree = new Map<number, number>();
    for (const [id, chain] of chains) {
      const n = direct.get(id) ?? 0;
      for (const ancestor of chain) subtree.set(ancestor, (subtree.get(ancestor) ?? 0) + n);
    }
    const maxUserId = ctx.stmt('SELECT COALESCE(max(id), 0) FROM users').pluck().get() as number;
    const dropRange = ctx.stmt('DELETE FROM department_members WHERE department_id = ? AND user_id >= ? AND user_id < ?');
    const fillRange = ctx.stmt(
      `INSERT OR IGNORE INTO department_members (department_id, user_id)
       SELECT c.ancestor, ud.user_id
       FROM dept_closure c CROSS JOIN user_departments ud ON ud.department_id = c.descendant -- closure first
       WHERE c.ancestor = ? AND ud.user_id >= ? AND ud.user_id < ?
       ORDER BY 2`,
    );
    const update = updateCounts();
    const units: Array<() => void> = [];
    for (const [id] of departments) {
      const ranges = Math.max(1, Math.ceil((subtree.get(id) ?? 0) / MEMBERS_PER_UNIT));
      const width = Math.ceil((maxUserId + 1) / ranges);
      for (let range = 0; range < ranges; range++) {
        const low = range * width;
        // the last range is open: it also clears ids of users removed since
        const high = range === ranges - 1 ? Number.MAX_SAFE_INTEGER : low + width;
        units.push(() => {
          dropRange.run(id, low, high);
          fillRange.run(id, low, high);
        });
      }
      units.push(() => update.run(division(chains, id), id));
    }
    yield* inBudgetedSteps(ctx, units);
    ctx.tx(() => finish(mark));
  }

  return {
    markDirty: () => ctx.setMeta(DIRTY_KEY, dirtyMark(ctx.getMeta(DIRTY_KEY)) + 1),
    ensure() {
      if (dirtyMark(ctx.getMeta(DIRTY_KEY)) > 0) recompute();
    },
    recompute,
    recomputeInSteps,
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
