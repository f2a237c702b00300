// Whether a sent message can still be recalled: WeCom allows it for 24 hours, once, and only when
// the send returned a msgid.
import type { SentMessage } from '../../../shared/models.ts';
import { now as clockNow } from '@wld/clock';

export const RECALL_WINDOW_MS = 24 * 3600 * 1000;

/** null when recall is allowed; otherwise the i18n key (in `messages`) that says why not. */
export function recallBlockedKey(message: SentMessage, now: number = clockNow()): string | null {
  if (message.recalledAt !== null) return 'history.recallDone';
  if (!message.msgid) return 'history.recallNoMsgid';
  if (now - message.sentAt >= RECALL_WINDOW_MS) return 'history.recallExpired';
  return null;
}
