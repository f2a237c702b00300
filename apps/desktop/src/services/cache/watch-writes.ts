// Watch-stat ingest. Each get_watch_stat page's rows are written straight into watch_internal /
// watch_external under the fetch's generation, beside the rows readers see, TOGETHER with the
// paging cursor, so a crash never leaves half a page or a cursor ahead of its rows and a restart
// resumes from the stored next_key. The pages go into one continued transaction (see
// continued-transaction.ts) that commits at least every second and before any other write: a
// commit per page would write most of the live's key range and watch-time index again each time.
// The live's summaries are added up in memory on the way (from the stored rows instead, in steps,
// when a restart or a repeated viewer leaves them incomplete). When the last page is in:
//   1. the rows are committed and the summaries made whole;
//   2. one tiny transaction switches lives.watch_generation to the fetch and stores its summaries;
//   3. the previous generation's rows are deleted in batches.
// Readers filter by the live's current generation, so they see the last complete fetch or the new
// one, never half; watchCursor() tells how far a running fetch is.
import { int, textOrNull, type CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import type { LiveSummaries } from './live-summaries.ts';
import { createFetchRowInserts } from './fetch-row-inserts.ts';
import { createHomeDepartments } from './home-departments.ts';
import { SummaryAccumulator } from './summary-accumulator.ts';
import type { WatchCursor, WireWatchPage } from './types.ts';

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

/** Old rows deleted per step: each one also leaves the live's watch-time index, all over it (~10 ms per 1,000 at 10M rows, 30 ms at worst on a busy machine). */
const DELETE_ROWS_PER_STEP = 500;
/** Rows read back per step when the summaries are added up from the stored rows (a few ms each). */
const READ_BACK_ROWS = 10_000;

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

/** Refuses a page with a row WeCom sent without its id, before any of it is written. */
function requireIds(page: WireWatchPage): void {
  for (const u of page.users ?? []) requireId(u?.userid, 'userid');
  for (const e of page.external_users ?? []) requireId(e?.external_userid, 'external_userid');
}

const watchTime = (value: unknown) => Math.max(0, int(value, 0));
const externalType = (value: unknown) => (value === undefined || value === null ? null : int(value, 0));
const externalName = (value: unknown) => (typeof value === 'string' ? value : '');

export function createWatchWrites(ctx: CacheContext, summaries: LiveSummaries) {
  const { db } = ctx;
  const liveLookup = db.prepare('SELECT id, status, living_duration FROM lives WHERE livingid = ?');
  const stateLookup = db.prepare(
    'SELECT status, cursor, fetched_at, done, generation, data FROM sync_state WHERE scope = ?',
  );
  const saveState = ctx.continued.prepare(
    `INSERT INTO sync_state (scope, status, cursor, fetched_at, done, generation, data, updated_at)
     VALUES (@scope, @status, @cursor, @fetchedAt, @done, @generation, @data, @now)
     ON CONFLICT(scope) DO UPDATE SET status = @status, cursor = @cursor, fetched_at = @fetchedAt, done = @done,
       generation = @generation, data = @data, updated_at = @now`,
  );
  const homes = createHomeDepartments(ctx.continued.prepare);
  const anyFetchRunning = db
    .prepare(`SELECT 1 FROM sync_state WHERE scope LIKE 'watch:%' AND status IN ('running', 'merging') LIMIT 1`)
    .pluck();
  const inserts = createFetchRowInserts(ctx.continued.prepare);
  const updateInternal = ctx.continued.prepare(
    `UPDATE watch_internal SET watch_time = ?, is_comment = ?, is_mic = ?, invitor_userid = ?, invitor_external_userid = ?,
       department_id = ?, fetched_at = ?
     WHERE live_id = ? AND generation = ? AND userid = ?`,
  );
  const updateExternal = ctx.continued.prepare(
    `UPDATE watch_external SET type = ?, name = ?, watch_time = ?, is_comment = ?, is_mic = ?, invitor_userid = ?,
       invitor_external_userid = ?, fetched_at = ?
     WHERE live_id = ? AND generation = ? AND external_userid = ?`,
  );
  // a fetch's stored rows in key order, from a key on: [key, watch_time, is_comment, is_mic, department]
  // (external viewers have no department: undefined, as the running sums count them)
  const readBacks = [
    db.prepare(
      `SELECT userid, watch_time, is_comment, is_mic, department_id FROM watch_internal
       WHERE live_id = ? AND generation = ? AND userid > ? ORDER BY userid LIMIT ?`,
    ),
    db.prepare(
      `SELECT external_userid, watch_time, is_comment, is_mic FROM watch_external
       WHERE live_id = ? AND generation = ? AND external_userid > ? ORDER BY external_userid LIMIT ?`,
    ),
  ].map((statement) => statement.raw());
  const switchGeneration = db.prepare('UPDATE lives SET watch_generation = ? WHERE id = ?');
  // rows of any generation but the current one and the running fetch's: the previous fetch, or one given up
  const sweeps = (['watch_internal', 'watch_external'] as const).map((table) => {
    const key = table === 'watch_internal' ? 'userid' : 'external_userid';
    return {
      stale: db
        .prepare(
          `SELECT generation FROM ${table} WHERE live_id = :live AND generation < :current AND generation <> :running
           UNION ALL SELECT * FROM (SELECT generation FROM ${table}
             WHERE live_id = :live AND generation > :current AND generation <> :running LIMIT 1)
           LIMIT 1`,
        )
        .pluck(),
      batch: db.prepare(
        `DELETE FROM ${table} WHERE live_id = :live AND generation = :generation AND ${key} IN
           (SELECT ${key} FROM ${table} WHERE live_id = :live AND generation = :generation LIMIT :limit)`,
      ),
    };
  });

  /**
   * A running fetch's summaries, added up as its pages are written; kept only while they describe
   * its rows exactly: they saw every page since the fetch began, no viewer came twice and nothing
   * was rolled back.
   */
  const running = new Map<number, { generation: number; sums: SummaryAccumulator; pages: number }>();
  ctx.continued.onRollback(() => running.clear());

  function live(livingid: string): { id: number; status: number; living_duration: number } {
    const row = liveLookup.get(livingid) as { id: number; status: number; living_duration: number } | undefined;
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

  /** A fresh fetch: new generation, cursor "0", no rows yet. */
  function start(
    livingid: string,
    target: { id: number; status: number; living_duration: number },
    previous: WatchStateRow | undefined,
  ): WatchStateRow {
    const state = {
      status: 'running',
      cursor: '0',
      fetched_at: previous?.fetched_at ?? null,
      done: 0,
      generation: (previous?.generation ?? 0) + 1,
      data: { pages: 0, liveStatus: target.status, final: false, lastPageAt: null },
    };
    save(livingid, state);
    inserts.forget(target.id);
    running.set(target.id, {
      generation: state.generation,
      sums: new SummaryAccumulator(target.living_duration),
      pages: 0,
    });
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
      const target = live(livingid);
      const previous = stateOf(livingid);
      // all pages are in: only the merge is left, whatever the live does now
      if (previous?.status === 'merging') return { nextKey: '0', resumed: true, merging: true };
      if (previous?.status === 'running' && !options.restart)
        return { nextKey: previous.cursor ?? '0', resumed: true, merging: false };
      start(livingid, target, previous);
      return { nextKey: '0', resumed: false, merging: false };
    });
  }

  /** All pages are in: the fetch waits for its merge. */
  function markMerging(livingid: string, state: WatchStateRow, at: number): void {
    const data = parseWatchData(state.data);
    save(livingid, { ...state, status: 'merging', data: { ...data, lastPageAt: at } });
  }

  /** Writes a page's rows under the fetch's generation, adding them to its running summaries. */
  function writeRows(
    liveId: number,
    generation: number,
    at: number,
    page: WireWatchPage,
    kept: { sums: SummaryAccumulator } | undefined,
  ): boolean {
    let exact = kept !== undefined;
    const insert = inserts.of(liveId, generation, at);
    const users = page.users ?? [];
    if (users.length > 0) homes.advance();
    // plain rows (most of them) wait in `plain` and go in together, flushed before any other row so
    // the rows land in the page's order; values normalised as they are bound: the page was checked
    // (requireIds) before any write
    let plain: Array<string | number | null> = [];
    const flushInternal = () => {
      if (plain.length === 0) return;
      if (insert.internalPlainRows(plain) === plain.length / 3) {
        if (exact) for (let k = 0; k < plain.length; k += 3) kept?.sums.add(plain[k + 1] as number, 0, 0, plain[k + 2] as number | null);
      } else {
        // a viewer WeCom repeats: the later row wins, so the rows are written again in order;
        // the running sums can no longer say which to count
        for (let k = 0; k < plain.length; k += 3)
          updateInternal.run(plain[k + 1], 0, 0, null, null, plain[k + 2], at, liveId, generation, plain[k]);
        exact = false;
      }
      plain = [];
    };
    for (const u of users) {
      const id = u.userid;
      const department = homes.of(id);
      const time = watchTime(u.watch_time);
      const comment = flag(u.is_comment);
      const mic = flag(u.is_mic);
      const invitor = textOrNull(u.invitor_userid);
      const externalInvitor = textOrNull(u.invitor_external_userid);
      if (comment === 0 && mic === 0 && invitor === null && externalInvitor === null) {
        plain.push(id, time, department);
        continue;
      }
      flushInternal();
      if (!insert.internal(id, time, comment, mic, invitor, externalInvitor, department)) {
        updateInternal.run(time, comment, mic, invitor, externalInvitor, department, at, liveId, generation, id);
        exact = false;
      } else if (exact) kept?.sums.add(time, comment, mic, department);
    }
    flushInternal();
    const flushExternal = () => {
      if (plain.length === 0) return;
      if (insert.externalPlainRows(plain) === plain.length / 4) {
        if (exact) for (let k = 0; k < plain.length; k += 4) kept?.sums.add(plain[k + 3] as number, 0, 0, undefined);
      } else {
        for (let k = 0; k < plain.length; k += 4)
          updateExternal.run(plain[k + 1], plain[k + 2], plain[k + 3], 0, 0, null, null, at, liveId, generation, plain[k]);
        exact = false;
      }
      plain = [];
    };
    for (const e of page.external_users ?? []) {
      const id = e.external_userid;
      const type = externalType(e.type);
      const name = externalName(e.name);
      const time = watchTime(e.watch_time);
      const comment = flag(e.is_comment);
      const mic = flag(e.is_mic);
      const invitor = textOrNull(e.invitor_userid);
      const externalInvitor = textOrNull(e.invitor_external_userid);
      if (comment === 0 && mic === 0 && invitor === null && externalInvitor === null) {
        plain.push(id, type, name, time);
        continue;
      }
      flushExternal();
      if (!insert.external(id, type, name, time, comment, mic, invitor, externalInvitor)) {
        updateExternal.run(type, name, time, comment, mic, invitor, externalInvitor, at, liveId, generation, id);
        exact = false;
      } else if (exact) kept?.sums.add(time, comment, mic, undefined);
    }
    flushExternal();
    return exact;
  }

  /** The summaries of a fetch's stored rows, read back in steps (after a restart or a repeated viewer). */
  function* readBack(liveId: number, generation: number, sums: SummaryAccumulator): Generator<void, void, undefined> {
    for (const statement of readBacks) {
      for (let after = ''; ; ) {
        const rows = statement.all(liveId, generation, after, READ_BACK_ROWS) as Array<
          [string, number, number, number, (number | null)?]
        >;
        for (const r of rows) sums.add(r[1], r[2], r[3], r[4]);
        if (rows.length < READ_BACK_ROWS) break;
        after = rows[rows.length - 1]![0];
        yield;
      }
    }
  }

  /**
   * The steps of a pending merge: each `next()` runs one small transaction. Stops early when the
   * fetch is no longer the one merging (restarted).
   */
  function* mergeWatchSteps(livingid: string): Generator<void, void, undefined> {
    const target = live(livingid);
    const liveId = target.id;
    const first = stateOf(livingid);
    if (first?.status !== 'merging') return;
    // the fetch's rows are on disk before anything switches to them; the commit is a step of its
    // own (a 100k-row fetch written at once takes ~20 ms), the WAL's checkpoint runs on its thread
    if (ctx.continued.settle({ checkpoint: false })) {
      yield;
      ctx.continued.checkpoint();
      yield;
    }
    const generation = first.generation;
    const current = () => {
      const s = stateOf(livingid);
      return s?.status === 'merging' && s.generation === generation ? s : null;
    };
    // 1. the summaries: added up while the pages came in, or from the stored rows
    const kept = running.get(liveId);
    running.delete(liveId);
    inserts.forget(liveId);
    let sums: SummaryAccumulator;
    if (
      kept?.generation === generation &&
      kept.pages === parseWatchData(first.data).pages &&
      kept.sums.totals.duration === target.living_duration
    ) {
      sums = kept.sums;
    } else {
      sums = new SummaryAccumulator(target.living_duration);
      yield* readBack(liveId, generation, sums);
      if (!current()) return;
    }
    // 2. the switch, with the summaries
    const totals = sums.totals;
    const departments = sums.departmentRows();
    // its commit leaves the WAL's checkpoint to the checkpoint thread (a reader on another connection
    // keeps the WAL from restarting, and the automatic checkpoint then ran inside this commit)
    const switched = ctx.continued.withoutCheckpoint(() => ctx.tx(() => {
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
    }));
    if (!switched) return;
    if (anyFetchRunning.get() === undefined) homes.drop();
    yield;
    ctx.continued.checkpoint();
    yield;
    yield* summaries.attendSteps(liveId);
    yield;
    // 3. the previous rows
    yield* sweepSteps(livingid, liveId);
  }

  /** Deletes the rows of other generations than the live's current one and its running fetch's, in batches. */
  function* sweepSteps(livingid: string, liveId: number): Generator<void, void, undefined> {
    for (const sweep of sweeps) {
      for (;;) {
        const deleted = ctx.tx(() => {
          const current = ctx.stmt('SELECT watch_generation FROM lives WHERE id = ?').pluck().get(liveId);
          if (current === undefined) return 0;
          const state = stateOf(livingid);
          const fetching = state?.status === 'running' || state?.status === 'merging';
          const stale = sweep.stale.get({ live: liveId, current, running: fetching ? state.generation : -1 }) as
            | number
            | undefined;
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
    // everything that can refuse the page is checked before anything is written
    requireIds(page);
    const target = live(livingid);
    const stored = stateOf(livingid);
    const fresh = stored?.status !== 'running';
    const cursor = fresh ? '0' : (stored.cursor ?? '0');
    if (paging.fromKey !== undefined && paging.fromKey !== cursor) {
      throw new CacheError(
        'conflict',
        `watch page of ${livingid} requested with next_key ${paging.fromKey}, but the cursor is at ${String(cursor)}`,
      );
    }
    const rows = (page.users?.length ?? 0) + (page.external_users?.length ?? 0);
    const written = ctx.continued.run(() => {
      const state = fresh ? start(livingid, target, stored) : stored;
      const data = parseWatchData(state.data);
      const kept = running.get(target.id);
      const counted = kept?.generation === state.generation && kept.pages === data.pages ? kept : undefined;
      if (!writeRows(target.id, state.generation, at, page, counted)) running.delete(target.id);
      else if (counted) counted.pages++;
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
    }, rows);
    if (written.finished && options.merge !== 'later') mergeNow(livingid);
    return written;
  }

  function finishWatch(livingid: string, fetchedAt = ctx.now()): void {
    const pending = ctx.tx(() => {
      const target = live(livingid);
      let state = stateOf(livingid);
      if (state?.status === 'done') return false;
      if (state?.status === 'merging') return true;
      if (!state || state.status !== 'running') state = start(livingid, target, state);
      markMerging(livingid, state, Math.trunc(fetchedAt));
      return true;
    });
    if (pending) mergeNow(livingid);
  }

  return { watchCursor, beginWatch, appendWatchPage, finishWatch, mergeWatchSteps };
}
