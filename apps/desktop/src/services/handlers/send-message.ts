// Sends one app message (message/send) and records it in the history, partial failures included.
import { MESSAGE_LIMITS } from '@wld/wecom-core/rules';
import type { MessageBody, Recipients, SendResult } from '../../shared/models.ts';
import type { ServicesContext } from '../context.ts';
import { invalid } from './errors.ts';
import { hasRecipients, summarize, toSendResult, toWireContent, toWireRecipients } from './message-mapping.ts';
import { outcomeUnknown, writeOrUnknown } from './write-outcome.ts';

export type MessageOrigin = 'live-invite' | 'live-notice' | 'live-reminder' | 'absentee-reminder' | 'manual';

/** WeCom takes at most this many userids per message/send. */
export const MAX_USERS_PER_SEND = MESSAGE_LIMITS.touser;

export async function sendAndRecord(
  ctx: ServicesContext,
  recipients: Recipients,
  body: MessageBody,
  origin: MessageOrigin,
  signal?: AbortSignal,
): Promise<{ id: number; result: SendResult }> {
  if (!hasRecipients(recipients)) throw invalid('NO_RECIPIENTS', 'Choose at least one recipient', 'recipients');
  // every send has WeCom's duplicate check: an identical message to the same people within 4 hours
  // is dropped, so a retry after a lost answer cannot deliver it twice
  const dedupe = { enable_duplicate_check: 1 as const, duplicate_check_interval: MESSAGE_LIMITS.duplicateCheckIntervalSeconds };
  const wire = await writeOrUnknown(
    () => ctx.write((client) => client.messages.send({ ...toWireRecipients(recipients), ...toWireContent(body), ...dedupe }, signal ? { signal } : {})),
    // WeCom may have delivered it (a retry within 4 hours cannot deliver it again)
    () => outcomeUnknown('MESSAGE_UNKNOWN_OUTCOME', 'WeCom did not answer; the message may have been delivered'),
  );
  const result = toSendResult(wire);
  const id = ctx.cache().recordSentMessage({
    msgid: result.msgid,
    msgtype: body.msgtype,
    summary: summarize(body),
    recipients,
    sentAt: ctx.now(),
    result,
    origin,
    body,
  });
  ctx.changed('messages');
  return { id, result };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
