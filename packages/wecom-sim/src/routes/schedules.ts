// Schedules in members' calendars (日程, /cgi-bin/oa/schedule/*): add, update, get, del. The calling
// app becomes the creator; another app's schedule (or an unknown id) is 90466. Parameter problems
// are 40058 naming the field. Limits per path/93648 and 97720 (see wecom-api-reference.md §11).
import { z } from 'zod';
import { fail } from '../errors.ts';
import { ALNUM, randomString } from '../random.ts';
import type { SimSchedule } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { callerApp, charLength, parseBody, utf8Length } from './validate.ts';

const SUMMARY_MAX_CHARS = 128;
const DESCRIPTION_MAX_CHARS = 1000;
const LOCATION_MAX_CHARS = 128;
const MAX_ATTENDEES = 1000;
const MAX_ADMINS = 3;
const MAX_IDS_PER_GET = 1000;
const REMIND_BEFORE_SECS = [0, 300, 900, 3600, 86_400];
const DEFAULT_SUMMARY = '新建事件';

const uint = z.number().int().min(0);
const fields = {
  start_time: uint.optional(),
  end_time: uint.optional(),
  is_whole_day: z.union([z.literal(0), z.literal(1)]).optional(),
  admins: z.array(z.string()).optional(),
  attendees: z.array(z.object({ userid: z.string() })).optional(),
  summary: z.string().optional(),
  description: z.string().optional(),
  location: z.string().optional(),
  /** legacy docs (WxJava, wechatpy) still send it; current docs ignore it */
  organizer: z.string().optional(),
  reminders: z
    .object({
      is_remind: z.union([z.literal(0), z.literal(1)]).optional(),
      remind_before_event_secs: uint.optional(),
      is_repeat: z.union([z.literal(0), z.literal(1)]).optional(),
    })
    .passthrough()
    .optional(),
};
const addBody = z.object({ schedule: z.object({ ...fields, cal_id: z.string().optional() }), agentid: z.number().optional() });
const updateBody = z.object({
  skip_attendees: z.union([z.literal(0), z.literal(1)]).optional(),
  op_mode: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  op_start_time: uint.optional(),
  schedule: z.object({ ...fields, schedule_id: z.string() }),
});
const getBody = z.object({ schedule_id_list: z.array(z.string()) });
const delBody = z.object({ schedule_id: z.string(), op_mode: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional() });

type Fields = z.infer<typeof addBody>['schedule'];

function checkText(name: string, value: string | undefined, max: number): void {
  if (value !== undefined && charLength(value) > max) fail(40058, `${name} exceeds ${max} characters`);
}

/** Canonical userids; an unknown or departed member is a parameter error naming them. */
function knownUsers(store: SimStore, field: string, userids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of userids) {
    if (utf8Length(id) > 64) fail(40058, `${field}: userid "${id.slice(0, 20)}…" exceeds 64 bytes`);
    const user = store.findUser(id);
    if (!user || user.status === 5) fail(40058, `${field}: unknown userid "${id}"`);
    out.add(user.userid);
  }
  return [...out];
}

function checkFields(store: SimStore, body: Fields): Omit<SimSchedule, 'schedule_id' | 'creatorAgentId' | 'calId' | 'status' | 'createdAt'> {
  if (body.start_time === undefined) fail(40058, 'schedule.start_time is required');
  if (body.end_time === undefined) fail(40058, 'schedule.end_time is required');
  if (body.end_time < body.start_time) fail(40058, 'schedule.end_time is before start_time');
  checkText('schedule.summary', body.summary, SUMMARY_MAX_CHARS);
  checkText('schedule.description', body.description, DESCRIPTION_MAX_CHARS);
  checkText('schedule.location', body.location, LOCATION_MAX_CHARS);
  const attendees = knownUsers(store, 'schedule.attendees', (body.attendees ?? []).map((a) => a.userid));
  if (attendees.length > MAX_ATTENDEES) fail(40058, `schedule.attendees: at most ${MAX_ATTENDEES}, got ${attendees.length}`);
  const admins = knownUsers(store, 'schedule.admins', body.admins ?? []);
  if (admins.length > MAX_ADMINS) fail(40058, `schedule.admins: at most ${MAX_ADMINS}, got ${admins.length}`);
  const secs = body.reminders?.remind_before_event_secs;
  if (secs !== undefined && !REMIND_BEFORE_SECS.includes(secs))
    fail(40058, `schedule.reminders.remind_before_event_secs must be one of ${REMIND_BEFORE_SECS.join(',')}`);
  return {
    summary: body.summary ?? DEFAULT_SUMMARY,
    description: body.description ?? '',
    location: body.location ?? '',
    admins,
    attendees,
    startTime: body.start_time,
    endTime: body.end_time,
    isWholeDay: body.is_whole_day ?? 0,
    reminders: {
      is_remind: body.reminders?.is_remind ?? 0,
      remind_before_event_secs: secs ?? 0,
      is_repeat: body.reminders?.is_repeat ?? 0,
    },
  };
}

