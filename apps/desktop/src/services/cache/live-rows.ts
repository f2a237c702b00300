// Lives as the renderer sees them (models.ts `Live`), from lives rows joined with the anchor's name.
import type { Live } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';

export const LIVE_COLUMNS = `l.id, l.livingid, l.theme, l.anchor_userid, a.name AS anchor_name, l.living_start,
  l.living_duration, l.status, l.type, l.description, l.remind_time, l.reserve_start, l.reserve_living_duration,
  l.main_department, l.viewer_num, l.comment_num, l.mic_num, l.online_count, l.subscribe_count, l.open_replay,
  l.replay_status, l.push_stream_url, l.fetched_at`;
export const LIVE_FROM = 'lives l LEFT JOIN users a ON a.userid = l.anchor_userid';

/** Lives on air now (status 1), earliest first. */
export function livesOnAir(ctx: CacheContext): LiveRow[] {
  return ctx.stmt(`SELECT ${LIVE_COLUMNS} FROM ${LIVE_FROM} WHERE l.status = 1 ORDER BY l.living_start, l.id`).all() as LiveRow[];
}

export interface LiveRow {
  id: number;
  livingid: string;
  theme: string;
  anchor_userid: string;
  anchor_name: string | null;
  living_start: number;
  living_duration: number;
  status: number;
  type: number;
  description: string;
  remind_time: number | null;
  reserve_start: number | null;
  reserve_living_duration: number | null;
  main_department: number | null;
  viewer_num: number;
  comment_num: number;
  mic_num: number;
  online_count: number;
  subscribe_count: number;
  open_replay: number;
  replay_status: number | null;
  push_stream_url: string | null;
  fetched_at: number;
}

export function toLive(r: LiveRow): Live {
  const openReplay = r.open_replay === 1;
  return {
    livingid: r.livingid,
    theme: r.theme,
    anchorUserid: r.anchor_userid,
    anchorName: r.anchor_name || null,
    livingStart: r.living_start,
    livingDuration: r.living_duration,
    status: r.status as Live['status'],
    type: r.type as Live['type'],
    description: r.description,
    remindTime: r.remind_time,
    reserveStart: r.reserve_start,
    reserveLivingDuration: r.reserve_living_duration,
    mainDepartment: r.main_department || null,
    viewerNum: r.viewer_num,
    commentNum: r.comment_num,
    micNum: r.mic_num,
    onlineCount: r.online_count,
    subscribeCount: r.subscribe_count,
    openReplay,
    replayStatus: openReplay ? r.replay_status : null,
    pushStreamUrl: r.push_stream_url,
    fetchedAt: r.fetched_at,
  };
}
