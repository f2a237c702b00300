// Schedules (日程, oa/schedule/*): the request shape and schedule/add and schedule/get answers.
import { z } from 'zod';
import { envelopeShape } from './common.ts';

export interface ScheduleReminders {
  is_remind?: 0 | 1;
  /** 0, 300, 900, 3600 or 86400 (SCHEDULE_LIMITS.remindBeforeEventSecs). */
  remind_before_event_secs?: number;
  is_repeat?: 0 | 1;
  repeat_type?: number;
  repeat_until?: number;
}

/** The fields schedule/add takes inside `schedule`; start and end are Unix seconds. */
export interface ScheduleFields {
  start_time: number;
  end_time: number;
  attendees?: Array<{ userid: string }>;
  summary?: string;
  description?: string;
  location?: string;
  admins?: string[];
  is_whole_day?: 0 | 1;
  reminders?: ScheduleReminders;
  /** A calendar this app created; the app's default calendar when omitted. */
  cal_id?: string;
}

export const scheduleAddResponseSchema = z.object({ ...envelopeShape, schedule_id: z.string() });

export const scheduleSchema = z.object({
  schedule_id: z.string(),
  admins: z.array(z.string()).default([]),
  attendees: z.array(z.object({ userid: z.string(), response_status: z.number().int().optional() })).default([]),
  summary: z.string().default(''),
  description: z.string().default(''),
  location: z.string().default(''),
  cal_id: z.string().optional(),
  start_time: z.number().int(),
  end_time: z.number().int(),
  /** 0 normal, 1 cancelled (cancelled schedules are still returned). */
  status: z.number().int().default(0),
  is_whole_day: z.number().int().default(0),
  reminders: z
    .object({
      is_remind: z.number().int().optional(),
      remind_before_event_secs: z.number().int().optional(),
      is_repeat: z.number().int().optional(),
    })
    .partial()
    .optional(),
});
export type Schedule = z.infer<typeof scheduleSchema>;

export const scheduleGetResponseSchema = z.object({ ...envelopeShape, schedule_list: z.array(scheduleSchema).default([]) });
