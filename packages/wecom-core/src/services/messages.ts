// App messages (message/send) of every type, recall, and send statistics.
import { z } from 'zod';
import type { ApiCaller } from '../http/types.ts';
import { okResponseSchema } from '../models/common.ts';
import {
  messageSendResponseSchema,
  messageStatisticsResponseSchema,
  type MessageContent,
  type MessageRecipients,
  type MessageSendOptions,
  type MessageSendResponse,
  type MessageSendResult,
  type MessageStatistics,
} from '../models/message.ts';
import { inputError } from '../validation/fail.ts';
import { checkNonEmptyId } from '../validation/ids.ts';
import { validateMessage } from '../validation/message.ts';
import { requestOptions, type CallOptions, type ServiceContext } from './options.ts';

export type MessageSendRequest = MessageRecipients &
  MessageSendOptions &
  MessageContent & {
    /** Default: the agentid of the app this service belongs to. */
    agentid?: number;
  };

function splitIds(joined: string | undefined): string[] {
  return joined ? joined.split('|').filter((id) => id !== '') : [];
}

/**
 * message/send answered errcode 0 (WeCom sent it) in a shape that does not match: keep what can be
 * read (msgid, the invalid lists that are strings) and name the fields that could not be read. The
 * message went out; reporting a failure would make the user send it again.
 */
export function readSendAnswer(answer: Record<string, unknown>): MessageSendResult {
  const parsed = messageSendResponseSchema.safeParse(answer);
  if (parsed.success) return toSendResult(parsed.data);
  const text = (key: string): string | undefined => (typeof answer[key] === 'string' ? answer[key] : undefined);
  const result = toSendResult({
    errcode: 0,
    msgid: text('msgid'),
    invaliduser: text('invaliduser'),
    invalidparty: text('invalidparty'),
    invalidtag: text('invalidtag'),
    unlicenseduser: text('unlicenseduser'),
    response_code: text('response_code'),
  });
  result.unreadable = parsed.error.issues.map((issue) => (issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.')));
  return result;
}

/** Any JSON object: message/send's answer is read field by field (readSendAnswer). */
const anyAnswerSchema = z.record(z.string(), z.unknown());

export function toSendResult(answer: MessageSendResponse): MessageSendResult {
  return {
    msgid: answer.msgid ?? null,
    invaliduser: splitIds(answer.invaliduser),
    invalidparty: splitIds(answer.invalidparty),
    invalidtag: splitIds(answer.invalidtag),
    unlicenseduser: splitIds(answer.unlicenseduser),
    response_code: answer.response_code || null,
  };
}

/** True when some recipients did not get the message (the call itself succeeded). */
export function hasPartialFailure(result: MessageSendResult): boolean {
  return (
    result.invaliduser.length +
      result.invalidparty.length +
      result.invalidtag.length +
      result.unlicenseduser.length >
    0
  );
}

export class MessagesService {
  readonly #caller: ApiCaller;
  readonly #context: ServiceContext;
  readonly #agentId: number;

  constructor(caller: ApiCaller, context: ServiceContext & { agentId: number }) {
    this.#caller = caller;
    this.#context = { credential: context.credential };
    this.#agentId = context.agentId;
  }

  /**
   * Sends one message. Recipients outside the app's reach come back in the result's invalid* arrays;
   * when all of them are invalid WeCom fails the call with 81013.
   */
  async send(request: MessageSendRequest, options?: CallOptions): Promise<MessageSendResult> {
    const {
      touser,
      toparty,
      totag,
      agentid,
      safe,
      enable_id_trans,
      enable_duplicate_check,
      duplicate_check_interval,
      ...content
    } = request;
    const recipients: MessageRecipients = { touser, toparty, totag };
    const sendOptions: MessageSendOptions = {
      safe,
      enable_id_trans,
      enable_duplicate_check,
      duplicate_check_interval,
    };
    validateMessage(recipients, content as MessageContent, sendOptions, this.#caller.language);
    const body: Record<string, unknown> = {
      ...content,
      agentid: agentid ?? this.#agentId,
      touser: touser === '@all' ? '@all' : touser?.join('|'),
      toparty: toparty?.join('|'),
      totag: totag?.join('|'),
      safe,
      enable_id_trans,
      enable_duplicate_check,
      duplicate_check_interval,
    };
    for (const key of Object.keys(body)) if (body[key] === undefined || body[key] === '') delete body[key];
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/message/send',
      body,
      schema: anyAnswerSchema,
    });
    return readSendAnswer(answer);
  }

  /** Recalls a message sent by this app in the last 24 hours (WeCom-side copy only). */
  async recall(msgid: string, options?: CallOptions): Promise<void> {
    const problem = checkNonEmptyId('msgid', msgid);
    if (problem) throw inputError(problem, this.#caller.language);
    await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/message/recall',
      body: { msgid },
      schema: okResponseSchema,
    });
  }

  /** Successful person-times per app, today (0) or yesterday (1). */
  async getStatistics(timeType: 0 | 1 = 0, options?: CallOptions): Promise<MessageStatistics> {
    if (timeType !== 0 && timeType !== 1) {
      throw inputError(
        { field: 'time_type', zh: '须为 0（今天）或 1（昨天）', en: 'must be 0 (today) or 1 (yesterday)' },
        this.#caller.language,
      );
    }
    const answer = await this.#caller.call({
      ...requestOptions(this.#context, options),
      method: 'POST',
      path: '/cgi-bin/message/get_statistics',
      body: { time_type: timeType },
      schema: messageStatisticsResponseSchema,
    });
    return answer.statistics;
  }
}