function ownSchedule(ctx: RouteContext, scheduleId: string): SimSchedule {
  const schedule = ctx.sim.store.schedules.get(scheduleId);
  if (!schedule || schedule.creatorAgentId !== callerApp(ctx).agentId)
    fail(90466, `schedule_id "${scheduleId}" does not exist or was created by another app`);
  return schedule;
}

function view(s: SimSchedule): Record<string, unknown> {
  return {
    schedule_id: s.schedule_id,
    admins: s.admins,
    attendees: s.attendees.map((userid) => ({ userid, response_status: 0 })),
    summary: s.summary,
    description: s.description,
    location: s.location,
    cal_id: s.calId,
    start_time: s.startTime,
    end_time: s.endTime,
    status: s.status,
    is_whole_day: s.isWholeDay,
    reminders: s.reminders,
  };
}

export const scheduleRoutes: RouteTable = {
  '/cgi-bin/oa/schedule/add': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const { store, rng, now } = ctx.sim;
      const body = parseBody(addBody, ctx.body).schedule;
      const checked = checkFields(store, body);
      const app = callerApp(ctx);
      let scheduleId: string;
      do scheduleId = randomString(rng, 32, ALNUM);
      while (store.schedules.has(scheduleId));
      store.schedules.set(scheduleId, {
        ...checked,
        schedule_id: scheduleId,
        creatorAgentId: app.agentId,
        calId: body.cal_id ?? `default-${app.agentId}`,
        status: 0,
        createdAt: now(),
      });
      store.noteWrite();
      return { schedule_id: scheduleId };
    },
  },

  '/cgi-bin/oa/schedule/update': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const body = parseBody(updateBody, ctx.body);
      const schedule = ownSchedule(ctx, body.schedule.schedule_id);
      if ((body.op_mode ?? 0) !== 0 && schedule.reminders.is_repeat !== 1)
        fail(90485, 'op_mode 1 or 2 needs a repeating schedule');
      if (schedule.status === 1) fail(90466, `schedule "${schedule.schedule_id}" was cancelled`);
      const checked = checkFields(ctx.sim.store, body.schedule);
      // a full overwrite; skip_attendees keeps the attendee list as it was
      Object.assign(schedule, checked, body.skip_attendees === 1 ? { attendees: schedule.attendees } : {});
      ctx.sim.store.noteWrite();
      return { schedule_id: schedule.schedule_id };
    },
  },

  '/cgi-bin/oa/schedule/get': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const ids = parseBody(getBody, ctx.body).schedule_id_list;
      if (ids.length === 0) fail(40058, 'schedule_id_list is empty');
      if (ids.length > MAX_IDS_PER_GET) fail(40058, `schedule_id_list: at most ${MAX_IDS_PER_GET}, got ${ids.length}`);
      return { schedule_list: ids.map((id) => view(ownSchedule(ctx, id))) };
    },
  },

  '/cgi-bin/oa/schedule/del': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const body = parseBody(delBody, ctx.body);
      const schedule = ownSchedule(ctx, body.schedule_id);
      if ((body.op_mode ?? 0) !== 0 && schedule.reminders.is_repeat !== 1)
        fail(90485, 'op_mode 1 or 2 needs a repeating schedule');
      schedule.status = 1;
      ctx.sim.store.noteWrite();
      return {};
    },
  },
};
