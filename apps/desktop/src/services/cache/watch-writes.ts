// Watch-stat ingest: each get_watch_stat page and its paging cursor are written in ONE transaction,
// so a crash never leaves half a page or a cursor ahead of its rows. A fresh fetch gets a new
// generation; when it ends, rows of older generations (viewers no longer reported) are removed.
import { int, textOrNull, type CacheContext } from './context.ts';
import { CacheError } from './errors.ts';
import type { LiveSummaries } from './live-summaries.ts';
import type { WatchCursor, WireWatchPage } from './types.ts';

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

export function createWatchWrites(ctx: CacheContext, summaries: LiveSummaries) {
  const { db } = ctx;
  const liveLookup = db.prepare('SELECT id, status FROM lives WHERE livingid = ?');
  const stateLookup = db.prepare('SELECT status, cursor, fetched_at, done, generation, data FROM sync_state WHERE scope = ?');
  const saveState = db.prepare(
    `INSERT INTO sync_state (scope, status, cursor, fetched_at, done, generation, data, updated_at)
     VALUES (@scope, @status, @cursor, @fetchedAt, @done, @generation, @data, @now)
     ON CONFLICT(scope) DO UPDATE SET status = @status, cursor = @cursor, fetched_at = @fetchedAt, done = @done,
       generation = @generation, data = @data, updated_at = @now`,
  );
  const insertInternal = db.prepare(
    `INSERT INTO watch_internal (live_id, userid, watch_time, is_comment, is_mic, invitor_userid,
       invitor_external_userid, generation, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(live_id, userid) DO UPDATE SET watch_time = excluded.watch_time, is_comment = excluded.is_comment,
       is_mic = excluded.is_mic, invitor_userid = excluded.invitor_userid,
       invitor_external_userid = excluded.invitor_external_userid, generation = excluded.generation,
       fetched_at = excluded.fetched_at`,
  );
  const insertExternal = db.prepare(
    `INSERT INTO watch_external (live_id, external_userid, type, name, watch_time, is_comment, is_mic,
       invitor_userid, invitor_external_userid, generation, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(live_id, external_userid) DO UPDATE SET type = excluded.type, name = excluded.name,
       watch_time = excluded.watch_time, is_comment = excluded.is_comment, is_mic = excluded.is_mic,
       invitor_userid = excluded.invitor_userid, invitor_external_userid = excluded.invitor_external_userid,
       generation = excluded.generation, fetched_at = excluded.fetched_at`,
  );
  const sweepInternal = db.prepare('DELETE FROM watch_internal WHERE live_id = ? AND generation < ?');
  const sweepExternal = db.prepare('DELETE FROM watch_external WHERE live_id = ? AND generation < ?');

  function live(livingid: string): { id: number; status: number } {
    const row = liveLookup.get(livingid) as { id: number; status: number } | undefined;
    if (!row) throw new CacheError('not_found', `live ${livingid} is not cached: upsert its living_info first`);
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

  function start(livingid: string, liveStatus: number, previous: WatchStateRow | undefined): WatchStateRow {
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

  function beginWatch(livingid: string, options: { restart?: boolean } = {}): { nextKey: string; resumed: boolean } {
    return ctx.tx(() => {
      const { status } = live(livingid);
      const previous = stateLookup.get(watchScope(livingid)) as WatchStateRow | undefined;
      if (previous?.status === 'running' && !options.restart) return { nextKey: previous.cursor ?? '0', resumed: true };
      start(livingid, status, previous);
      return { nextKey: '0', resumed: false };
    });
  }

  function finishIn(livingid: string, liveId: number, state: WatchStateRow, at: number): void {
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
      if (state?.status !== 'running') state = start(livingid, liveStatus, state);
      if (paging.fromKey !== undefined && paging.fromKey !== (state.cursor ?? '0')) {
        throw new CacheError(
          'conflict',
          `watch page of ${livingid} requested with next_key ${paging.fromKey}, but the cursor is at ${String(state.cursor)}`,
        );
      }
      const gen = state.generation;
      let rows = 0;
      for (const u of page.users ?? []) {
        insertInternal.run(
          liveId,
          u.userid,
          int(u.watch_time, 0),
          int(u.is_comment, 0) ? 1 : 0,
          int(u.is_mic, 0) ? 1 : 0,
          textOrNull(u.invitor_userid),
          textOrNull(u.invitor_external_userid),
          gen,
          at,
        );
        rows++;
      }
      for (const e of page.external_users ?? []) {
        insertExternal.run(
          liveId,
          e.external_userid,
          e.type === undefined ? null : int(e.type, 0),
          typeof e.name === 'string' ? e.name : '',
          int(e.watch_time, 0),
          int(e.is_comment, 0) ? 1 : 0,
          int(e.is_mic, 0) ? 1 : 0,
          textOrNull(e.invitor_userid),
          textOrNull(e.invitor_external_userid),
          gen,
          at,
        );
        rows++;
      }
      const data = parseWatchData(state.data);
      const next: WatchStateRow = {
        ...state,
        cursor: String(paging.nextKey ?? ''),
        done: state.done + rows,
        data: JSON.stringify({ ...data, pages: data.pages + 1, lastPageAt: at }),
      };
      const finished = paging.ending === true || paging.ending === 1;
      if (finished) {
        finishIn(livingid, liveId, next, at);
      } else {
        save(livingid, { ...next, data: parseWatchData(next.data) });
        summaries.markDirty(liveId);
        ctx.touchDataset('watch', at);
      }
      return { rows, finished };
    });
  }

  function finishWatch(livingid: string, fetchedAt = ctx.now()): void {
    ctx.tx(() => {
      const { id: liveId, status } = live(livingid);
      let state = stateLookup.get(watchScope(livingid)) as WatchStateRow | undefined;
      if (state?.status === 'done') return;
      if (!state || state.status !== 'running') state = start(livingid, status, state);
      finishIn(livingid, liveId, state, Math.trunc(fetchedAt));
    });
  }

  return { watchCursor, beginWatch, appendWatchPage, finishWatch };
}
