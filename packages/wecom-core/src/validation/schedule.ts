// Checks for oa/schedule/add, update, get and del, before anything is sent.
import type { Language } from '../http/types.ts';
import type { ScheduleFields } from '../models/schedule.ts';
import { SCHEDULE_LIMITS } from '../rules/limits.ts';
import { utf8Bytes } from '../rules/text-length.ts';
import { throwFirst, type InputProblem } from './fail.ts';
import { checkNonEmptyId, checkUserids } from './ids.ts';
import { maxChars } from './text.ts';

function timeProblems(fields: ScheduleFields): InputProblem | null {
  const valid = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0;
  if (!valid(fields.start_time) || !valid(fields.end_time)) {
    return { field: 'start_time', zh: '开始和结束时间须为 Unix 秒', en: 'start_time and end_time must be Unix seconds' };
  }
  if (fields.end_time < fields.start_time) {
    return { field: 'end_time', zh: '结束时间不能早于开始时间', en: 'end_time must not be before start_time' };
  }
  return null;
}

function countProblem(field: string, count: number, max: number): InputProblem | null {
  if (count <= max) return null;
  return { field, zh: `最多 ${max} 个（当前 ${count} 个）`, en: `at most ${max} (got ${count})` };
}

function reminderProblem(fields: ScheduleFields): InputProblem | null {
  const secs = fields.reminders?.remind_before_event_secs;
  const allowed: readonly number[] = SCHEDULE_LIMITS.remindBeforeEventSecs;
  if (secs === undefined || allowed.includes(secs)) return null;
  return {
    field: 'reminders.remind_before_event_secs',
    zh: `只能是 ${allowed.join('、')} 秒之一（当前 ${secs}）`,
    en: `must be one of ${allowed.join(', ')} seconds (got ${secs})`,
  };
}

function fieldProblems(fields: ScheduleFields): Array<InputProblem | null> {
  const attendees = (fields.attendees ?? []).map((a) => a.userid);
  return [
    timeProblems(fields),
    maxChars('summary', fields.summary, SCHEDULE_LIMITS.summaryChars),
    maxChars('description', fields.description, SCHEDULE_LIMITS.descriptionChars),
    maxChars('location', fields.location, SCHEDULE_LIMITS.locationChars),
    countProblem('attendees', new Set(attendees).size, SCHEDULE_LIMITS.attendees),
    checkUserids('attendees', attendees),
    countProblem('admins', fields.admins?.length ?? 0, SCHEDULE_LIMITS.admins),
    checkUserids('admins', fields.admins ?? []),
    reminderProblem(fields),
    fields.cal_id !== undefined && utf8Bytes(fields.cal_id) > SCHEDULE_LIMITS.calIdBytes
      ? { field: 'cal_id', zh: `最多 ${SCHEDULE_LIMITS.calIdBytes} 字节`, en: `at most ${SCHEDULE_LIMITS.calIdBytes} bytes` }
      : null,
  ];
}

export function validateScheduleAdd(fields: ScheduleFields, language: Language): void {
  throwFirst(fieldProblems(fields), language);
}

export function validateScheduleUpdate(scheduleId: string, fields: Omit<ScheduleFields, 'cal_id'>, language: Language): void {
  throwFirst([checkNonEmptyId('schedule_id', scheduleId), ...fieldProblems(fields)], language);
}

export function validateScheduleIds(ids: readonly string[], language: Language): void {
  throwFirst(
    [
      ids.length === 0 ? { field: 'schedule_id_list', zh: '不能为空', en: 'must not be empty' } : null,
      countProblem('schedule_id_list', ids.length, SCHEDULE_LIMITS.idsPerGet),
      ...ids.map((id, i) => checkNonEmptyId(`schedule_id_list[${i}]`, id)),
    ],
    language,
  );
}
