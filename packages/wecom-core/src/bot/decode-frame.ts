// One received text frame → a message, an event, an ack, or why it is invalid (for the statistics
// and the error listeners; an invalid frame never reaches the handlers).
import type { z } from 'zod';
import { WeComResponseValidationError } from '../errors/errors.ts';
import type { ValidationIssue } from '../errors/errors.ts';
import type { Language } from '../http/types.ts';
import { redactText } from '../rules/redact.ts';
import { BOT_CMD } from './commands.ts';
import { ackFrameSchema, callbackFrameSchema, envelopeSchema, eventFrameSchema } from './frames.ts';
import type { BotAck, BotEvent, BotMessage } from './frames.ts';

export type DecodedFrame =
  | { kind: 'message'; reqId: string; message: BotMessage }
  | { kind: 'event'; reqId: string; event: BotEvent }
  | { kind: 'ack'; ack: BotAck }
  | { kind: 'invalid'; cmd: string; error: WeComResponseValidationError };

function issuesOf(error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

function invalid(
  cmd: string,
  kind: 'malformed' | 'shape',
  text: string,
  issues: ValidationIssue[],
  language: Language,
): DecodedFrame {
  return {
    kind: 'invalid',
    cmd,
    error: new WeComResponseValidationError({
      kind,
      endpoint: `ws:${cmd}`,
      issues,
      bodySnippet: redactText(text.slice(0, 300)),
      status: 0,
      language,
    }),
  };
}

export function decodeFrame(text: string, language: Language): DecodedFrame {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid('unknown', 'malformed', text, [], language);
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return invalid('unknown', 'shape', text, issuesOf(envelope.error), language);
  const cmd = envelope.data.cmd;
  if (cmd === BOT_CMD.msgCallback) {
    const parsed = callbackFrameSchema.safeParse(json);
    if (!parsed.success) return invalid(cmd, 'shape', text, issuesOf(parsed.error), language);
    return { kind: 'message', reqId: parsed.data.headers.req_id, message: parsed.data.body };
  }
  if (cmd === BOT_CMD.eventCallback) {
    const parsed = eventFrameSchema.safeParse(json);
    if (!parsed.success) return invalid(cmd, 'shape', text, issuesOf(parsed.error), language);
    return { kind: 'event', reqId: parsed.data.headers.req_id, event: parsed.data.body };
  }
  const parsed = ackFrameSchema.safeParse(json);
  if (!parsed.success) return invalid(cmd ?? 'ack', 'shape', text, issuesOf(parsed.error), language);
  return { kind: 'ack', ack: parsed.data };
}
