// Full org sync generations: a full sync takes a number, stamps every row it sees with it, and at
// its end sweeps the rows it did not see. Partial writes between full syncs keep the last number.
import type { CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import { inBudgetedSteps, type OrgAggregates } from './org-aggregates.ts';
import type { OrgSyncPart } from './types.ts';

const GENERATION_KEY = 'org.generation';

interface GenerationState {
  /** the last full sync that finished (its sweep ran) */
  completed: number;
  /** the running full sync, if any */
  active: number | null;
  /** the highest number handed out, so an abandoned sync's number is never reused */
  issued: number;
  include: OrgSyncPart[];
}

type Removed = Record<string, number>;

/** Rows each part's sweep removes: stale ids first, then one delete per id (a row stamped since stays). */
const SWEEPS: Array<{ part: OrgSyncPart; stale: string; remove: string[] }> = [
  {
    part: 'users',
    stale: 'SELECT id FROM users WHERE generation < ?',
    remove: [
      'DELETE FROM users_fts WHERE rowid = (SELECT id FROM users WHERE id = ? AND generation < ?)',
      'DELETE FROM users WHERE id = ? AND generation < ?',
    ],
  },
  {
    part: 'departments',
    stale: 'SELECT id FROM departments WHERE generation < ?',
    remove: ['DELETE FROM departments WHERE id = ? AND generation < ?'],
  },
  {
    part: 'tags',
    stale: 'SELECT tagid FROM tags WHERE generation < ?',
    remove: ['DELETE FROM tags WHERE tagid = ? AND generation < ?'],
  },
];

export interface OrgGenerations {
  /** The generation rows written now carry: the running full sync's, or the last completed one's. */
  stamp(): number;
  beginOrgSync(options?: { include?: OrgSyncPart[] }): number;
  finishOrgSync(generation: number, fetchedAt?: number): { removed: Removed };
  finishOrgSyncInSteps(generation: number, fetchedAt?: number): Generator<void, { removed: Removed }>;
  abortOrgSync(generation: number): void;
}

export function createOrgGenerations(ctx: CacheContext, aggregates: OrgAggregates): OrgGenerations {
  const generationState = (): GenerationState => ({
    completed: 0,
    active: null,
    issued: 0,
    include: [],
    ...ctx.getMeta<Partial<GenerationState>>(GENERATION_KEY),
  });

  function stamp(): number {
    const state = generationState();
    return state.active ?? state.completed;
  }

  function beginOrgSync(options: { include?: OrgSyncPart[] } = {}): number {
    const state = generationState();
    // a crashed or abandoned sync's number is never reused: its rows may be stamped with it
    const generation = Math.max(state.completed, state.active ?? 0, state.issued) + 1;
    ctx.setMeta(GENERATION_KEY, {
      ...state,
      active: generation,
      issued: generation,
      include: options.include ?? ['departments', 'users', 'tags'],
    });
    return generation;
  }

  /** The end of a full org sync; `stepwise` recomputes the aggregates in steps too. */
  function* finishSteps(generation: number, fetchedAt: number, stepwise: boolean): Generator<void, { removed: Removed }> {
    const at = Math.trunc(fetchedAt);
    const running = (): GenerationState => {
      const state = generationState();
      if (state.active !== generation) {
        throw new CacheError('conflict', `org sync ${generation} is not the running one (${String(state.active)})`);
      }
      return state;
    };
    const { include } = running();
    const removed: Removed = { users: 0, departments: 0, tags: 0 };
    for (const { part, stale, remove } of SWEEPS) {
      if (!include.includes(part)) continue;
      const ids = ctx.stmt(stale).pluck().all(generation) as number[];
      if (ids.length === 0) continue;
      yield;
      const statements = remove.map((sql) => ctx.stmt(sql));
      const units = ids.map((id) => () => {
        let changes = 0;
        for (const statement of statements) changes = statement.run(id, generation).changes;
        removed[part] = (removed[part] ?? 0) + changes;
      });
      // every step checks the sync still runs and marks the aggregates dirty with its removals
      yield* inBudgetedSteps(ctx, units, () => {
        running();
        aggregates.markDirty();
      });
    }
    ctx.tx(() => {
      const state = running();
      ctx.setMeta(GENERATION_KEY, { ...state, completed: generation, active: null, include: [] });
      ctx
        .stmt(
          `INSERT INTO sync_state (scope, status, fetched_at, generation, updated_at) VALUES ('org', 'done', ?, ?, ?)
           ON CONFLICT(scope) DO UPDATE SET status = 'done', cursor = NULL, fetched_at = excluded.fetched_at,
             generation = excluded.generation, updated_at = excluded.updated_at`,
        )
        .run(at, generation, ctx.now());
      ctx.touchDataset('org', at);
      aggregates.markDirty();
    });
    yield;
    if (stepwise) yield* aggregates.recomputeInSteps();
    else aggregates.recompute();
    return { removed };
  }

  /**
   * Ends a full org sync in short transactions (the caller yields between steps): rows the sync did
   * not see are removed in chunks (each user with its links and search row), then the sync is
   * marked complete, then the aggregates are recomputed step by step. A crash part-way leaves whole
   * rows only: the sync stays unfinished (the next full sync sweeps again) and the aggregates stay
   * marked dirty (the next read recomputes them).
   */
  function* finishOrgSyncInSteps(generation: number, fetchedAt = ctx.now()): Generator<void, { removed: Removed }> {
    const result = yield* finishSteps(generation, fetchedAt, true);
    // the org may have changed a lot: refresh the planner's statistics (sampled, quick)
    if (!ctx.db.inTransaction) ctx.db.pragma('optimize');
    return result;
  }

  function finishOrgSync(generation: number, fetchedAt = ctx.now()): { removed: Removed } {
    // one transaction: all or nothing
    const result = ctx.tx(() => {
      const run = finishSteps(generation, fetchedAt, false);
      for (;;) {
        const step = run.next();
        if (step.done === true) return step.value;
      }
    });
    if (!ctx.db.inTransaction) ctx.db.pragma('optimize');
    return result;
  }

  function abortOrgSync(generation: number): void {
    const state = generationState();
    if (state.active === generation) ctx.setMeta(GENERATION_KEY, { ...state, active: null, include: [] });
  }

  return { stamp, beginOrgSync, finishOrgSync, finishOrgSyncInSteps, abortOrgSync };
}
