// The simulator's data model: generated organisation, lives, watch statistics and everything the
// API mutates (messages, app chats, media). Field names follow WeCom's JSON where a type mirrors it.

/** 1 activated, 2 disabled, 4 not activated, 5 left the corp */
export type UserStatus = 1 | 2 | 4 | 5;
/** 0 general, 1 small class, 2 big class, 3 corporate training, 4 activity */
export type LiveType = 0 | 1 | 2 | 3 | 4;
/** 0 reserved, 1 living, 2 ended, 3 expired, 4 cancelled */
export type LiveStatus = 0 | 1 | 2 | 3 | 4;
/** 0 ready, 1 generating, 2 deleted, 3 failed */
export type ReplayStatus = 0 | 1 | 2 | 3;

export interface SimDepartment {
  id: number;
  name: string;
  name_en: string;
  parentid: number;
  /** larger = earlier among siblings */
  order: number;
  department_leader: string[];
  /** depth below the root (root = 0) */
  level: number;
}

export interface SimExtAttr {
  type: 0;
  name: string;
  text: { value: string };
}

export interface SimUser {
  userid: string;
  name: string;
  department: number[];
  order: number[];
  position: string;
  mobile: string;
  /** '0' unknown, '1' male, '2' female */
  gender: '0' | '1' | '2';
  email: string;
  biz_mail: string;
  is_leader_in_dept: number[];
  direct_leader: string[];
  avatar: string;
  thumb_avatar: string;
  telephone: string;
  alias: string;
  status: UserStatus;
  address: string;
  main_department: number;
  qr_code: string;
  external_position: string;
  extattr: { attrs: SimExtAttr[] };
}

export interface SimTag {
  tagid: number;
  tagname: string;
  userids: string[];
  partyids: number[];
}

export interface SimActivityDetail {
  description?: string;
  image_list?: string[];
}

export interface SimLive {
  livingid: string;
  theme: string;
  description: string;
  anchor_userid: string;
  type: LiveType;
  /** unix seconds: actual (or planned) start */
  living_start: number;
  /** seconds */
  living_duration: number;
  reserve_start: number;
  reserve_living_duration: number;
  /** seconds before start */
  remind_time: number;
  open_replay: 0 | 1;
  /** replay state once the live has ended ('generating' is derived from the clock) */
  replay: 'ready' | 'deleted' | 'failed';
  cancelled: boolean;
  /** a reserved live nobody started: expired (status 3) once its start has passed */
  neverStarted: boolean;
  /** agentid of the app that created it (generated lives: the Demo app) */
  creatorAgentId: number;
  subscribe_count: number;
  /** total viewers (internal + external) once it has started */
  viewerTarget: number;
  /** share of viewers who are corp members */
  internalShare: number;
  activity_cover_mediaid: string;
  activity_share_mediaid: string;
  activity_detail: SimActivityDetail | null;
  /** creation time (ms) */
  createdAt: number;
}

/**
 * Watch statistics of one live, stored column-wise so a 100k-viewer live stays small; rows are
 * rendered per page. Internal rows come first, then external ones (indexes share `watchTime`/`flags`).
 */
export interface SimWatchStats {
  livingid: string;
  /** seed of the corp's external identities (ids and names derive from it) */
  identitySeed: number;
  userCount: number;
  externalCount: number;
  /** index into the state's user list, one per internal viewer */
  userIndex: Int32Array;
  /** external identity index, one per external viewer */
  externalIndex: Int32Array;
  /** seconds watched over the whole planned duration (scaled down while the live is running) */
  watchTime: Int32Array;
  /** bit0 is_comment, bit1 is_mic, bit2 external viewer is a WeCom user (type 2) */
  flags: Uint8Array;
  /** activity lives only: >= 0 internal invitor (user index), <= -2 external invitor -(index + 2), -1 none */
  invitor: Int32Array | null;
  /** comments written (comment_num), >= number of commenters */
  commentCount: number;
  /** viewers who spoke on the mic (mic_num) */
  micCount: number;
}

export interface SimWatchUserRow {
  userid: string;
  watch_time: number;
  is_comment: 0 | 1;
  is_mic: 0 | 1;
  invitor_userid: string;
  invitor_external_userid: string;
}

export interface SimWatchExternalRow {
  external_userid: string;
  /** 1 WeChat user, 2 WeCom user */
  type: 1 | 2;
  name: string;
  watch_time: number;
  is_comment: 0 | 1;
  is_mic: 0 | 1;
  invitor_userid: string;
  invitor_external_userid: string;
}

