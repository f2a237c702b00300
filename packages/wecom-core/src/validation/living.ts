// Checks for living/create and living/modify: the stricter of the create (characters) and modify
// (bytes) docs' length rules.
import type { Language } from '../http/types.ts';
import { LIVING_TYPE, type CreateLivingRequest, type ModifyLivingRequest } from '../models/living.ts';
import { LIVING_LIMITS } from '../rules/limits.ts';
import { throwFirst, type InputProblem } from './fail.ts';
import { checkNonEmptyId, checkUserid } from './ids.ts';
import { maxBytes, maxChars, requireText } from './text.ts';

function checkUnixSeconds(field: string, value: number | undefined): InputProblem | null {
  if (value === undefined) return null;
  // Milliseconds would be ~1000x larger than any plausible date in seconds.
  if (Number.isInteger(value) && value > 0 && value < 1e11) return null;
  return {
    field,
    zh: `须为 Unix 时间戳（秒）（当前 ${value}）`,
    en: `must be a Unix time in seconds (got ${value})`,
  };
}

function checkDuration(field: string, value: number | undefined): InputProblem | null {
  if (value === undefined) return null;
  if (Number.isInteger(value) && value > 0) return null;
  return {
    field,
    zh: `须为大于 0 的整数秒（当前 ${value}）`,
    en: `must be a whole number of seconds > 0 (got ${value})`,
  };
}

function checkType(field: string, value: number | undefined): InputProblem | null {
  if (value === undefined) return null;
  if (Number.isInteger(value) && value >= 0 && value <= 4) return null;
  return {
    field,
    zh: `须为 0–4（0 通用、1 小班课、2 大班课、3 企业培训、4 活动）（当前 ${value}）`,
    en: `must be 0–4 (0 general, 1 small class, 2 big class, 3 training, 4 activity) (got ${value})`,
  };
}

function checkRemind(field: string, value: number | undefined): InputProblem | null {
  if (value === undefined) return null;
  if (Number.isInteger(value) && value >= 0) return null;
  return {
    field,
    zh: `须为不小于 0 的整数秒（当前 ${value}）`,
    en: `must be a whole number of seconds ≥ 0 (got ${value})`,
  };
}

function themeProblems(theme: string | undefined): (InputProblem | null)[] {
  return [
    maxChars('theme', theme, LIVING_LIMITS.themeChars),
    maxBytes('theme', theme, LIVING_LIMITS.themeBytes),
  ];
}

function descriptionProblems(description: string | undefined): (InputProblem | null)[] {
  return [
    maxChars('description', description, LIVING_LIMITS.descriptionChars),
    maxBytes('description', description, LIVING_LIMITS.descriptionBytes),
  ];
}

/** The activity page (cover, share image, detail) belongs to activity lives (type 4) only. */
function activityFieldsOutsideActivity(request: CreateLivingRequest): InputProblem | null {
  const field = request.activity_cover_mediaid
    ? 'activity_cover_mediaid'
    : request.activity_share_mediaid
      ? 'activity_share_mediaid'
      : request.activity_detail
        ? 'activity_detail'
        : null;
  if (field === null || request.type === LIVING_TYPE.activity) return null;
  return { field, zh: '只用于活动直播（type 4）', en: 'is for activity lives (type 4) only' };
}

export function validateCreateLiving(request: CreateLivingRequest, language: Language): void {
  const images = request.activity_detail?.image_list;
  throwFirst(
    [
      checkUserid('anchor_userid', request.anchor_userid),
      requireText('theme', request.theme),
      ...themeProblems(request.theme),
      request.living_start === undefined
        ? { field: 'living_start', zh: '不能为空', en: 'is required' }
        : checkUnixSeconds('living_start', request.living_start),
      request.living_duration === undefined
        ? { field: 'living_duration', zh: '不能为空', en: 'is required' }
        : checkDuration('living_duration', request.living_duration),
      checkType('type', request.type),
      ...descriptionProblems(request.description),
      checkRemind('remind_time', request.remind_time),
      images && images.length > LIVING_LIMITS.activityImages
        ? { field: 'activity_detail.image_list', zh: '最多 5 张图片', en: 'at most 5 images' }
        : null,
      activityFieldsOutsideActivity(request),
    ],
    language,
  );
}

export function validateModifyLiving(request: ModifyLivingRequest, language: Language): void {
  throwFirst(
    [
      checkNonEmptyId('livingid', request.livingid),
      request.theme === undefined ? null : requireText('theme', request.theme),
      ...themeProblems(request.theme),
      checkUnixSeconds('living_start', request.living_start),
      checkDuration('living_duration', request.living_duration),
      checkType('type', request.type),
      ...descriptionProblems(request.description),
      checkRemind('remind_time', request.remind_time),
    ],
    language,
  );
}
