// A live in its attendees' WeCom calendars (日程): added when the admin asks, updated when the live
// changes, cancelled with it. The schedule_id is kept per live. A lost answer to schedule/add is
// never retried by itself: adding again could leave two schedules in every calendar.
import { WeComApiError, WeComInputError } from '@wld/wecom-core';
import { SCHEDULE_LIMITS, fitUtf8Bytes } from '@wld/wecom-core/rules';
import type { ScheduleFields } from '@wld/wecom-core';
import type { Live } from '../../shared/models.ts';
import type { CalendarState } from '../../shared/notice-models.ts';
import { RpcError } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { formatLiveTime } from '../handlers/live-notices.ts';
import { t } from '../i18n.ts';
import { toServiceError } from '../wecom/service-errors.ts';
import { reminderAudience } from './audience.ts';

const DEFAULT_REMIND_SECS = 900;

function scheduleOf(ctx: ServicesContext, live: Live): ScheduleFields {
  const language = ctx.language();
  const allowed: readonly number[] = SCHEDULE_LIMITS.remindBeforeEventSecs;
  const remind = live.remindTime !== null && live.remindTime > 0 && allowed.includes(live.remindTime) ? live.remindTime : DEFAULT_REMIND_SECS;
  const description = [formatLiveTime(live, language), live.description].filter(Boolean).join('\n');
  return {
    start_time: live.livingStart,
    end_time: live.livingStart + live.livingDuration,
    attendees: reminderAudience(ctx, live.livingid)
      .slice(0, SCHEDULE_LIMITS.attendees)
      .map((userid) => ({ userid })),
    summary: [...live.theme].slice(0, SCHEDULE_LIMITS.summaryChars).join(''),
    description: fitUtf8Bytes(description, SCHEDULE_LIMITS.descriptionChars),
    location: t(language, 'calendar.location'),
    reminders: { is_remind: 1, remind_before_event_secs: remind },
  };
}

const refused = (error: unknown) =>
  error instanceof WeComApiError || error instanceof WeComInputError || (error instanceof RpcError && error.error.kind !== 'internal' && error.error.kind !== 'network');

/**
 * Brings the live's schedule in line with the live: `add` puts it in the calendars when it is not
 * there yet; a change updates an existing schedule; a cancelled live cancels it. Never throws:
 * the outcome (and any failure, in words) is stored and returned; null when there is nothing to do.
 */
export async function syncCalendar(ctx: ServicesContext, livingid: string, options: { add: boolean }): Promise<CalendarState | null> {
  const cache = ctx.cache();
  const live = cache.getLive(livingid)?.live;
  if (!live) return null;
  const current = cache.calendarOf(livingid);
  const save = (state: Omit<CalendarState, 'updatedAt'>) => {
    cache.setCalendar(livingid, state);
    ctx.changed('notices');
    return cache.calendarOf(livingid);
  };
  const words = (error: unknown) => toServiceError(error);
  const scheduleId = current?.scheduleId ?? null;

  if (live.status === 4) {
    if (!scheduleId || current?.state === 'cancelled') return current;
    try {
      await ctx.write((client) => client.schedules.cancel(scheduleId));
      return save({ state: 'cancelled', scheduleId, error: null });
    } catch (error) {
      return save({ state: current?.state ?? 'added', scheduleId, error: words(error) });
    }
  }
  if (scheduleId && current?.state === 'added') {
    try {
      const { cal_id: _calendar, ...fields } = scheduleOf(ctx, live);
      const answered = await ctx.write((client) => client.schedules.update(scheduleId, fields));
      return save({ state: 'added', scheduleId: answered, error: null });
    } catch (error) {
      return save({ state: 'added', scheduleId, error: words(error) });
    }
  }
  // not in the calendars yet (or the last add's answer was lost: the admin checks WeCom first)
  if (!options.add || current?.state === 'unknown') return current;
  const fields = scheduleOf(ctx, live);
  try {
    const added = await ctx.write((client) => client.schedules.add(fields));
    return save({ state: 'added', scheduleId: added, error: null });
  } catch (error) {
    if (refused(error)) return save({ state: 'failed', scheduleId: null, error: words(error) });
    return save({ state: 'unknown', scheduleId: null, error: { kind: 'network', code: 'CALENDAR_UNKNOWN', message: 'WeCom did not answer; the schedule may have been added' } });
  }
}
