// The end of a full org sync in short transactions (finishOrgSyncInSteps): the same result as the
// one-transaction end, whole rows only when stopped part-way, and no lost recount when the org
// changes between steps.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCache, type Cache, type WireUser } from '../../src/services/cache/index.ts';
import { departments, openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** Enough users that the root's member list is rebuilt in several user-id ranges. */
const MANY = 9_000;
const manyUsers = (prefix: string): WireUser[] =>
  Array.from({ length: MANY }, (_, i) => ({
    userid: `${prefix}${i}`,
    name: `成员${i}`,
    department: i % 7 === 0 ? [4, 5] : [2 + (i % 4)],
    status: 1,
  }));

/** A full sync that keeps every department but only a third of the users, with some moved. */
function startShrinkingSync(cache: Cache): number {
  const generation = cache.beginOrgSync();
  cache.upsertDepartments(departments, T0 + 10);
  const kept = manyUsers('m').filter((_, i) => i % 3 === 0);
  cache.upsertUsers(
    kept.map((u, i) => (i % 5 === 0 ? { ...u, department: [3] } : u)),
    T0 + 10,
  );
  cache.upsertTags([{ tagid: 2, tagname: '新员工' }], T0 + 10);
  cache.replaceTagMembers(2, { userlist: ['m3'], partylist: [2] }, T0 + 10);
  return generation;
}

function withManyUsers(file: string): Cache {
  const cache = openWithOrg(file);
  const generation = cache.beginOrgSync();
  cache.upsertDepartments(departments, T0 + 5);
  cache.upsertUsers(manyUsers('m'), T0 + 5);
  cache.upsertTags([{ tagid: 2, tagname: '新员工' }], T0 + 5);
  cache.finishOrgSync(generation, T0 + 5);
  return cache;
}

/** Department counts straight from the tables, without the aggregates. */
function trueCounts(file: string): Array<[number, number]> {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(
        `WITH RECURSIVE tree(ancestor, id) AS (
           SELECT id, id FROM departments
           UNION ALL SELECT t.ancestor, d.id FROM tree t JOIN departments d ON d.parent_id = t.id)
         SELECT t.ancestor, count(DISTINCT ud.user_id) FROM tree t
           JOIN user_departments ud ON ud.department_id = t.id
         GROUP BY 1 ORDER BY 1`,
      )
      .raw()
      .all() as Array<[number, number]>;
  } finally {
    db.close();
  }
}

const counts = (cache: Cache) =>
  cache
    .departments()
    .departments.map((d) => [d.id, d.totalUserCount] as [number, number])
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);

describe('finishOrgSyncInSteps', () => {
  it('removes and recounts exactly like the one-transaction end', () => {
    const stepwise = withManyUsers(tmp.file());
    const atOnce = withManyUsers(tmp.file());
    try {
      const a = startShrinkingSync(stepwise);
      const b = startShrinkingSync(atOnce);
      const run = stepwise.finishOrgSyncInSteps(a, T0 + 20);
      let steps = 0;
      let step = run.next();
      for (; step.done !== true; step = run.next()) steps++;
      const expected = atOnce.finishOrgSync(b, T0 + 20);
      expect(steps).toBeGreaterThan(3);
      expect(step.value).toEqual(expected);
      expect(step.value.removed.users).toBe(MANY - MANY / 3);
      expect(counts(stepwise)).toEqual(counts(atOnce));
      expect(counts(stepwise)).toEqual(trueCounts(stepwise.path));
      expect(stepwise.tags().tags).toEqual(atOnce.tags().tags);
      expect(stepwise.searchUsers({ status: 1 }).total).toBe(MANY / 3);
      expect(stepwise.getMeta('org.aggregatesDirty')).toBeNull();
      expect(stepwise.lastSync().org).toBe(T0 + 20);
    } finally {
      stepwise.close();
      atOnce.close();
    }
  });

  it('killed part-way: whole rows, the sync unfinished, counts recomputed on the next read', async () => {
    const file = tmp.file();
    let cache = withManyUsers(file);
    const generation = startShrinkingSync(cache);
    cache.close();
    // a child process ends the sync and is killed with SIGKILL after three steps (inside the sweep)
    const child = fork(join(import.meta.dirname, 'fixtures', 'org-finisher.ts'), [file, String(generation), '3'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ended = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));
    expect(ended).toBe('SIGKILL');

    cache = openCache(file);
    try {
      expect(cache.integrityCheck()).toBe('ok');
      const remaining = cache.searchUsers({}).total;
      expect(remaining).toBeLessThan(MANY);
      expect(remaining).toBeGreaterThan(MANY / 3);
      // no half-removed user: a user is either gone with its links and search row, or whole
      const db = new Database(file, { readonly: true });
      try {
        const orphans = db
          .prepare(
            `SELECT (SELECT count(*) FROM user_departments WHERE user_id NOT IN (SELECT id FROM users))
                  + (SELECT count(*) FROM users_fts WHERE rowid NOT IN (SELECT id FROM users))
                  + (SELECT count(*) FROM users WHERE id NOT IN (SELECT rowid FROM users_fts))`,
          )
          .pluck()
          .get();
        expect(orphans).toBe(0);
      } finally {
        db.close();
      }
      expect(cache.getMeta<{ active: number | null }>('org.generation')?.active).toBe(generation);
      expect(cache.lastSync().org).not.toBe(T0 + 20);
      expect(counts(cache)).toEqual(trueCounts(file));

      // the next full sync sweeps what is left
      const next = startShrinkingSync(cache);
      const run2 = cache.finishOrgSyncInSteps(next, T0 + 30);
      while (run2.next().done !== true) {
        // each step commits on its own
      }
      expect(cache.searchUsers({}).total).toBe(MANY / 3);
      expect(counts(cache)).toEqual(trueCounts(file));
    } finally {
      cache.close();
    }
  });

  it('an org write between the recount steps is not lost', () => {
    const cache = withManyUsers(tmp.file());
    try {
      const generation = startShrinkingSync(cache);
      const run = cache.finishOrgSyncInSteps(generation, T0 + 20);
      // run until the sync is marked complete, then one step into the recount
      while (cache.getMeta<{ active: number | null }>('org.generation')?.active !== null) run.next();
      run.next();
      cache.upsertUsers([{ userid: 'm0', department: [5] }, { userid: 'new1', department: [4] }], T0 + 25);
      while (run.next().done !== true) {
        // each step commits on its own
      }
      expect(cache.getMeta('org.aggregatesDirty')).not.toBeNull();
      expect(counts(cache)).toEqual(trueCounts(cache.path));
      expect(cache.getMeta('org.aggregatesDirty')).toBeNull();
    } finally {
      cache.close();
    }
  });
});
