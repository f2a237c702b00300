// Notices about a live (created / changed / cancelled) and reminders (before the start, to
// absentees after the end), as the renderer sees them; and the plain text of a textcard.
import { z } from 'zod';
import { epochMs, messageBodySchema, serviceErrorSchema } from './models.ts';

export const NOTICE_KINDS = ['created', 'changed', 'cancelled'] as const;
export const REMINDER_KINDS = ['before-start', 'after-end'] as const;
export const noticeKindSchema = z.enum(NOTICE_KINDS);
export const reminderKindSchema = z.enum(REMINDER_KINDS);
export type NoticeKind = z.infer<typeof noticeKindSchema>;
export type ReminderKind = z.infer<typeof reminderKindSchema>;

/**
 * When a reminder goes out (epoch ms): `offsetSeconds` before the live's start, or after its end.
 * One formula for the services, which schedule and send it, and the screen, which says beforehand
 * whether that time has passed.
 */
export function reminderDueAt(reminder: { kind: string; offsetSeconds: number }, live: { livingStart: number; livingDuration: number }): number {
  const seconds =
    reminder.kind === 'before-start' ? live.livingStart - reminder.offsetSeconds : live.livingStart + live.livingDuration + reminder.offsetSeconds;
  return seconds * 1000;
}

/**
 * scheduled: waits for its time. sending: WeCom is being asked. sent: WeCom accepted every part.
 * failed: WeCom refused or could not be reached before anything was sent (a retry is safe).
 * unknown: the answer was lost after sending (a retry within WeCom's 4-hour duplicate check
 * cannot deliver twice). missed: its time passed while the app was not running. cancelled: the
 * reminder or its live was cancelled.
 */
export const NOTICE_STATUSES = ['scheduled', 'sending', 'sent', 'failed', 'unknown', 'missed', 'cancelled'] as const;
export const noticeStatusSchema = z.enum(NOTICE_STATUSES);
export type NoticeStatus = z.infer<typeof noticeStatusSchema>;

export const noticeRecordSchema = z.object({
  id: z.number().int(),
  livingid: z.string(),
  kind: z.union([noticeKindSchema, reminderKindSchema]),
  status: noticeStatusSchema,
  /** reminders: seconds before the start or after the end */
  offsetSeconds: z.number().int(),
  /** the admin's own words (after-end reminders) */
  note: z.string(),
  /** when a reminder is (or was) due; null for notices */
  dueAt: epochMs.nullable(),
  /** people the message goes to (users named plus departments and tags expanded from the cache) */
  recipientCount: z.number().int(),
  /** the exact message, once composed */
  body: messageBodySchema.nullable(),
  /** why it failed, was missed or cancelled: a code the renderer words (params.parts: how many parts were sent) */
  error: z.nullable(serviceErrorSchema),
  /** message-history rows of the parts WeCom accepted */
  messageIds: z.array(z.number().int()),
  sentAt: epochMs.nullable(),
  createdAt: epochMs,
  /** whether a retry is offered now, and if not, why */
  retry: z.object({ allowed: z.boolean(), reason: z.enum(['window', 'done', 'waiting', 'busy', 'cancelled']).nullable() }),
});
export type NoticeRecord = z.infer<typeof noticeRecordSchema>;

export const calendarStateSchema = z.object({
  /** added / cancelled: WeCom confirmed it. unknown: the answer was lost. failed: WeCom refused. */
  state: z.enum(['added', 'cancelled', 'unknown', 'failed']),
  scheduleId: z.string().nullable(),
  error: z.nullable(serviceErrorSchema),
  updatedAt: epochMs,
});
export type CalendarState = z.infer<typeof calendarStateSchema>;

