// Sends a notice or reminder once. The message and its recipients are fixed before the first
// attempt; every part goes out with WeCom's duplicate check, so a retry after a lost answer repeats
// the identical request and WeCom drops it if the first one arrived. A refusal from WeCom, or being
// offline before sending, is 'failed' (nothing went out); a lost answer is 'unknown'.
import { REMINDER_KINDS, type NoticeRecord, type NoticeStatus } from '../../shared/notice-models.ts';

type RetryRefusal = NonNullable<NoticeRecord['retry']['reason']>;
import type { StoredNotice } from '../cache/index.ts';
import type { ServicesContext } from '../context.ts';
import { DUPLICATE_WINDOW_MS, MAX_USERS_PER_SEND, chunk, repeatedMessage, sendAndRecord, type MessageOrigin } from '../handlers/send-message.ts';
import { toServiceError } from '../wecom/service-errors.ts';
import { surelyNotSent } from '../handlers/write-outcome.ts';

const ORIGINS: Record<string, MessageOrigin> = {
  created: 'live-invite',
  changed: 'live-notice',
  cancelled: 'live-notice',
  'before-start': 'live-reminder',
  'after-end': 'absentee-reminder',
};

/** Sends the parts not yet accepted. The caller has claimed the notice ('sending'). */
export async function deliver(ctx: ServicesContext, notice: StoredNotice): Promise<StoredNotice> {
  const cache = ctx.cache();
  const { body, recipients } = notice;
  if (!body || !recipients) throw new Error(`notice ${notice.id} has no message yet`);
  if (recipients.userids.length + recipients.departmentIds.length + recipients.tagIds.length === 0) {
    // nobody to send it to (no required learners when it was due, or all have completed): not sent, and
    // never listed as sent; a retry composes it again (learners set since are then reached)
    const code = notice.kind === 'after-end' ? 'REMINDER_NO_ABSENTEES' : 'REMINDER_NO_AUDIENCE';
    const failed = cache.updateNotice(notice.id, { status: 'failed', error: { kind: 'validation', code, message: 'Nobody to send it to' } });
    ctx.changed('notices');
    return failed;
  }
  const parts = chunk(recipients.userids, MAX_USERS_PER_SEND);
  const messageIds = [...notice.messageIds];
  let partStartedAt = notice.partStartedAt;
  // parts whose people had this very message already (not sent again), and when the last of them went
  let repeatedParts = 0;
  let repeatedAt = 0;
  for (let part = notice.partsDone; part < parts.length; part++) {
    if (partStartedAt === null) {
      partStartedAt = ctx.now();
      cache.updateNotice(notice.id, { partStartedAt });
    }
    try {
      const sent = await sendAndRecord(
        ctx,
        { userids: parts[part]!, departmentIds: part === 0 ? recipients.departmentIds : [], tagIds: part === 0 ? recipients.tagIds : [] },
        body,
        ORIGINS[notice.kind] ?? 'manual',
      );
      messageIds.push(sent.id);
      if (sent.repeatOf) {
        repeatedParts++;
        repeatedAt = Math.max(repeatedAt, sent.repeatOf.sentAt);
      }
      partStartedAt = null;
      cache.updateNotice(notice.id, { partsDone: part + 1, messageIds, partStartedAt: null });
    } catch (error) {
      const status: NoticeStatus = surelyNotSent(error) ? 'failed' : 'unknown';
      const progress: Record<string, number> = parts.length > 1 ? { partsDone: part, parts: parts.length } : {};
      const cause =
        status === 'unknown'
          ? { kind: 'network' as const, code: 'NOTICE_UNKNOWN_OUTCOME', message: 'WeCom did not answer; the message may have been delivered' }
          : toServiceError(error);
      ctx.log('warn', `notice ${notice.id} of ${notice.livingid}: ${status}: ${String(error)}`);
      const failed = cache.updateNotice(notice.id, { status, error: { ...cause, params: { ...cause.params, ...progress } } });
      ctx.changed('notices');
      return failed;
    }
  }
  if (notice.partsDone === 0 && parts.length > 0 && repeatedParts === parts.length) {
    // its people had this very message already (sent by hand, say): WeCom would not deliver it
    // again, so it was not sent, and the notice says so rather than listing it as sent
    const repeated = repeatedMessage(repeatedAt, (REMINDER_KINDS as readonly string[]).includes(notice.kind) ? 'reminder' : 'message').error;
    const failed = cache.updateNotice(notice.id, { status: 'failed', error: repeated, partsDone: 0, messageIds: notice.messageIds });
    ctx.changed('notices');
    return failed;
  }
  const done = cache.updateNotice(notice.id, { status: 'sent', error: null, sentAt: ctx.now() });
  ctx.changed('notices');
  return done;
}

/** The error code of a refused retry (errors.json: NOTICE_RETRY_WINDOW, …). */
export function retryRefusalCode(reason: RetryRefusal): string {
  return `NOTICE_RETRY_${reason.toUpperCase()}`;
}

/** Whether a retry is offered now, and if not, the sentence that says why. */
export function retryVerdict(notice: StoredNotice, now: number): { allowed: boolean; reason: RetryRefusal | null } {
  const no = (reason: RetryRefusal) => ({ allowed: false, reason });
  switch (notice.status) {
    case 'failed':
    case 'missed':
      return { allowed: true, reason: null };
    case 'unknown':
      return notice.partStartedAt !== null && now - notice.partStartedAt >= DUPLICATE_WINDOW_MS ? no('window') : { allowed: true, reason: null };
    case 'sent':
      return no('done');
    case 'scheduled':
      return no('waiting');
    case 'sending':
      return no('busy');
    case 'cancelled':
      return no('cancelled');
  }
}
