// Watch-stat ingest. Each get_watch_stat page is stored (one row of normalised JSON in watch_pages)
// TOGETHER with the paging cursor in one transaction, so a crash never leaves half a page or a
// cursor ahead of its rows, and a restart resumes from the stored next_key. When the fetch ends,
// SQLite merges the pages into watch_internal / watch_external in key order, removes rows the fetch
// no longer reports and recomputes the live's summary — all in one transaction. Readers see the
// last complete fetch until then; watchCursor() tells how far a running one is.
import { int, textOrNull, type CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import type { LiveSummaries } from './live-summaries.ts';
import type { WatchCursor, WireWatchExternalUser, WireWatchPage, WireWatchUser } from './types.ts';

interface WatchStateRow {
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
  // Page rows are JSON arrays (see normalise*). Later pages win when WeCom repeats a viewer.
  const mergeInternal = db.prepare(
    `INSERT INTO watch_internal (live_id, userid, watch_time, is_comment, is_mic, invitor_userid,
       invitor_external_userid, department_id, generation, fetched_at)
     SELECT p.live_id, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
       (SELECT u.home_department FROM users u WHERE u.userid = j.value ->> 0), p.generation, p.fetched_at
     FROM watch_pages p, json_each(p.users) j
     WHERE p.live_id = ?
     ORDER BY 2, p.seq, j.key
     ON CONFLICT(live_id, userid) DO UPDATE SET watch_time = excluded.watch_time, is_comment = excluded.is_comment,
       is_mic = excluded.is_mic, invitor_userid = excluded.invitor_userid,
       invitor_external_userid = excluded.invitor_external_userid, department_id = excluded.department_id,
       generation = excluded.generation, fetched_at = excluded.fetched_at`,
  );
  const mergeExternal = db.prepare(
    `INSERT INTO watch_external (live_id, external_userid, type, name, watch_time, is_comment, is_mic,
       invitor_userid, invitor_external_userid, generation, fetched_at)
     SELECT p.live_id, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
       j.value ->> 6, j.value ->> 7, p.generation, p.fetched_at
     FROM watch_pages p, json_each(p.external_users) j
     WHERE p.live_id = ?
     ORDER BY 2, p.seq, j.key
     ON CONFLICT(live_id, external_userid) DO UPDATE SET type = excluded.type, name = excluded.name,
       watch_time = excluded.watch_time, is_comment = excluded.is_comment, is_mic = excluded.is_mic,
       invitor_userid = excluded.invitor_userid, invitor_external_userid = excluded.invitor_external_userid,
       generation = excluded.generation, fetched_at = excluded.fetched_at`,
  );
  const sweepInternal = db.prepare('DELETE FROM watch_internal WHERE live_id = ? AND generation < ?');
  const sweepExternal = db.prepare('DELETE FROM watch_external WHERE live_id = ? AND generation < ?');

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
    const row = stateLookup.get(watchScope(livingid)) as WatchStateRow | undefined;
    const data = parseWatchData(row?.data ?? null);
    return {
      livingid,
      status: row?.status === 'running' ? 'running' : row?.status === 'done' ? 'done' : 'none',
      nextKey: row?.status === 'running' ? (row.cursor ?? '0') : '0',
      pages: data.pages,
      rows: row?.done ?? 0,
      fetchedAt: row?.fetched_at ?? null,
    };
  }

  function beginWatch(
    livingid: string,
    options: { restart?: boolean } = {},
  ): { nextKey: string; resumed: boolean } {
    return ctx.tx(() => {
      const { id, status } = live(livingid);
      const previous = stateLookup.get(watchScope(livingid)) as WatchStateRow | undefined;
      if (previous?.status === 'running' && !options.restart)
        return { nextKey: previous.cursor ?? '0', resumed: true };
      start(livingid, id, status, previous);
      return { nextKey: '0', resumed: false };
    });
  }

  function finishIn(livingid: string, liveId: number, state: WatchStateRow, at: number): void {
    mergeInternal.run(liveId);
    mergeExternal.run(liveId);
    clearStaging.run(liveId);
    sweepInternal.run(liveId, state.generation);
    sweepExternal.run(liveId, state.generation);
    const data = parseWatchData(state.data);
    save(livingid, {
      ...state,
      status: 'done',
      cursor: null,
      fetched_at: at,
      data: { ...data, final: data.liveStatus >= 2 },
    });
    summaries.recompute(liveId);
    ctx.touchDataset('watch', at);
  }

  function appendWatchPage(
    livingid: string,
    page: WireWatchPage,
    paging: { nextKey: string; ending: number | boolean; fromKey?: string },
    fetchedAt = ctx.now(),
  ): { rows: number; finished: boolean } {
    const at = Math.trunc(fetchedAt);
    return ctx.tx(() => {
      const { id: liveId, status: liveStatus } = live(livingid);
      let state = stateLookup.get(watchScope(livingid)) as WatchStateRow | undefined;
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
      const seq = parseWatchData(state.data).pages;
      stagePage.run(liveId, seq, state.generation, at, JSON.stringify(users), JSON.stringify(externalUsers));
      const data = parseWatchData(state.data);
      const next: WatchStateRow = {
        ...state,
        cursor: String(paging.nextKey ?? ''),
        done: state.done + rows,
        data: JSON.stringify({ ...data, pages: data.pages + 1, lastPageAt: at }),
      };
      const finished = paging.ending === true || paging.ending === 1;
      if (finished) finishIn(livingid, liveId, next, at);
      else save(livingid, { ...next, data: parseWatchData(next.data) });
      return { rows, finished };
    });
  }

  function finishWatch(livingid: string, fetchedAt = ctx.now()): void {
    ctx.tx(() => {
      const { id: liveId, status } = live(livingid);
      let state = stateLookup.get(watchScope(livingid)) as WatchStateRow | undefined;
      if (state?.status === 'done') return;
      if (!state || state.status !== 'running') state = start(livingid, liveId, status, state);
      finishIn(livingid, liveId, state, Math.trunc(fetchedAt));
    });
  }

  return { watchCursor, beginWatch, appendWatchPage, finishWatch };
}
