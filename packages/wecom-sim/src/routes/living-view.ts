// living_info and get_watch_stat pages, computed at the simulator's clock.
import { renderWatchExternalRow, renderWatchUserRow } from '../data/generate-watch.ts';
import type { SimLive, SimWatchExternalRow, SimWatchUserRow } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';

export function livingInfo(store: SimStore, live: SimLive): Record<string, unknown> {
  const status = store.liveStatus(live);
  const stats = store.watchStats(live.livingid);
  const share = store.elapsedShare(live);
  return {
    theme: live.theme,
    living_start: live.living_start,
    living_duration: live.living_duration,
    status,
    reserve_start: live.reserve_start,
    reserve_living_duration: live.reserve_living_duration,
    description: live.description,
    anchor_userid: live.anchor_userid,
    main_department: store.findUser(live.anchor_userid)?.main_department ?? 1,
    viewer_num: stats ? stats.userCount + stats.externalCount : 0,
    comment_num: stats ? Math.floor(stats.commentCount * share) : 0,
    mic_num: stats ? stats.micCount : 0,
    open_replay: live.open_replay,
    replay_status: store.replayStatus(live),
    type: live.type,
    push_stream_url:
      live.type === 4 && status === 0
        ? `rtmp://livepush.wecom-sim.local/live/${live.livingid}?txSecret=sim`
        : '',
    online_count: store.onlineCount(live),
    subscribe_count: live.subscribe_count,
  };
}

export interface WatchPage {
  ending: 0 | 1;
  next_key: string;
  stat_info: { users: SimWatchUserRow[]; external_users: SimWatchExternalRow[] };
}

/** Rows [offset, offset + pageSize) of internal-then-external viewers; next_key is the next offset. */
export function watchPage(store: SimStore, live: SimLive, offset: number, pageSize: number): WatchPage {
  const stats = store.watchStats(live.livingid);
  if (!stats) return { ending: 1, next_key: String(offset), stat_info: { users: [], external_users: [] } };
  const total = stats.userCount + stats.externalCount;
  const end = Math.min(total, offset + pageSize);
  const share = store.elapsedShare(live);
  const users: SimWatchUserRow[] = [];
  const external: SimWatchExternalRow[] = [];
  for (let row = offset; row < end; row++) {
    if (row < stats.userCount) users.push(renderWatchUserRow(stats, store.userList, row, share));
    else external.push(renderWatchExternalRow(stats, store.userList, row - stats.userCount, share));
  }
  return {
    ending: end >= total ? 1 : 0,
    next_key: String(end),
    stat_info: { users, external_users: external },
  };
}

export function watchTotal(store: SimStore, live: SimLive): number {
  const stats = store.watchStats(live.livingid);
  return stats ? stats.userCount + stats.externalCount : 0;
}
