// WeCom's message limits (message/send, media/upload) and the check that turns a composer draft into
// a message body the contract accepts, or into the list of problems to show next to the fields.
import { MEDIA_ID_LIFETIME_MS, MEDIA_LIMITS, MEDIA_MIN_BYTES, MESSAGE_LIMITS, charCount, utf8Bytes } from '@wld/wecom-core/rules';
import { messageBodySchema } from '../../../shared/models.ts';
import type { MessageBody, Recipients } from '../../../shared/models.ts';
import type { ComposerDraft } from '../../stores/messages.ts';
import { now as clockNow } from '@wld/clock';


export type DraftField = 'text' | 'markdown' | 'title' | 'description' | 'url' | 'btntxt' | 'image' | 'file' | 'recipients';

/** A problem with the draft: the field, an i18n key of the `messages` namespace and its values. */
export interface DraftIssue {
  field: DraftField;
  key: string;
  values?: Record<string, number | string>;
}

export function draftIssues(draft: ComposerDraft, now: number = clockNow()): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const bytesOver = (field: DraftField, value: string, max: number, requiredKey: string) => {
    if (value.trim() === '') issues.push({ field, key: requiredKey });
    else if (utf8Bytes(value) > max) issues.push({ field, key: 'issues.tooManyBytes', values: { max, bytes: utf8Bytes(value) } });
  };
  switch (draft.msgtype) {
    case 'text':
      bytesOver('text', draft.text, MESSAGE_LIMITS.textBytes, 'issues.contentRequired');
      break;
    case 'markdown':
      bytesOver('markdown', draft.markdown, MESSAGE_LIMITS.markdownBytes, 'issues.contentRequired');
      break;
    case 'textcard': {
      const { title, description, url, btntxt } = draft.card;
      bytesOver('title', title, MESSAGE_LIMITS.textcardTitleBytes, 'issues.titleRequired');
      bytesOver('description', description, MESSAGE_LIMITS.textcardDescriptionBytes, 'issues.descriptionRequired');
      if (url.trim() === '') issues.push({ field: 'url', key: 'issues.urlRequired' });
      else if (!/^https?:\/\//i.test(url.trim()) || !URL.canParse(url.trim())) issues.push({ field: 'url', key: 'issues.urlInvalid' });
      if (charCount(btntxt) > MESSAGE_LIMITS.textcardBtntxtChars)
        issues.push({ field: 'btntxt', key: 'issues.tooManyChars', values: { max: MESSAGE_LIMITS.textcardBtntxtChars } });
      break;
    }
    case 'image':
    case 'file': {
      const media = draft[draft.msgtype];
      if (!media) issues.push({ field: draft.msgtype, key: 'issues.mediaRequired' });
      else if (now - media.uploadedAt >= MEDIA_ID_LIFETIME_MS) issues.push({ field: draft.msgtype, key: 'issues.mediaExpired' });
      break;
    }
  }
  return issues;
}

export function recipientIssues(recipients: Recipients): DraftIssue[] {
  const count = recipients.userids.length + recipients.departmentIds.length + recipients.tagIds.length;
  return count === 0 ? [{ field: 'recipients', key: 'issues.recipientsRequired' }] : [];
}

/** The body to send, or null while the draft has issues. */
export function draftToBody(draft: ComposerDraft, now: number = clockNow()): MessageBody | null {
  if (draftIssues(draft, now).length > 0) return null;
  let candidate: unknown;
  switch (draft.msgtype) {
    case 'text':
      candidate = { msgtype: 'text', content: draft.text };
      break;
    case 'markdown':
      candidate = { msgtype: 'markdown', content: draft.markdown };
      break;
    case 'textcard': {
      const { title, description, url, btntxt } = draft.card;
      candidate = { msgtype: 'textcard', title, description, url: url.trim(), ...(btntxt.trim() ? { btntxt: btntxt.trim() } : {}) };
      break;
    }
    case 'image':
    case 'file':
      candidate = { msgtype: draft.msgtype, mediaId: draft[draft.msgtype]?.mediaId };
      break;
  }
  const parsed = messageBodySchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** Size check before uploading: returns an issue key or null. */
export function mediaSizeIssue(kind: 'image' | 'file', size: number): DraftIssue | null {
  const max = MEDIA_LIMITS[kind];
  if (size <= MEDIA_MIN_BYTES) return { field: kind, key: 'issues.mediaTooSmall' };
  if (size > max) return { field: kind, key: 'issues.mediaTooLarge', values: { maxMb: max / 1024 / 1024 } };
  return null;
}
