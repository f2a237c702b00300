// Org writes: departments, users (+ links and the search index), tags, and full-sync generations.
// Upserts are chunked, idempotent and keep fields a partial row (simplelist, list_id) lacks.
import { chunks, int, intOrNull, textOrNull, type CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import { inBudgetedSteps, type OrgAggregates } from './org-aggregates.ts';
import { searchColumns } from './search-text.ts';
import type {
  OrgSyncPart,
  WireDepartment,
  WireDeptUser,
  WireTag,
  WireTagMembers,
  WireUser,
} from './types.ts';

const GENERATION_KEY = 'org.generation';
const CHUNK = 2000;
const USER_STATUSES = new Set([1, 2, 4, 5]);

interface GenerationState {
  /** the last full sync that finished (its sweep ran) */
  completed: number;
  /** the running full sync, if any */
  active: number | null;
  /** the highest number handed out, so an abandoned sync's number is never reused */
  issued: number;
  include: OrgSyncPart[];
}

export function createOrgWrites(ctx: CacheContext, aggregates: OrgAggregates) {
  const generationState = (): GenerationState => ({
    completed: 0,
    active: null,
    issued: 0,
    include: [],
    ...ctx.getMeta<Partial<GenerationState>>(GENERATION_KEY),
  });
  /** Rows written now are "seen" by the running full sync, or by the last completed one. */
  const stamp = (): number => {
    const state = generationState();
    return state.active ?? state.completed;
  };

  // Users are merged in JS: a row missing a field keeps the stored value, and the search index
  // and department links are rewritten only when they change (a re-sync mostly changes nothing).
  const findUser = ctx.stmt(
    `SELECT id, name, position, status, main_department, home_department, alias, email, mobile
     FROM users WHERE userid = ?`,
  );
  const insertUser = ctx.stmt(
    `INSERT INTO users (userid, name, position, status, main_department, home_department, alias, email, mobile,
       generation, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updateUser = ctx.stmt(
    `UPDATE users SET name = ?, position = ?, status = ?, main_department = ?, home_department = ?, alias = ?,
       email = ?, mobile = ?, generation = max(generation, ?), fetched_at = ? WHERE id = ?`,
  );
  const touchUser = ctx.stmt('UPDATE users SET generation = max(generation, ?), fetched_at = ? WHERE id = ?');
  const insertSearch = ctx.stmt('INSERT INTO users_fts (rowid, words, bigrams) VALUES (?, ?, ?)');
  const replaceSearch = ctx.stmt('INSERT OR REPLACE INTO users_fts (rowid, words, bigrams) VALUES (?, ?, ?)');
  const findLinks = ctx
    .stmt(
      'SELECT department_id, sort_order, is_leader FROM user_departments WHERE user_id = ? ORDER BY link_order',
    )
    .raw();
  const deleteLinks = ctx.stmt('DELETE FROM user_departments WHERE user_id = ?');
  const insertLink = ctx.stmt(
    `INSERT INTO user_departments (user_id, department_id, link_order, sort_order, is_leader, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );

  interface StoredUser {
    id: number;
    name: string;
    position: string;
    status: number;
    main_department: number | null;
    home_department: number | null;
    alias: string | null;
    email: string | null;
    mobile: string | null;
  }

  /** Writes one user; true when counts may change (a new user, other departments or status). */
  function writeUser(row: WireUser, gen: number, at: number): boolean {
    if (typeof row.userid !== 'string' || row.userid === '') {
      throw new CacheError('conflict', 'a user row without userid');
    }
    const userid = row.userid;
    // links: WeCom lists each department once; keep the first if repeated
    let links: Array<[number, number, number]> | null = null;
    if (Array.isArray(row.department)) {
      const seen = new Set<number>();
      links = [];
      row.department.forEach((d, i) => {
        const departmentId = int(d, 0);
        if (seen.has(departmentId)) return;
        seen.add(departmentId);
        links?.push([departmentId, int(row.order?.[i], 0), int(row.is_leader_in_dept?.[i], 0) ? 1 : 0]);
      });
    }
    const status = intOrNull(row.status);
    const stored = findUser.get(userid) as StoredUser | undefined;
    const main = intOrNull(row.main_department) ?? stored?.main_department ?? null;
    const next = {
      name: typeof row.name === 'string' ? row.name : (stored?.name ?? ''),
      position: typeof row.position === 'string' ? row.position : (stored?.position ?? ''),
      status: status === null ? (stored?.status ?? 1) : USER_STATUSES.has(status) ? status : 1,
      main_department: main,
      // the main department, else the first linked one
      home_department: main || links?.[0]?.[0] || stored?.home_department || null,
      alias: textOrNull(row.alias) ?? stored?.alias ?? null,
      email: textOrNull(row.email) ?? textOrNull(row.biz_mail) ?? stored?.email ?? null,
      mobile: textOrNull(row.mobile) ?? stored?.mobile ?? null,
    };
    const search = () => {
      const { words, bigrams } = searchColumns([next.name, userid, next.alias, next.position]);
      return [words, bigrams] as const;
    };

    let id: number;
    if (!stored) {
      id = Number(
        insertUser.run(
          userid,
          next.name,
          next.position,
          next.status,
          next.main_department,
          next.home_department,
          next.alias,
          next.email,
          next.mobile,
          gen,
          at,
        ).lastInsertRowid,
      );
      insertSearch.run(id, ...search());
    } else {
      id = stored.id;
      const changed = (Object.keys(next) as Array<keyof typeof next>).some((k) => next[k] !== stored[k]);
      if (changed) {
        updateUser.run(
          next.name,
          next.position,
          next.status,
          next.main_department,
          next.home_department,
          next.alias,
          next.email,
          next.mobile,
          gen,
          at,
          id,
        );
        if (next.name !== stored.name || next.alias !== stored.alias || next.position !== stored.position) {
          replaceSearch.run(id, ...search());
        }
      } else {
        touchUser.run(gen, at, id);
      }
    }
    let moved = false;
    if (links) {
      const current = stored ? (findLinks.all(id) as Array<[number, number, number]>) : [];
      const same =
        current.length === links.length &&
        current.every((c, i) => c[0] === links[i]?.[0] && c[1] === links[i]?.[1] && c[2] === links[i]?.[2]);
      if (!same) {
        if (current.length > 0) deleteLinks.run(id);
        links.forEach(([departmentId, order, leader], i) =>
          insertLink.run(id, departmentId, i, order, leader, at),
        );
        moved = current.length !== links.length || current.some((c, i) => c[0] !== links[i]?.[0]);
      }
    }
    return !stored || moved || next.status !== stored.status;
  }

  function upsertUsers(rows: WireUser[], fetchedAt = ctx.now()): void {
    if (rows.length === 0) return;
    const gen = stamp();
    const at = Math.trunc(fetchedAt);
    for (const chunk of chunks(rows, CHUNK)) {
      ctx.tx(() => {
        let countsChange = false;
        for (const row of chunk) countsChange = writeUser(row, gen, at) || countsChange;
        ctx.touchDataset('org', at);
        // counts, members and search plans are recomputed lazily: only when they can change
        if (countsChange) aggregates.markDirty();
      });
    }
  }

  const upsertDepartment = ctx.stmt(
    `INSERT INTO departments (id, name, name_en, parent_id, sort_order, leaders, generation, fetched_at)
     VALUES (@id, COALESCE(@name, ''), @nameEn, @parent, COALESCE(@order, 0), COALESCE(@leaders, '[]'), @gen, @at)
     ON CONFLICT(id) DO UPDATE SET
       name = COALESCE(@name, name),
       name_en = COALESCE(@nameEn, name_en),
       parent_id = @parent,
       sort_order = COALESCE(@order, sort_order),
       leaders = COALESCE(@leaders, leaders),
       generation = max(generation, @gen),
       fetched_at = @at`,
  );

  function upsertDepartments(rows: WireDepartment[], fetchedAt = ctx.now()): void {
    if (rows.length === 0) return;
    const gen = stamp();
    const at = Math.trunc(fetchedAt);
    for (const chunk of chunks(rows, CHUNK * 2)) {
      ctx.tx(() => {
        for (const d of chunk) {
          upsertDepartment.run({
            id: int(d.id, 0),
            name: typeof d.name === 'string' ? d.name : null,
            nameEn: textOrNull(d.name_en),
            parent: int(d.parentid, 0),
            order: intOrNull(d.order),
            leaders: Array.isArray(d.department_leader) ? JSON.stringify(d.department_leader) : null,
            gen,
            at,
          });
        }
        ctx.touchDataset('org', at);
        aggregates.markDirty();
      });
    }
  }

  function replaceUserDepartmentLinks(rows: WireDeptUser[], fetchedAt = ctx.now()): void {
    const byUser = new Map<string, number[]>();
    for (const { userid, department } of rows) {
      const list = byUser.get(userid) ?? [];
      list.push(int(department, 0));
      byUser.set(userid, list);
    }
    // users known only from list_id get a row (no name yet) so links and counts are complete
    upsertUsers(
      [...byUser].map(([userid, department]) => ({ userid, department })),
      fetchedAt,
    );
  }

  function deleteUsers(userids: string[]): number {
    const remove = ctx.stmt('DELETE FROM users WHERE userid = ? RETURNING id');
    const removeSearch = ctx.stmt('DELETE FROM users_fts WHERE rowid = ?');
    let removed = 0;
    ctx.tx(() => {
      for (const userid of userids) {
        const row = remove.get(userid) as { id: number } | undefined;
        if (!row) continue;
        removeSearch.run(row.id);
        removed++;
      }
      if (removed > 0) aggregates.markDirty();
    });
    return removed;
  }

  function upsertTags(rows: WireTag[], fetchedAt = ctx.now()): void {
    if (rows.length === 0) return;
    const gen = stamp();
    const at = Math.trunc(fetchedAt);
    const upsert = ctx.stmt(
      `INSERT INTO tags (tagid, tagname, generation, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(tagid) DO UPDATE SET tagname = excluded.tagname,
         generation = max(generation, excluded.generation), fetched_at = excluded.fetched_at`,
    );
    ctx.tx(() => {
      for (const t of rows) upsert.run(int(t.tagid, 0), String(t.tagname ?? ''), gen, at);
      ctx.touchDataset('tags', at);
    });
  }

  function replaceTagMembers(tagid: number, members: WireTagMembers, fetchedAt = ctx.now()): void {
    const at = Math.trunc(fetchedAt);
    ctx.tx(() => {
      const found = ctx.stmt('UPDATE tags SET members_fetched_at = ? WHERE tagid = ?').run(at, tagid);
      if (found.changes === 0)
        throw new CacheError('not_found', `tag ${tagid} is not cached: upsert it first`);
      ctx.stmt('DELETE FROM tag_users WHERE tagid = ?').run(tagid);
      ctx.stmt('DELETE FROM tag_departments WHERE tagid = ?').run(tagid);
      const addUser = ctx.stmt(
        'INSERT OR IGNORE INTO tag_users (tagid, userid, fetched_at) VALUES (?, ?, ?)',
      );
      for (const u of members.userlist ?? []) {
        const userid = typeof u === 'string' ? u : u?.userid;
        if (userid) addUser.run(tagid, userid, at);
      }
      const addDepartment = ctx.stmt(
        'INSERT OR IGNORE INTO tag_departments (tagid, department_id, fetched_at) VALUES (?, ?, ?)',
      );
      for (const d of members.partylist ?? []) addDepartment.run(tagid, int(d, 0), at);
      ctx.touchDataset('tags', at);
      aggregates.markDirty();
    });
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
  function* finishSteps(
    generation: number,
    fetchedAt: number,
    stepwise: boolean,
  ): Generator<void, { removed: Record<string, number> }> {
    const at = Math.trunc(fetchedAt);
    const running = (): GenerationState => {
      const state = generationState();
      if (state.active !== generation) {
        throw new CacheError(
          'conflict',
          `org sync ${generation} is not the running one (${String(state.active)})`,
        );
      }
      return state;
    };
    const { include } = running();
    const removed: Record<string, number> = { users: 0, departments: 0, tags: 0 };
    const sweeps: Array<{ part: OrgSyncPart; stale: string; remove: string[] }> = [
      {
        part: 'users',
        stale: 'SELECT id FROM users WHERE generation < ?',
        remove: [
          // a row stamped since (a refresh from a call) stays
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
    for (const { part, stale, remove } of sweeps) {
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
  function* finishOrgSyncInSteps(
    generation: number,
    fetchedAt = ctx.now(),
  ): Generator<void, { removed: Record<string, number> }> {
    const result = yield* finishSteps(generation, fetchedAt, true);
    // the org may have changed a lot: refresh the planner's statistics (sampled, quick)
    if (!ctx.db.inTransaction) ctx.db.pragma('optimize');
    return result;
  }

  function finishOrgSync(generation: number, fetchedAt = ctx.now()): { removed: Record<string, number> } {
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

  return {
    beginOrgSync,
    finishOrgSync,
    finishOrgSyncInSteps,
    abortOrgSync,
    upsertUsers,
    upsertDepartments,
    replaceUserDepartmentLinks,
    deleteUsers,
    upsertTags,
    replaceTagMembers,
    recomputeOrgAggregates: () => aggregates.recompute(),
  };
}
