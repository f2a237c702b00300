// Sends one app message (message/send) and records it in the history, partial failures included.
// Every send has WeCom's duplicate check, so the same message to the same people recorded as sent
// within its window is not sent at all: WeCom would accept it and deliver nothing, and the history
// would list a message nobody received. The caller hears of the earlier one (`repeatOf`) and says so.
import { MESSAGE_LIMITS } from '@wld/wecom-core/rules';
import type { MessageBody, Recipients, SendResult } from '../../shared/models.ts';
import type { ServicesContext } from '../context.ts';
import { RpcError } from '../../shared/rpc.ts';
import { invalid } from './errors.ts';
import { hasRecipients, summarize, toSendResult, toWireContent, toWireRecipients } from './message-mapping.ts';
import { outcomeUnknown, writeOrUnknown } from './write-outcome.ts';

export type MessageOrigin = 'live-invite' | 'live-notice' | 'live-reminder' | 'absentee-reminder' | 'manual';

/** WeCom takes at most this many userids per message/send. */
export const MAX_USERS_PER_SEND = MESSAGE_LIMITS.touser;

/** WeCom's longest duplicate-check interval, the one every send asks for. */
export const DUPLICATE_WINDOW_MS = MESSAGE_LIMITS.duplicateCheckIntervalSeconds * 1000;

/** What WeCom compares: the request as sent, but for the app's id and the check's own fields (the same on every send). */
const requestKey = (recipients: Recipients, body: MessageBody) =>
  JSON.stringify([toWireRecipients(recipients), toWireContent(body)]);

/** When an earlier send went, and when WeCom's window for it closes. */
export const repeatWindow = (sentAt: number) => ({ sentAt, until: sentAt + DUPLICATE_WINDOW_MS });

export type EarlierSend = { id: number; sentAt: number; result: SendResult };

/**
 * The messages recorded as sent within WeCom's window, read once, as a lookup: the earlier send
 * with the same words to the same people, if any (a reminder in parts asks once per part).
 */
export function recentSends(ctx: ServicesContext): (recipients: Recipients, body: MessageBody) => EarlierSend | null {
  const byRequest = new Map<string, EarlierSend>();
  // newest first: a request sent twice keeps its latest time
  for (const m of ctx.cache().sentSince(ctx.now() - DUPLICATE_WINDOW_MS)) {
    const key = m.body === null ? null : requestKey(m.recipients, m.body);
    if (key !== null && !byRequest.has(key)) byRequest.set(key, { id: m.id, sentAt: m.sentAt, result: m.result });
  }
  return (recipients, body) => byRequest.get(requestKey(recipients, body)) ?? null;
}

/**
 * The refusal of a message WeCom would not deliver again (params: when it went, when it could go
 * again; a reminder's sentence asks for a note rather than other words).
 */
export function repeatedMessage(sentAt: number, what: 'message' | 'reminder' = 'message'): RpcError {
  return new RpcError({
    kind: 'validation',
    code: 'MESSAGE_REPEATED',
    params: { ...repeatWindow(sentAt), ...(what === 'reminder' ? { context: 'reminder' } : {}) },
    message: 'The same message went to the same people less than 4 hours ago; WeCom would not deliver it again',
  });
}

export async function sendAndRecord(
  ctx: ServicesContext,
  recipients: Recipients,
  body: MessageBody,
  origin: MessageOrigin,
  signal?: AbortSignal,
): Promise<{ id: number; result: SendResult; repeatOf?: { sentAt: number } }> {
  if (!hasRecipients(recipients)) throw invalid('NO_RECIPIENTS', 'Choose at least one recipient', 'recipients');
  const earlier = recentSends(ctx)(recipients, body);
  if (earlier) return { id: earlier.id, result: earlier.result, repeatOf: { sentAt: earlier.sentAt } };
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
