// Data shapes the renderer sees (camelCase, from the services' cache). zod schemas double as types.
import { z } from 'zod';
import { LIVING_LIMITS, MESSAGE_LIMITS } from '@wld/wecom-core/rules';
import { httpUrlSchema, useridSchema } from './text-rules.ts';
import { serviceErrorSchema } from './service-error.ts';

export { serviceErrorSchema, type ServiceError } from './service-error.ts';

export const epochMs = z.number().int().nonnegative();
export const unixSeconds = z.number().int().nonnegative();

/** Every read result says how old its data is. */
export const freshness = {
  /** When the data was fetched from WeCom (ms since epoch); null when never fetched. */
  asOf: epochMs.nullable(),
  /** True when older than the cache TTL (a background refresh has been started, if online). */
  stale: z.boolean(),
};

export const userStatusSchema = z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(5)]);
/** Every user status, in WeCom's order (what a status filter or column lists). */
export const USER_STATUSES = userStatusSchema.options.map((option) => option.value);

export const departmentSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  nameEn: z.string().optional(),
  parentId: z.number().int(),
  order: z.number(),
  leaders: z.array(z.string()),
  /** Users directly in this department. */
  userCount: z.number().int(),
  /** Users in this department and all below it (distinct). */
  totalUserCount: z.number().int(),
});
export type Department = z.infer<typeof departmentSchema>;

/**
 * The level departments are grouped at: 1 一级部门 (right below the root), 2 二级部门…;
 * null: each department as it is (the leaf).
 */
export const departmentLevelSchema = z.number().int().min(1).max(15).nullable();
export type DepartmentLevel = z.infer<typeof departmentLevelSchema>;

/** A row grouped by department: its full path, and whether it holds only the people directly in it. */
export const departmentGroupFields = {
  /** Full path, root first. */
  path: z.string(),
  /** The department sits above the chosen level (e.g. the root at 一级部门): only its own members. */
  direct: z.boolean(),
};

export const userSchema = z.object({
  userid: z.string(),
  name: z.string(),
  position: z.string(),
  status: userStatusSchema,
  mainDepartment: z.number().int().nullable(),
  departments: z.array(z.number().int()),
  alias: z.string().optional(),
  email: z.string().optional(),
  mobile: z.string().optional(),
});
export type User = z.infer<typeof userSchema>;

export const tagSchema = z.object({
  tagid: z.number().int(),
  tagname: z.string(),
  memberCount: z.number().int(),
});
export type Tag = z.infer<typeof tagSchema>;

/** 0 reserved 预约中, 1 living 直播中, 2 ended 已结束, 3 expired 已过期, 4 cancelled 已取消 */
export const liveStatusSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** 0 general 通用直播, 1 small class 小班课, 2 big class 大班课, 3 training 企业培训, 4 activity 活动直播 */
export const liveTypeSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

export const liveSchema = z.object({
  livingid: z.string(),
  theme: z.string(),
  anchorUserid: z.string(),
  anchorName: z.string().nullable(),
  livingStart: unixSeconds,
  livingDuration: z.number().int().nonnegative(),
  status: liveStatusSchema,
  type: liveTypeSchema,
  description: z.string(),
  remindTime: z.number().int().nonnegative().nullable(),
  reserveStart: unixSeconds.nullable(),
  reserveLivingDuration: z.number().int().nullable(),
  mainDepartment: z.number().int().nullable(),
  viewerNum: z.number().int(),
  commentNum: z.number().int(),
  micNum: z.number().int(),
  onlineCount: z.number().int(),
  subscribeCount: z.number().int(),
  openReplay: z.boolean(),
  /** 0 ready, 1 generating, 2 deleted, 3 failed; null when replay is off */
  replayStatus: z.number().int().nullable(),
  pushStreamUrl: z.string().nullable(),
  fetchedAt: epochMs,
});
export type Live = z.infer<typeof liveSchema>;

export const audienceSchema = z.object({
  userids: z.array(useridSchema).max(LIVING_LIMITS.userids),
  departmentIds: z.array(z.number().int()).max(LIVING_LIMITS.departmentIds),
  tagIds: z.array(z.number().int()).max(LIVING_LIMITS.tagIds),
});
export type Audience = z.infer<typeof audienceSchema>;

