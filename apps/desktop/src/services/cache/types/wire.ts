// WeCom wire shapes the cache takes in (snake_case, minimal, compatible with WeCom's JSON).
// Times: `fetchedAt` is ms since epoch; live times (living_start…) are unix seconds.

export interface WireUser {
  userid: string;
  name?: string;
  /** Department ids; when present the user's department links are replaced by these. */
  department?: number[];
  /** Sort order inside each department, parallel to `department`. */
  order?: number[];
  is_leader_in_dept?: number[];
  position?: string;
  /** 1 activated, 2 disabled, 4 not activated, 5 left; missing → 1 */
  status?: number;
  main_department?: number;
  alias?: string;
  email?: string;
  biz_mail?: string;
  mobile?: string;
}

export interface WireDepartment {
  id: number;
  name?: string;
  name_en?: string;
  parentid: number;
  order?: number;
  department_leader?: string[];
}

/** One (user, department) link, as user/list_id's `dept_user[]`. */
export interface WireDeptUser {
  userid: string;
  department: number;
}

/** What a full org sync fetches completely: only these are swept at its end. */
export type OrgSyncPart = 'departments' | 'users' | 'tags';

export interface WireTag {
  tagid: number;
  tagname: string;
}

/** tag/get members: `userlist[]{userid,name}` (or plain userids) and `partylist[]`. */
export interface WireTagMembers {
  userlist?: Array<{ userid: string; name?: string } | string>;
  partylist?: number[];
}

/** get_living_info's `living_info` plus its livingid (and remind_time, known from create/modify). */
export interface WireLivingInfo {
  livingid: string;
  theme: string;
  living_start: number;
  living_duration: number;
  status: number;
  anchor_userid: string;
  reserve_start?: number;
  reserve_living_duration?: number;
  description?: string;
  main_department?: number;
  viewer_num?: number;
  comment_num?: number;
  mic_num?: number;
  open_replay?: number;
  replay_status?: number;
  type?: number;
  push_stream_url?: string;
  online_count?: number;
  subscribe_count?: number;
  /** Not in living_info: set when known (create/modify); kept when absent. */
  remind_time?: number;
}

export interface WireWatchUser {
  userid: string;
  watch_time: number;
  is_comment?: number;
  is_mic?: number;
  invitor_userid?: string;
  invitor_external_userid?: string;
}

export interface WireWatchExternalUser {
  external_userid: string;
  /** 1 WeChat user, 2 WeCom user of another corp */
  type?: number;
  name?: string;
  watch_time: number;
  is_comment?: number;
  is_mic?: number;
  invitor_userid?: string;
  invitor_external_userid?: string;
}

/** get_watch_stat's `stat_info`. */
export interface WireWatchPage {
  users?: WireWatchUser[];
  external_users?: WireWatchExternalUser[];
}
