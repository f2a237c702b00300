// A notice's or reminder's problem in words: why it failed, was missed or cancelled (a code the
// services stored), how many parts went out, and why a retry is not offered.
import type { TFunction } from 'i18next';
import type { NoticeRecord } from '../../../shared/notice-models.ts';
import type { ServiceError } from '../../../shared/models.ts';
import { errorText } from '../../errors.ts';

export function retryRefusalText(reason: NonNullable<NoticeRecord['retry']['reason']>): string {
  return errorText({ kind: 'validation', code: `NOTICE_RETRY_${reason.toUpperCase()}`, message: reason });
}

export function problemText(t: TFunction, error: ServiceError | null): string {
  if (!error) return '';
  const { parts, partsDone } = error.params ?? {};
  const progress = typeof parts === 'number' && parts > 1 ? ` ${t('notices.partsSent', { done: partsDone ?? 0, total: parts })}` : '';
  return errorText(error) + progress;
}

export function noticeProblem(t: TFunction, notice: NoticeRecord, withRetryReason: boolean): string {
  const why = withRetryReason && !notice.retry.allowed && notice.retry.reason ? retryRefusalText(notice.retry.reason) : null;
  return [problemText(t, notice.error), why].filter(Boolean).join(' ');
}
