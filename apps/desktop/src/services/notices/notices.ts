// Notices about a live (created / changed / cancelled) and reminders: composing them with their
// recipients, sending once, retrying safely, and what the renderer sees of them.
import type { Live } from '../../shared/models.ts';
import { NOTICE_KINDS, type NoticeKind, type NoticeRecord, type ReminderKind } from '../../shared/notice-models.ts';
import type { StoredNotice } from '../cache/index.ts';
import type { ServicesContext } from '../context.ts';
import { RpcError } from '../../shared/rpc.ts';
import { invalid, notFound } from '../handlers/errors.ts';
import type { Language } from '../i18n.ts';
import { absenteesOf, audienceRecipients } from './audience.ts';
import { noticeCard, reminderText } from './compose.ts';
import { deliver, retryRefusalCode, retryVerdict } from './deliver.ts';

const isNoticeKind = (kind: string): kind is NoticeKind => (NOTICE_KINDS as readonly string[]).includes(kind);

export const asLanguage = (value: string): Language => (value === 'en-US' ? 'en-US' : 'zh-CN');

export function liveOf(ctx: ServicesContext, livingid: string): Live {
  const live = ctx.cache().getLive(livingid)?.live;
  if (!live) throw notFound('LIVE_NOT_FOUND', livingid);
  return live;
}

/** The message and recipients of a notice, composed now from the cached live. */
export function composeNotice(ctx: ServicesContext, live: Live, kind: NoticeKind, language: Language) {
  return { body: noticeCard(kind, live, language), recipients: audienceRecipients(ctx, live.livingid) };
}

/** The message and recipients of a reminder at its time: the audience before, absentees after. */
export function composeReminder(ctx: ServicesContext, live: Live, notice: Pick<StoredNotice, 'kind' | 'offsetSeconds' | 'note' | 'language'>) {
  const kind = notice.kind as ReminderKind;
  const userids = kind === 'before-start' ? audienceRecipients(ctx, live.livingid).userids : absenteesOf(ctx, live.livingid);
  return {
    body: reminderText(kind, live, notice.offsetSeconds, notice.note, asLanguage(notice.language)),
    recipients: { userids, departmentIds: [], tagIds: [] },
  };
}

/** Creates the notice and sends it once; a failure is recorded on the notice, not thrown. */
export async function sendNotice(ctx: ServicesContext, livingid: string, kind: NoticeKind): Promise<StoredNotice> {
  const live = liveOf(ctx, livingid);
  const language = ctx.language();
  const { body, recipients } = composeNotice(ctx, live, kind, language);
  if (recipients.userids.length === 0) throw invalid('NOTICE_NO_AUDIENCE', 'This live has no required learners or audience yet', 'livingid');
  const notice = ctx.cache().addNotice({ livingid, kind, status: 'sending', language, body, recipients, recipientCount: recipients.userids.length });
  ctx.changed('notices');
  return deliver(ctx, notice);
}

/**
 * A reminder to absentees whose time after the end has already passed (the live ended earlier than
 * that): it goes out now, once, instead of waiting for a time that will not come again (the runner
 * would have marked it missed at its next look, as if the app had been off).
 */
export async function sendLateReminderNow(
  ctx: ServicesContext,
  live: Live,
  reminder: { offsetSeconds: number; note: string; dueAt: number },
): Promise<StoredNotice> {
  const language = ctx.language();
  const { body, recipients } = composeReminder(ctx, live, { kind: 'after-end', offsetSeconds: reminder.offsetSeconds, note: reminder.note, language });
  if (recipients.userids.length === 0) throw invalid('REMINDER_NO_ABSENTEES', 'Nobody is left to remind', 'livingid');
  const notice = ctx.cache().addNotice({
    livingid: live.livingid,
    kind: 'after-end',
    status: 'sending',
    language,
    ...reminder,
    body,
    recipients,
    recipientCount: recipients.userids.length,
  });
  ctx.changed('notices');
  return deliver(ctx, notice);
}

/** Sends again what was not sent, only when that cannot deliver twice. */
export async function retryNotice(ctx: ServicesContext, id: number): Promise<StoredNotice> {
  const cache = ctx.cache();
  const notice = cache.getNotice(id);
  if (!notice) throw notFound('NOTICE_NOT_FOUND', String(id));
  const verdict = retryVerdict(notice, ctx.now());
  if (!verdict.allowed) throw new RpcError({ kind: 'validation', code: retryRefusalCode(verdict.reason ?? 'busy'), message: `Not retried (${verdict.reason ?? ''})` });
  if (!cache.claimNotice(id, notice.status, 'sending')) throw invalid('NOTICE_BUSY', 'The notice is being sent now', 'id');
  let ready = notice;
  if (!notice.body || notice.recipientCount === 0) {
    // a missed reminder sent by hand, or one that found nobody at its time: composed now, like at its time
    const live = liveOf(ctx, notice.livingid);
    const composed = isNoticeKind(notice.kind) ? composeNotice(ctx, live, notice.kind, asLanguage(notice.language)) : composeReminder(ctx, live, notice);
    ready = cache.updateNotice(id, { ...composed, recipientCount: composed.recipients.userids.length });
  }
  ctx.changed('notices');
  return deliver(ctx, ready);
}

export function toRecord(ctx: ServicesContext, notice: StoredNotice): NoticeRecord {
  return {
    id: notice.id,
    livingid: notice.livingid,
    kind: notice.kind as NoticeRecord['kind'],
    status: notice.status,
    offsetSeconds: notice.offsetSeconds,
    note: notice.note,
    dueAt: notice.dueAt,
    recipientCount: notice.recipientCount,
    body: notice.body,
    error: notice.error,
    messageIds: notice.messageIds,
    sentAt: notice.sentAt,
    createdAt: notice.createdAt,
    retry: retryVerdict(notice, ctx.now()),
  };
}