export const watchRowSchema = z.object({
  kind: z.enum(['internal', 'external']),
  /** userid for internal viewers, external_userid for external ones */
  id: z.string(),
  name: z.string(),
  departmentName: z.string().nullable(),
  /** The department's full path, root first ("总公司 / 研发中心 / 平台组"); null for external viewers. */
  departmentPath: z.string().nullable(),
  /** 1 WeChat user, 2 WeCom user from another corp (external viewers only) */
  externalType: z.number().int().nullable(),
  watchTime: z.number().int().nonnegative(),
  isComment: z.boolean(),
  isMic: z.boolean(),
  invitorUserid: z.string().nullable(),
  invitorExternalUserid: z.string().nullable(),
});
export type WatchRow = z.infer<typeof watchRowSchema>;

export const recipientsSchema = z.object({
  userids: z.array(useridSchema).max(MESSAGE_LIMITS.touser),
  departmentIds: z.array(z.number().int().positive()).max(MESSAGE_LIMITS.toparty),
  tagIds: z.array(z.number().int().positive()).max(MESSAGE_LIMITS.totag),
});
export type Recipients = z.infer<typeof recipientsSchema>;

export const messageBodySchema = z.discriminatedUnion('msgtype', [
  z.object({ msgtype: z.literal('text'), content: z.string().min(1) }),
  z.object({ msgtype: z.literal('markdown'), content: z.string().min(1) }),
  z.object({
    msgtype: z.literal('textcard'),
    title: z.string().min(1),
    description: z.string().min(1),
    url: httpUrlSchema,
    btntxt: z.string().optional(),
  }),
  z.object({ msgtype: z.literal('image'), mediaId: z.string().min(1) }),
  z.object({ msgtype: z.literal('file'), mediaId: z.string().min(1) }),
]);
export type MessageBody = z.infer<typeof messageBodySchema>;

export const sendResultSchema = z.object({
  msgid: z.string().nullable(),
  invalidUsers: z.array(z.string()),
  invalidParties: z.array(z.string()),
  invalidTags: z.array(z.string()),
  unlicensedUsers: z.array(z.string()),
  /**
   * WeCom accepted the message (errcode 0) but these fields of its answer could not be read: the
   * message was sent, the lists above may be incomplete. Absent when the answer was read in full.
   */
  unreadable: z.array(z.string()).optional(),
});
export type SendResult = z.infer<typeof sendResultSchema>;

export const sentMessageSchema = z.object({
  id: z.number().int(),
  msgid: z.string().nullable(),
  msgtype: z.string(),
  summary: z.string(),
  recipients: recipientsSchema,
  sentAt: epochMs,
  recalledAt: epochMs.nullable(),
  result: sendResultSchema,
  /** 'live-invite' | 'absentee-reminder' | 'manual' */
  origin: z.string(),
});
export type SentMessage = z.infer<typeof sentMessageSchema>;

export const appChatSchema = z.object({
  chatid: z.string(),
  name: z.string(),
  owner: z.string(),
  userlist: z.array(z.string()),
  fetchedAt: epochMs,
});
export type AppChat = z.infer<typeof appChatSchema>;

export const connectionStateSchema = z.object({
  state: z.enum(['online', 'offline', 'connecting', 'unconfigured']),
  /** Newest data in the cache (ms), null when empty. */
  asOf: epochMs.nullable(),
  since: epochMs,
  lastError: z.nullable(serviceErrorSchema),
});
export type ConnectionState = z.infer<typeof connectionStateSchema>;

export const syncScopeSchema = z.enum(['org', 'lives', 'watch', 'all']);
/** Why a sync is slow right now (a wait, a retry): a code the renderer words from its params. */
export const syncNoteSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
  until: epochMs.nullable(),
});
export const syncProgressSchema = z.object({
  jobId: z.string(),
  scope: syncScopeSchema,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  /** What the job works on now ('org', 'lives', 'watch') or how it ended ('done', 'cancelled', 'failed'); the renderer words it. */
  label: z.string(),
  error: z.nullable(serviceErrorSchema),
  /** Why the job is slow right now: a rate-limit wait (with its end) or a retry; null when working normally. */
  note: syncNoteSchema.nullable().optional(),
  /** Units of the current phase still to do (total − done), when known. */
  left: z.number().int().nullable().optional(),
  /** WeCom calls this job has made so far (retries included, cache hits not). */
  calls: z.number().int().optional(),
  /** Retries this job has spent, of its budget. */
  retries: z.object({ used: z.number().int(), max: z.number().int() }).optional(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;
