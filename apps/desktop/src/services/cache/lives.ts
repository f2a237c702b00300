// Lives: upserts from living_info, the audience picked when scheduling, and list/detail/now reads.
import { audienceSchema, type Audience } from '../../shared/models.ts';
import { readAudience } from './audience.ts';
import { int, intOrNull, textOrNull, type CacheContext } from './context.ts';
import type { LiveSummaries } from './live-summaries.ts';
import { LIVE_COLUMNS, LIVE_FROM, livesOnAir, toLive, type LiveRow } from './live-rows.ts';
import type {
  LiveDetailResult,
  LiveListFilter,
  LivesNowResult,
  LivesResult,
  WireLivingInfo,
} from './types.ts';

const CHUNK = 2000;
const clampStatus = (n: number) => (n >= 0 && n <= 4 ? n : 0);

/** The column each sort of the lives list orders by (ties: the start, then the row). */
const PAGE_ORDER = { start: 'l.living_start', duration: 'l.living_duration', viewers: 'l.viewer_num' } as const;
/** Lives an unpaged list answers at most. */
const UNPAGED_LIMIT = 5000;

export function createLives(ctx: CacheContext, summaries: LiveSummaries) {
  const upsert = ctx.stmt(
    `INSERT INTO lives (livingid, theme, anchor_userid, living_start, living_duration, status, type, description,
       remind_time, reserve_start, reserve_living_duration, main_department, viewer_num, comment_num, mic_num,
       online_count, subscribe_count, open_replay, replay_status, push_stream_url, fetched_at)
     VALUES (@livingid, @theme, @anchor, @start, @duration, @status, COALESCE(@type, 0), COALESCE(@description, ''),
       @remind, @reserveStart, @reserveDuration, @mainDepartment, @viewers, @comments, @mics,
       @online, @subscribers, @openReplay, @replayStatus, @pushUrl, @at)
     ON CONFLICT(livingid) DO UPDATE SET
       theme = @theme, anchor_userid = @anchor, living_start = @start, living_duration = @duration,
       status = @status, type = COALESCE(@type, type), description = COALESCE(@description, description),
       remind_time = COALESCE(@remind, remind_time), reserve_start = @reserveStart,
       reserve_living_duration = @reserveDuration, main_department = @mainDepartment, viewer_num = @viewers,
       comment_num = @comments, mic_num = @mics, online_count = @online, subscribe_count = @subscribers,
       open_replay = @openReplay, replay_status = @replayStatus, push_stream_url = @pushUrl, fetched_at = @at`,
  );

  function upsertLives(rows: WireLivingInfo[], fetchedAt = ctx.now()): void {
    const at = Math.trunc(fetchedAt);
    // none: a lives sync that found nothing to write still brought the list up to date
    if (rows.length === 0) ctx.touchDataset('lives', at);
    const previousDuration = ctx.stmt('SELECT id, living_duration FROM lives WHERE livingid = ?');
    for (let i = 0; i < rows.length; i += CHUNK) {
      ctx.tx(() => {
        for (const r of rows.slice(i, i + CHUNK)) {
          const before = previousDuration.get(r.livingid) as
            { id: number; living_duration: number } | undefined;
          const duration = Math.max(0, int(r.living_duration, 0));
          upsert.run({
            livingid: r.livingid,
            theme: String(r.theme ?? ''),
            anchor: String(r.anchor_userid ?? ''),
            start: int(r.living_start, 0),
            duration,
            status: clampStatus(int(r.status, 0)),
            type: r.type === undefined ? null : clampStatus(int(r.type, 0)),
            description: typeof r.description === 'string' ? r.description : null,
            remind: intOrNull(r.remind_time),
            reserveStart: intOrNull(r.reserve_start),
            reserveDuration: intOrNull(r.reserve_living_duration),
            mainDepartment: intOrNull(r.main_department),
            viewers: int(r.viewer_num, 0),
            comments: int(r.comment_num, 0),
            mics: int(r.mic_num, 0),
            online: int(r.online_count, 0),
            subscribers: int(r.subscribe_count, 0),
            openReplay: int(r.open_replay, 0) === 1 ? 1 : 0,
            replayStatus: intOrNull(r.replay_status),
            pushUrl: textOrNull(r.push_stream_url),
            at,
          });
          // completion is measured against the length: a new length invalidates the summary
          if (before && before.living_duration !== duration) summaries.markDirty(before.id);
        }
        ctx.touchDataset('lives', at);
      });
    }
  }

  function deleteLives(livingids: string[]): number {
    let removed = 0;
    ctx.tx(() => {
      for (const livingid of livingids) {
        removed += ctx.stmt('DELETE FROM lives WHERE livingid = ?').run(livingid).changes;
        ctx.stmt('DELETE FROM live_audience WHERE livingid = ?').run(livingid);
        ctx.stmt('DELETE FROM sync_state WHERE scope = ?').run(`watch:${livingid}`);
      }
    });
    return removed;
  }

  function setLiveAudience(livingid: string, audience: Audience | null): void {
    if (audience === null) {
      ctx.stmt('DELETE FROM live_audience WHERE livingid = ?').run(livingid);
      return;
    }
    const a = audienceSchema.parse(audience);
    ctx
      .stmt(
        `INSERT OR REPLACE INTO live_audience (livingid, userids, department_ids, tag_ids, set_at)
         VALUES (?, ?, ?, ?, ?)`,
      )
      .run(
        livingid,
        JSON.stringify(a.userids),
        JSON.stringify(a.departmentIds),
        JSON.stringify(a.tagIds),
        ctx.now(),
      );
  }

  function getLiveAudience(livingid: string): Audience | null {
    const stored = readAudience(ctx, livingid);
    return stored && { userids: stored.userids, departmentIds: stored.departmentIds, tagIds: stored.tagIds };
  }

  function listLives(filter: LiveListFilter): LivesResult {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.from !== undefined && filter.from !== null) {
      where.push('l.living_start >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined && filter.to !== null) {
      where.push('l.living_start <= ?');
      params.push(filter.to);
    }
    if (filter.status && filter.status.length > 0) {
      where.push('l.status IN (SELECT value FROM json_each(?))');
      params.push(JSON.stringify(filter.status));
    }
    if (filter.anchorUserid) {
      where.push('l.anchor_userid = ?');
      params.push(filter.anchorUserid);
    }
    if (filter.type !== undefined && filter.type !== null) {
      where.push('l.type = ?');
      params.push(filter.type);
    }
    const q = filter.query?.trim();
    if (q) {
      where.push(`(l.theme LIKE ? ESCAPE '\\' OR l.livingid = ? OR a.name = ?)`);
      params.push(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q, q);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // the list view asks for one page, sorted here: a big corp's thousands of lives never cross to the
    // window whole; the calendars and pickers ask for every match, newest first
    const page = filter.page ?? { sort: 'start', desc: true, offset: 0, limit: UNPAGED_LIMIT };
    const direction = page.desc ? 'DESC' : 'ASC';
    const rows = ctx
      .stmt(
        `SELECT ${LIVE_COLUMNS} FROM ${LIVE_FROM} ${whereSql}
         ORDER BY ${PAGE_ORDER[page.sort]} ${direction}, l.living_start ${direction}, l.id ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...params, page.limit, page.offset) as LiveRow[];
    const total = filter.page ? (ctx.stmt(`SELECT count(*) FROM ${LIVE_FROM} ${whereSql}`).pluck().get(...params) as number) : rows.length;
    return { asOf: ctx.datasetAt('lives'), total, lives: rows.map(toLive) };
  }

  function liveRow(livingid: string): LiveRow | undefined {
    return ctx.stmt(`SELECT ${LIVE_COLUMNS} FROM ${LIVE_FROM} WHERE l.livingid = ?`).get(livingid) as
      LiveRow | undefined;
  }

  function getLive(livingid: string): LiveDetailResult | null {
    const row = liveRow(livingid);
    if (!row) return null;
    return { asOf: row.fetched_at, live: toLive(row), audience: getLiveAudience(livingid) };
  }

  function livesNow(now: number, horizonSeconds: number): LivesNowResult {
    const nowS = Math.floor(now / 1000);
    const live = livesOnAir(ctx);
    // reserved lives due within the horizon, and those whose slot has begun but are not live yet
    const upcoming = ctx
      .stmt(
        `SELECT ${LIVE_COLUMNS} FROM ${LIVE_FROM}
         WHERE l.status = 0 AND l.living_start <= ? AND l.living_start + l.living_duration >= ?
         ORDER BY l.living_start, l.id`,
      )
      .all(nowS + Math.max(0, Math.trunc(horizonSeconds)), nowS) as LiveRow[];
    return { asOf: ctx.datasetAt('lives'), live: live.map(toLive), upcoming: upcoming.map(toLive) };
  }

  function knownAnchors(): string[] {
    return ctx
      .stmt(`SELECT DISTINCT anchor_userid FROM lives WHERE anchor_userid != '' ORDER BY anchor_userid`)
      .pluck()
      .all() as string[];
  }

  function pendingWatchSyncs(): string[] {
    // final = the fetch began after the live had ended (status 2/3/4): nothing can change anymore
    return ctx
      .stmt(
        `SELECT l.livingid FROM lives l LEFT JOIN sync_state s ON s.scope = 'watch:' || l.livingid
         WHERE s.status IN ('running', 'merging')
            OR l.status = 1
            OR (l.status = 2 AND (s.status IS NULL OR s.status != 'done'
                                  OR COALESCE(json_extract(s.data, '$.final'), 0) = 0))
         ORDER BY (s.status IN ('running', 'merging')) DESC, (l.status = 1) DESC, l.living_start DESC`,
      )
      .pluck()
      .all() as string[];
  }

  return {
    upsertLives,
    deleteLives,
    setLiveAudience,
    getLiveAudience,
    listLives,
    getLive,
    livesNow,
    knownAnchors,
    pendingWatchSyncs,
  };
}