export interface SimShareInfo {
  ww_share_code: string;
  livingid: string;
  viewer_userid: string;
  viewer_external_userid: string;
  invitor_userid: string;
  invitor_external_userid: string;
}

export interface SimMessage {
  msgid: string;
  agentid: number;
  msgtype: string;
  /** the request body as received */
  body: Record<string, unknown>;
  /** lower-cased userids that received it */
  recipients: string[];
  invaliduser: string[];
  invalidparty: string[];
  invalidtag: string[];
  unlicenseduser: string[];
  sentAt: number;
  recalledAt: number | null;
}

export interface SimAppChat {
  chatid: string;
  name: string;
  owner: string;
  userlist: string[];
  creatorAgentId: number;
  createdAt: number;
}

export interface SimSchedule {
  schedule_id: string;
  creatorAgentId: number;
  calId: string;
  summary: string;
  description: string;
  location: string;
  admins: string[];
  attendees: string[];
  startTime: number;
  endTime: number;
  isWholeDay: number;
  reminders: { is_remind?: number; remind_before_event_secs?: number; is_repeat?: number };
  /** 0 normal, 1 cancelled */
  status: 0 | 1;
  createdAt: number;
}

export interface SimAppChatMessage {
  chatid: string;
  agentid: number;
  msgtype: string;
  body: Record<string, unknown>;
  sentAt: number;
}

export type MediaType = 'image' | 'voice' | 'video' | 'file';

export interface SimMedia {
  media_id: string;
  type: MediaType;
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** ms */
  createdAt: number;
}

export interface SimImage {
  id: string;
  url: string;
  filename: string;
  contentType: string;
  data: Uint8Array;
}

/** A generated organisation: plain data, no HTTP. */
export interface GeneratedOrg {
  seed: number;
  corpId: string;
  corpName: string;
  corpNameEn: string;
  emailDomain: string;
  /** pre-order (parents before children, siblings by order) */
  departments: SimDepartment[];
  users: SimUser[];
  tags: SimTag[];
  /** by living_start descending */
  lives: SimLive[];
  /** userids without a basic API licence (message/send reports them in unlicenseduser) */
  unlicensedUserIds: string[];
  shareInfos: SimShareInfo[];
}

/** Read access to the simulator's live data (tests assert against it). */
export interface SimState {
  readonly seed: number;
  readonly corpId: string;
  readonly corpName: string;
  readonly departments: ReadonlyMap<number, SimDepartment>;
  /** pre-order */
  readonly departmentList: readonly SimDepartment[];
  /** keyed by lower-cased userid */
  readonly users: ReadonlyMap<string, SimUser>;
  readonly userList: readonly SimUser[];
  readonly tags: ReadonlyMap<number, SimTag>;
  readonly lives: ReadonlyMap<string, SimLive>;
  readonly unlicensedUserIds: ReadonlySet<string>;
  readonly shareInfos: ReadonlyMap<string, SimShareInfo>;
  readonly messages: readonly SimMessage[];
  readonly appchats: ReadonlyMap<string, SimAppChat>;
  readonly appchatMessages: readonly SimAppChatMessage[];
  /** schedules added through oa/schedule/add, by schedule_id */
  readonly schedules: ReadonlyMap<string, SimSchedule>;
  readonly media: ReadonlyMap<string, SimMedia>;
  readonly images: ReadonlyMap<string, SimImage>;
  /** direct members of a department */
  usersInDepartment(departmentId: number): readonly SimUser[];
  /** the department and all its descendants, pre-order */
  departmentSubtree(departmentId: number): readonly SimDepartment[];
  childDepartments(departmentId: number): readonly SimDepartment[];
  /** A department renamed in WeCom's admin console: every answer from now on carries the new name. */
  renameDepartment(departmentId: number, name: string): void;
  /** lives anchored by a user, by living_start descending */
  livesOfAnchor(userid: string): readonly SimLive[];
  /** status at the simulator's clock */
  liveStatus(live: SimLive): LiveStatus;
  replayStatus(live: SimLive): ReplayStatus;
  /** current online viewers (0 unless living) */
  onlineCount(live: SimLive): number;
  /** null for a live that has not started (or was cancelled / expired) */
  watchStats(livingid: string): SimWatchStats | null;
  /** every watch row as get_watch_stat serves it at the simulator's clock */
  watchRows(livingid: string): { users: SimWatchUserRow[]; external_users: SimWatchExternalRow[] };
}
