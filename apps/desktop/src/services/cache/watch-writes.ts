// Watch-stat ingest. Each get_watch_stat page is stored (one row of normalised JSON in watch_pages)
// TOGETHER with the paging cursor in one transaction, so a crash never leaves half a page or a
// cursor ahead of its rows, and a restart resumes from the stored next_key. When the last page is
// in, the fetch is merged as a new generation of the live's rows, in steps of ~20 ms of CPU each
// (each write step its own small transaction, so a caller may let others run between steps):
//   1. the pages are read back and sorted by key (see watch-merge.ts), then written into
//      watch_internal / watch_external under the fetch's generation, beside the rows readers see,
//      with the summaries added up on the way (a crash starts the merge over: every write is an
//      idempotent upsert);
//   2. its summaries are computed (reads), then one tiny transaction switches lives.watch_generation
//      to it and stores them;
//   3. the staged pages and the previous generation's rows are deleted in batches.
// Readers filter by the live's current generation, so they see the last complete fetch or the new
// one, never half; watchCursor() tells how far a running fetch is.
import { int, textOrNull, type CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import type { LiveSummaries } from './live-summaries.ts';
import {
  gatherPage,
  mergeRuns,
  sortRun,
  sortRuns,
  SummaryAccumulator,
  type ExternalRow,
  type GatheredRows,
  type InternalRow,
} from './watch-merge.ts';
import type { WatchCursor, WireWatchExternalUser, WireWatchPage, WireWatchUser } from './types.ts';

interface WatchStateRow {
  /** 'running' (fetching pages), 'merging' (all pages in, merging them), 'done' */
  status: string;
  cursor: string | null;
  fetched_at: number | null;
  done: number;
  generation: number;
  data: string | null;
}

export interface WatchStateData {
  pages: number;
  /** live status when this fetch began; a fetch begun after the end is final */
  liveStatus: number;
  final: boolean;
  lastPageAt: number | null;
}

/**
 * A merge step takes pages (get_watch_stat pages hold up to 500 rows) until it has used this much
 * of the thread's CPU: short enough for the readers waiting on the thread, long enough that the
 * pages of the live's indexes a step touches are not written again for every few rows.
 */
const MERGE_STEP_CPU_MS = 20;
const DELETE_ROWS_PER_STEP = 2000;
const DELETE_PAGES_PER_STEP = 20;

/** Rows written between two looks at the CPU clock: reading it is a system call of a few µs, more than writing a row. */
const ROWS_PER_CLOCK_READ = 64;

/** CPU time of this thread (ms): unlike wall time, not stretched by waiting for a core. */
function threadCpuMs(): number {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

export const watchScope = (livingid: string) => `watch:${livingid}`;

export function parseWatchData(data: string | null): WatchStateData {
  const parsed = data ? (JSON.parse(data) as Partial<WatchStateData>) : {};
  return { pages: 0, liveStatus: 0, final: false, lastPageAt: null, ...parsed };
}

const flag = (value: unknown) => (int(value, 0) ? 1 : 0);

function requireId(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '')
    throw new CacheError('conflict', `a watch row without ${what}`);
  return value;
}

/** [userid, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid] */
function normaliseUser(u: WireWatchUser) {
  return [
    requireId(u?.userid, 'userid'),
    Math.max(0, int(u.watch_time, 0)),
    flag(u.is_comment),
    flag(u.is_mic),
    textOrNull(u.invitor_userid),
    textOrNull(u.invitor_external_userid),
  ];
}

/** [external_userid, type, name, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid] */
function normaliseExternalUser(e: WireWatchExternalUser) {
  return [
    requireId(e?.external_userid, 'external_userid'),
    e.type === undefined || e.type === null ? null : int(e.type, 0),
    typeof e.name === 'string' ? e.name : '',
    Math.max(0, int(e.watch_time, 0)),
    flag(e.is_comment),
    flag(e.is_mic),
    textOrNull(e.invitor_userid),
    textOrNull(e.invitor_external_userid),
  ];
}

export function createWatchWrites(ctx: CacheContext, summaries: LiveSummaries) {
  const { db } = ctx;
  const liveLookup = db.prepare('SELECT id, status FROM lives WHERE livingid = ?');
  const stateLookup = db.prepare(
    'SELECT status, cursor, fetched_at, done, generation, data FROM sync_state WHERE scope = ?',
  );
  const saveState = db.prepare(
    `INSERT INTO sync_state (scope, status, cursor, fetched_at, done, generation, data, updated_at)
     VALUES (@scope, @status, @cursor, @fetchedAt, @done, @generation, @data, @now)
     ON CONFLICT(scope) DO UPDATE SET status = @status, cursor = @cursor, fetched_at = @fetchedAt, done = @done,
       generation = @generation, data = @data, updated_at = @now`,
  );
  const stagePage = db.prepare(
    'INSERT OR REPLACE INTO watch_pages (live_id, seq, generation, fetched_at, users, external_users) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const clearStaging = db.prepare('DELETE FROM watch_pages WHERE live_id = ?');
  const clearStagingBatch = db.prepare(
    'DELETE FROM watch_pages WHERE live_id = ? AND seq IN (SELECT seq FROM watch_pages WHERE live_id = ? ORDER BY seq LIMIT ?)',
  );
  const readPage = db.prepare('SELECT users, external_users FROM watch_pages WHERE live_id = ? AND seq = ?');
  const homeOf = db.prepare('SELECT home_department FROM users WHERE userid = ?').pluck();
  const upsertInternal = db.prepare(
    `INSERT INTO watch_internal (live_id, generation, userid, watch_time, is_comment, is_mic, invitor_userid,
       invitor_external_userid, department_id, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(live_id, generation, userid) DO UPDATE SET watch_time = excluded.watch_time, is_comment = excluded.is_comment,
       is_mic = excluded.is_mic, invitor_userid = excluded.invitor_userid,
       invitor_external_userid = excluded.invitor_external_userid, department_id = excluded.department_id,
       fetched_at = excluded.fetched_at`,
  );
  const upsertExternal = db.prepare(
    `INSERT INTO watch_external (live_id, generation, external_userid, type, name, watch_time, is_comment, is_mic,
       invitor_userid, invitor_external_userid, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(live_id, generation, external_userid) DO UPDATE SET type = excluded.type, name = excluded.name,
       watch_time = excluded.watch_time, is_comment = excluded.is_comment, is_mic = excluded.is_mic,
       invitor_userid = excluded.invitor_userid, invitor_external_userid = excluded.invitor_external_userid,
       fetched_at = excluded.fetched_at`,
  );
  const switchGeneration = db.prepare('UPDATE lives SET watch_generation = ? WHERE id = ?');
  // rows of any generation but the current one: the previous fetch, or a merge that was given up
  const sweeps = (['watch_internal', 'watch_external'] as const).map((table) => {
    const key = table === 'watch_internal' ? 'userid' : 'external_userid';
    return {
      stale: db
        .prepare(
          `SELECT generation FROM ${table} WHERE live_id = :live AND generation < :current
           UNION ALL SELECT * FROM (SELECT generation FROM ${table} WHERE live_id = :live AND generation > :current LIMIT 1)
           LIMIT 1`,
        )
        .pluck(),
      batch: db.prepare(
        `DELETE FROM ${table} WHERE live_id = :live AND generation = :generation AND ${key} IN
           (SELECT ${key} FROM ${table} WHERE live_id = :live AND generation = :generation LIMIT :limit)`,
      ),
    };
  });

  function live(livingid: string): { id: number; status: number } {
    const row = liveLookup.get(livingid) as { id: number; status: number } | undefined;
    if (!row)
      throw new CacheError('not_found', `live ${livingid} is not cached: upsert its living_info first`);
    return row;
  }

  function save(livingid: string, s: Omit<WatchStateRow, 'data'> & { data: WatchStateData }): void {
    saveState.run({
      scope: watchScope(livingid),
      status: s.status,
      cursor: s.cursor,
      fetchedAt: s.fetched_at,
      done: s.done,
      generation: s.generation,
      data: JSON.stringify(s.data),
      now: ctx.now(),
    });
  }

  const stateOf = (livingid: string) => stateLookup.get(watchScope(livingid)) as WatchStateRow | undefined;

  /** A fresh fetch: new generation, cursor "0", nothing staged. */
  function start(
    livingid: string,
    liveId: number,
    liveStatus: number,
    previous: WatchStateRow | undefined,
  ): WatchStateRow {
    clearStaging.run(liveId);
    const state = {
      status: 'running',
      cursor: '0',
      fetched_at: previous?.fetched_at ?? null,
      done: 0,
      generation: (previous?.generation ?? 0) + 1,
      data: { pages: 0, liveStatus, final: false, lastPageAt: null },
    };
    save(livingid, state);
    return { ...state, data: JSON.stringify(state.data) };
  }

  function watchCursor(livingid: string): WatchCursor {
    const row = stateOf(livingid);
    const data = parseWatchData(row?.data ?? null);
    const fetching = row?.status === 'running' || row?.status === 'merging';
    return {
      livingid,
      status: fetching ? 'running' : row?.status === 'done' ? 'done' : 'none',
      nextKey: row?.status === 'running' ? (row.cursor ?? '0') : '0',
      pages: data.pages,
      rows: row?.done ?? 0,
      fetchedAt: row?.fetched_at ?? null,
    };
  }

  function beginWatch(
    livingid: string,
    options: { restart?: boolean } = {},
  ): { nextKey: string; resumed: boolean; merging: boolean } {
    return ctx.tx(() => {
      const { id, status } = live(livingid);
      const previous = stateOf(livingid);
      // all pages are in: only the merge is left, whatever the live does now
      if (previous?.status === 'merging') return { nextKey: '0', resumed: true, merging: true };
      if (previous?.status === 'running' && !options.restart)
        return { nextKey: previous.cursor ?? '0', resumed: true, merging: false };
      start(livingid, id, status, previous);
      return { nextKey: '0', resumed: false, merging: false };
    });
  }

  /** All pages are in: the fetch waits for its merge. */
  function markMerging(livingid: string, state: WatchStateRow, at: number): void {
    const data = parseWatchData(state.data);
    save(livingid, { ...state, status: 'merging', data: { ...data, lastPageAt: at } });
  }

  /**
   * The steps of a pending merge: each `next()` runs one small transaction. Stops early when the
   * fetch is no longer the one merging (restarted).
   */
  function* mergeWatchSteps(livingid: string): Generator<void, void, undefined> {
    const liveId = live(livingid).id;
    const first = stateOf(livingid);
    if (first?.status !== 'merging') return;
    const generation = first.generation;
    const current = () => {
      const s = stateOf(livingid);
      return s?.status === 'merging' && s.generation === generation ? s : null;
    };
    // 1. gather the staged pages (reads), a few per step
    const duration = ctx.stmt('SELECT living_duration FROM lives WHERE id = ?').pluck().get(liveId) as number;
    const pages = parseWatchData(first.data).pages;
    const fetchedAt = parseWatchData(first.data).lastPageAt ?? ctx.now();
    const rows: GatheredRows = { internal: new Map(), external: new Map() };
    for (let seq = 0; seq < pages; ) {
      const started = threadCpuMs();
      do {
        const page = readPage.get(liveId, seq) as { users: string; external_users: string } | undefined;
        if (page) gatherPage(rows, page.users, page.external_users);
        seq++;
      } while (seq < pages && threadCpuMs() - started < MERGE_STEP_CPU_MS);
      yield;
    }
    const internalRuns = sortRuns(rows.internal);
    const externalRuns = sortRuns(rows.external);
    rows.internal.clear();
    rows.external.clear();
    for (const run of internalRuns) {
      sortRun(run);
      yield;
    }
    for (const run of externalRuns) {
      sortRun(run);
      yield;
    }
    // 2. write them under the fetch's generation in key order, a transaction per step, adding up
    //    the summaries on the way
    const sums = new SummaryAccumulator(duration);
    const writers: Array<{ rows: Iterator<InternalRow | ExternalRow>; write: (r: InternalRow | ExternalRow) => void }> = [
      {
        rows: mergeRuns(internalRuns),
        write: (row) => {
          const r = row as InternalRow;
          const department = homeOf.get(r[0]) as number | null | undefined;
          upsertInternal.run(liveId, generation, r[0], r[1], r[2], r[3], r[4], r[5], department ?? null, fetchedAt);
          sums.add(r[1], r[2], r[3], department ?? null);
        },
      },
      {
        rows: mergeRuns(externalRuns),
        write: (row) => {
          const r = row as ExternalRow;
          upsertExternal.run(liveId, generation, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], fetchedAt);
          sums.add(r[3], r[4], r[5], undefined);
        },
      },
    ];
    for (const { rows: source, write } of writers) {
      for (let next = source.next(); !next.done; ) {
        const still = ctx.tx(() => {
          if (!current()) return false;
          const started = threadCpuMs();
          for (let written = 1; ; written++) {
            write(next.value as InternalRow | ExternalRow);
            next = source.next();
            if (next.done) break;
            if (written % ROWS_PER_CLOCK_READ === 0 && threadCpuMs() - started >= MERGE_STEP_CPU_MS) break;
          }
          return true;
        });
        if (!still) return;
        yield;
      }
    }
    const totals = sums.totals;
    const departments = sums.departmentRows();
    const switched = ctx.tx(() => {
      const state = current();
      if (!state) return false;
      const data = parseWatchData(state.data);
      const at = data.lastPageAt ?? ctx.now();
      switchGeneration.run(generation, liveId);
      save(livingid, {
        ...state,
        status: 'done',
        cursor: null,
        fetched_at: at,
        data: { ...data, final: data.liveStatus >= 2 },
      });
      summaries.write(liveId, totals, departments);
      ctx.touchDataset('watch', at);
      return true;
    });
    if (!switched) return;
    yield;
    ctx.tx(() => summaries.attend(liveId));
    yield;
    yield* sweepSteps(liveId);
  }

  /** Deletes the staged pages and the rows of other generations than the live's current one, in batches. */
  function* sweepSteps(liveId: number): Generator<void, void, undefined> {
    while (ctx.tx(() => clearStagingBatch.run(liveId, liveId, DELETE_PAGES_PER_STEP).changes) > 0) yield;
    for (const sweep of sweeps) {
      for (;;) {
        const deleted = ctx.tx(() => {
          const current = ctx.stmt('SELECT watch_generation FROM lives WHERE id = ?').pluck().get(liveId);
          if (current === undefined) return 0;
          const stale = sweep.stale.get({ live: liveId, current }) as number | undefined;
          if (stale === undefined) return 0;
          return sweep.batch.run({ live: liveId, generation: stale, limit: DELETE_ROWS_PER_STEP }).changes;
        });
        if (deleted === 0) break;
        yield;
      }
    }
  }

  function mergeNow(livingid: string): void {
    for (const _ of mergeWatchSteps(livingid));
  }

  function appendWatchPage(
    livingid: string,
    page: WireWatchPage,
    paging: { nextKey: string; ending: number | boolean; fromKey?: string },
    fetchedAt = ctx.now(),
    options: { merge?: 'now' | 'later' } = {},
  ): { rows: number; finished: boolean } {
    const at = Math.trunc(fetchedAt);
    const written = ctx.tx(() => {
      const { id: liveId, status: liveStatus } = live(livingid);
      let state = stateOf(livingid);
      if (state?.status !== 'running') state = start(livingid, liveId, liveStatus, state);
      if (paging.fromKey !== undefined && paging.fromKey !== (state.cursor ?? '0')) {
        throw new CacheError(
          'conflict',
          `watch page of ${livingid} requested with next_key ${paging.fromKey}, but the cursor is at ${String(state.cursor)}`,
        );
      }
      const users = (page.users ?? []).map(normaliseUser);
      const externalUsers = (page.external_users ?? []).map(normaliseExternalUser);
      const rows = users.length + externalUsers.length;
      const data = parseWatchData(state.data);
      stagePage.run(liveId, data.pages, state.generation, at, JSON.stringify(users), JSON.stringify(externalUsers));
      const next: WatchStateRow = {
        ...state,
        cursor: String(paging.nextKey ?? ''),
        done: state.done + rows,
        data: JSON.stringify({ ...data, pages: data.pages + 1, lastPageAt: at }),
      };
      const finished = paging.ending === true || paging.ending === 1;
      if (finished) markMerging(livingid, next, at);
      else save(livingid, { ...next, data: parseWatchData(next.data) });
      return { rows, finished };
    });
    if (written.finished && options.merge !== 'later') mergeNow(livingid);
    return written;
  }

  function finishWatch(livingid: string, fetchedAt = ctx.now()): void {
    const pending = ctx.tx(() => {
      const { id: liveId, status } = live(livingid);
      let state = stateOf(livingid);
      if (state?.status === 'done') return false;
      if (state?.status === 'merging') return true;
      if (!state || state.status !== 'running') state = start(livingid, liveId, status, state);
      markMerging(livingid, state, Math.trunc(fetchedAt));
      return true;
    });
    if (pending) mergeNow(livingid);
  }

  return { watchCursor, beginWatch, appendWatchPage, finishWatch, mergeWatchSteps };
}
