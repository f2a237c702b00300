// Validation of living/create and living/modify bodies: types first (zod), then WeCom's rules with
// an errmsg that names the field and the limit.
import { z } from 'zod';
import { fail } from '../errors.ts';
import type { LiveType, SimActivityDetail } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';
import { charLength, parseBody } from './validate.ts';

const THEME_MAX_CHARS = 20;
const DESCRIPTION_MAX_CHARS = 100;
const MAX_DURATION_S = 24 * 3600;
/** Unix seconds before 2100; larger values are almost surely milliseconds. */
const MAX_UNIX_SECONDS = 4_102_444_800;

const activityDetail = z.object({
  description: z.string().optional(),
  image_list: z.array(z.string()).optional(),
});

const commonFields = {
  theme: z.string().optional(),
  living_start: z.number().int().optional(),
  living_duration: z.number().int().optional(),
  description: z.string().optional(),
  type: z.number().int().optional(),
  remind_time: z.number().int().optional(),
  agentid: z.number().int().optional(),
  activity_cover_mediaid: z.string().optional(),
  activity_share_mediaid: z.string().optional(),
  activity_detail: activityDetail.optional(),
};

const createSchema = z.object({ anchor_userid: z.string().optional(), ...commonFields });
const modifySchema = z.object({ livingid: z.string().optional(), ...commonFields });

export interface LiveFields {
  theme?: string;
  living_start?: number;
  living_duration?: number;
  description?: string;
  type?: LiveType;
  remind_time?: number;
  agentid?: number;
  activity_cover_mediaid?: string;
  activity_share_mediaid?: string;
  activity_detail?: SimActivityDetail;
}

function checkFields(
  f: z.infer<typeof createSchema> | z.infer<typeof modifySchema>,
  store: SimStore,
): LiveFields {
  if (f.theme !== undefined) {
    if (f.theme.trim() === '') fail(40058, 'theme must not be empty');
    if (charLength(f.theme) > THEME_MAX_CHARS)
      fail(40058, `theme exceeds ${THEME_MAX_CHARS} characters (${charLength(f.theme)})`);
  }
  if (f.living_start !== undefined) {
    if (f.living_start <= 0) fail(40058, 'living_start must be a positive unix timestamp in seconds');
    if (f.living_start > MAX_UNIX_SECONDS)
      fail(40058, `living_start ${f.living_start} looks like milliseconds; use unix seconds`);
  }
  if (f.living_duration !== undefined && (f.living_duration <= 0 || f.living_duration > MAX_DURATION_S)) {
    fail(40058, `living_duration must be between 1 and ${MAX_DURATION_S} seconds, got ${f.living_duration}`);
  }
  if (f.description !== undefined && charLength(f.description) > DESCRIPTION_MAX_CHARS) {
    fail(40058, `description exceeds ${DESCRIPTION_MAX_CHARS} characters (${charLength(f.description)})`);
  }
  if (f.type !== undefined && (f.type < 0 || f.type > 4)) {
    fail(
      40058,
      `type must be 0 (general), 1 (small class), 2 (big class), 3 (training) or 4 (activity), got ${f.type}`,
    );
  }
  if (f.remind_time !== undefined && f.remind_time < 0) fail(40058, 'remind_time must be >= 0 seconds');
  const images = f.activity_detail?.image_list ?? [];
  if (images.length > 5)
    fail(40058, `activity_detail.image_list holds at most 5 images, got ${images.length}`);
  for (const mediaId of [f.activity_cover_mediaid, f.activity_share_mediaid, ...images]) {
    if (mediaId && store.media.get(mediaId)?.type !== 'image')
      fail(40007, `"${mediaId}" is not an uploaded image media_id`);
  }
  return f as LiveFields;
}

export function parseCreate(
  body: unknown,
  store: SimStore,
): LiveFields & { anchor_userid: string; theme: string; living_start: number; living_duration: number } {
  const f = parseBody(createSchema, body);
  if (!f.anchor_userid) fail(40058, 'anchor_userid is required');
  if (f.theme === undefined) fail(40058, 'theme is required');
  if (f.living_start === undefined) fail(40058, 'living_start is required');
  if (f.living_duration === undefined) fail(40058, 'living_duration is required');
  const fields = checkFields(f, store);
  return {
    ...fields,
    anchor_userid: f.anchor_userid,
    theme: f.theme,
    living_start: f.living_start,
    living_duration: f.living_duration,
  };
}

export function parseModify(body: unknown, store: SimStore): LiveFields & { livingid: string } {
  const f = parseBody(modifySchema, body);
  if (!f.livingid) fail(40058, 'livingid is required');
  return { ...checkFields(f, store), livingid: f.livingid };
}
