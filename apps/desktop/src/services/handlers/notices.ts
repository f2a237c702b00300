// Notices about a live and its reminders: preview, send once, retry safely, schedule, cancel, list.
import { reminderDueAt } from '../../shared/notice-models.ts';
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { syncCalendar } from '../notices/calendar.ts';
import { composeNotice, liveOf, retryNotice, sendLateReminderNow, sendNotice, toRecord } from '../notices/notices.ts';
import { invalid, notFound } from './errors.ts';

type Methods = 'notices.preview' | 'notices.send' | 'notices.retry' | 'notices.list' | 'reminders.schedule' | 'reminders.cancel';

export function noticesHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  const language = () => ctx.language();

  return {
    'notices.preview': ({ livingid, kind }) => {
      const live = liveOf(ctx, livingid);
      const { body, recipients } = composeNotice(ctx, live, kind, language());
      return { body, recipientCount: recipients.userids.length, calendar: ctx.cache().calendarOf(livingid) };
    },

    'notices.send': async ({ livingid, kind, addToCalendar }) => {
      const notice = await sendNotice(ctx, livingid, kind);
      // the calendar follows the live (lives.modify and lives.cancel already did); here only an add
      const calendar = addToCalendar && kind !== 'cancelled' ? await syncCalendar(ctx, livingid, { add: true }) : ctx.cache().calendarOf(livingid);
      return { notice: toRecord(ctx, notice), calendar };
    },

    'notices.retry': async ({ id }) => ({ notice: toRecord(ctx, await retryNotice(ctx, id)) }),

    'notices.list': ({ livingid }) => ({
      notices: ctx.cache().liveNotices(livingid).map((n) => toRecord(ctx, n)),
      calendar: ctx.cache().calendarOf(livingid),
    }),

    'reminders.schedule': async ({ livingid, kind, offsetMinutes, note }) => {
      const live = liveOf(ctx, livingid);
      if (live.status === 4) throw invalid('LIVE_CANCELLED', 'The live is cancelled; no reminder can be scheduled', 'livingid');
      const offsetSeconds = offsetMinutes * 60;
      const dueAt = reminderDueAt({ kind, offsetSeconds }, live);
      if (kind === 'before-start' && dueAt <= ctx.now()) throw invalid('REMINDER_TOO_LATE', 'That reminder time has already passed', 'offsetMinutes');
      // the absentees of a live that ended earlier than that are reminded now (the screen says so)
      if (dueAt <= ctx.now()) return { notice: toRecord(ctx, await sendLateReminderNow(ctx, live, { offsetSeconds, note, dueAt })) };
      const notice = ctx.cache().addNotice({ livingid, kind, status: 'scheduled', language: language(), offsetSeconds, note, dueAt });
      ctx.changed('notices');
      return { notice: toRecord(ctx, notice) };
    },

    'reminders.cancel': ({ id }) => {
      const cache = ctx.cache();
      const notice = cache.getNotice(id);
      if (!notice) throw notFound('NOTICE_NOT_FOUND', String(id));
      const claimed = cache.claimNotice(id, 'scheduled', 'cancelled') || cache.claimNotice(id, 'missed', 'cancelled');
      if (!claimed) throw invalid('REMINDER_NOT_CANCELLABLE', 'Only a reminder that has not been sent can be cancelled', 'id');
      ctx.changed('notices');
      return { notice: toRecord(ctx, cache.getNotice(id)!) };
    },
  };
}
