// Living (直播) answers: create, get_living_info, get_user_all_livingid, get_watch_stat, codes and shares.
import { z } from 'zod';
import { envelopeShape, flag } from './common.ts';

/** 0 reserved, 1 living, 2 ended, 3 expired, 4 cancelled. */
export const LIVING_STATUS = { reserved: 0, living: 1, ended: 2, expired: 3, cancelled: 4 } as const;
export type LivingStatus = (typeof LIVING_STATUS)[keyof typeof LIVING_STATUS];
/** Lives in these states no longer change, so their info may be cached. */
export const TERMINAL_LIVING_STATUSES: readonly number[] = [2, 3, 4];

/** 0 general, 1 small class, 2 big class, 3 corporate training, 4 activity. */
export const LIVING_TYPE = { general: 0, smallClass: 1, bigClass: 2, training: 3, activity: 4 } as const;
export type LivingType = (typeof LIVING_TYPE)[keyof typeof LIVING_TYPE];

/** replay_status (only when open_replay = 1): 0 ready, 1 generating, 2 deleted, 3 failed. */
export const REPLAY_STATUS = { ready: 0, generating: 1, deleted: 2, failed: 3 } as const;

const livingInfoObject = z.object({
  theme: z.string(),
  living_start: z.number().int(),
  living_duration: z.number().int(),
  status: z.number().int(),
  reserve_start: z.number().int().optional(),
  reserve_living_duration: z.number().int().optional(),
  description: z.string().optional(),
  anchor_userid: z.string(),
  main_department: z.number().int().optional(),
  viewer_num: z.number().int().optional(),
  comment_num: z.number().int().optional(),
  mic_num: z.number().int().optional(),
  open_replay: flag.optional(),
  replay_status: z.number().int().optional(),
  type: z.number().int().optional(),
  push_stream_url: z.string().optional(),
  online_count: z.number().int().optional(),
  subscribe_count: z.number().int().optional(),
});

// The doc's sample spells the key "status " (trailing space); accept that spelling too.
export const livingInfoSchema = z.preprocess((value) => {
  if (value && typeof value === 'object' && !('status' in value) && 'status ' in value) {
    const { ['status ']: status, ...rest } = value as Record<string, unknown>;
    return { ...rest, status };
  }
  return value;
}, livingInfoObject);
export type LivingInfo = z.infer<typeof livingInfoObject>;

export const livingInfoResponseSchema = z.object({ ...envelopeShape, living_info: livingInfoSchema });

export const createLivingResponseSchema = z.object({ ...envelopeShape, livingid: z.string() });
export const livingCodeResponseSchema = z.object({ ...envelopeShape, living_code: z.string() });

export const userAllLivingIdResponseSchema = z.object({
  ...envelopeShape,
  /** '' (or absent) on the last page. */
  next_cursor: z.string().optional(),
  livingid_list: z.array(z.string()).default([]),
});
export type UserAllLivingIdPage = z.infer<typeof userAllLivingIdResponseSchema>;

export const watchStatUserSchema = z.object({
  userid: z.string(),
  watch_time: z.number(),
  is_comment: flag.optional(),
  is_mic: flag.optional(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type WatchStatUser = z.infer<typeof watchStatUserSchema>;

export const watchStatExternalUserSchema = z.object({
  external_userid: z.string(),
  /** 1 WeChat user, 2 WeCom user of another corp. */
  type: z.number().int().optional(),
  name: z.string().optional(),
  watch_time: z.number(),
  is_comment: flag.optional(),
  is_mic: flag.optional(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type WatchStatExternalUser = z.infer<typeof watchStatExternalUserSchema>;

export const watchStatPageSchema = z.object({
  ...envelopeShape,
  /** 1 on the last page: the only valid end test. */
  ending: z.number().int(),
  next_key: z.string().optional(),
  stat_info: z
    .object({
      users: z.array(watchStatUserSchema).default([]),
      external_users: z.array(watchStatExternalUserSchema).default([]),
    })
    .default({ users: [], external_users: [] }),
});
export type WatchStatPage = z.infer<typeof watchStatPageSchema>;

export const livingShareInfoResponseSchema = z.object({
  ...envelopeShape,
  livingid: z.string(),
  viewer_userid: z.string().optional(),
  viewer_external_userid: z.string().optional(),
  invitor_userid: z.string().optional(),
  invitor_external_userid: z.string().optional(),
});
export type LivingShareInfo = z.infer<typeof livingShareInfoResponseSchema>;

export interface CreateLivingRequest {
  anchor_userid: string;
  /** ≤ 20 characters and ≤ 60 bytes. */
  theme: string;
  /** Unix seconds. */
  living_start: number;
  /** Seconds, > 0. */
  living_duration: number;
  type?: LivingType;
  /** ≤ 100 characters and ≤ 300 bytes. */
  description?: string;
  /** Seconds before the start to remind viewers. */
  remind_time?: number;
  /** Only for old multi-app third-party suites. */
  agentid?: number;
  activity_cover_mediaid?: string;
  activity_share_mediaid?: string;
  activity_detail?: { description?: string; image_list?: string[] };
}

/** Only a reserved living can be modified. */
export interface ModifyLivingRequest {
  livingid: string;
  theme?: string;
  living_start?: number;
  living_duration?: number;
  description?: string;
  type?: LivingType;
  remind_time?: number;
}
