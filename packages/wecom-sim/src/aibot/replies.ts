// The bot's answers to callbacks, checked against the conversation their req_id belongs to:
// aibot_respond_msg to a message (or a card click), aibot_respond_welcome_msg once to enter_chat,
// aibot_respond_update_msg to a card click; a stream id takes no parts after finish: true.
import type { z } from 'zod';
import type { Conversation, ConversationKind } from './conversation.ts';
import { ack, BOT_ERRCODE, respondMsgSchema, updateCardSchema, welcomeSchema, zodProblem } from './wire.ts';
import type { AckFrame } from './wire.ts';

const RULES: Record<string, { schema: z.ZodType; kinds: ConversationKind[] }> = {
  aibot_respond_msg: { schema: respondMsgSchema, kinds: ['message', 'template_card_event'] },
  aibot_respond_welcome_msg: { schema: welcomeSchema, kinds: ['enter_chat'] },
  aibot_respond_update_msg: { schema: updateCardSchema, kinds: ['template_card_event'] },
};

export function isReplyCmd(cmd: string): boolean {
  return cmd in RULES;
}

export type ReplyCheck = { ok: true; body: Record<string, unknown> } | { ok: false; ack: AckFrame };

export function checkReply(
  conversation: Conversation | undefined,
  botId: string,
  cmd: string,
  reqId: string,
  body: unknown,
): ReplyCheck {
  const refuse = (errmsg: string): ReplyCheck => ({
    ok: false,
    ack: ack(reqId, BOT_ERRCODE.badParam, errmsg),
  });
  const rule = RULES[cmd]!;
  if (!conversation || conversation.botId !== botId) return refuse(`unknown req_id for ${cmd}`);
  if (!rule.kinds.includes(conversation.kind)) return refuse(`${cmd} does not answer ${conversation.kind}`);
  const parsed = rule.schema.safeParse(body);
  if (!parsed.success) return refuse(zodProblem(parsed.error));
  const value = parsed.data as Record<string, unknown>;
  if (cmd === 'aibot_respond_welcome_msg' && conversation.replies.length > 0)
    return refuse('the welcome was already sent');
  const stream = value.stream as { id: string; finish?: boolean } | undefined;
  if (stream && conversation.finishedStreams.has(stream.id))
    return refuse(`stream ${stream.id} already finished`);
  if (stream?.finish) conversation.finishedStreams.add(stream.id);
  return { ok: true, body: value };
}
