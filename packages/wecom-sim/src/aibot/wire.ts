// What the simulator accepts from a bot connection, checked the way WeCom checks it, and the frames it
// answers with: acks `{headers: {req_id}, errcode, errmsg, body?}` and callbacks `{cmd, headers, body}`.
import { z } from 'zod';

export const STREAM_MAX_BYTES = 20_480;
export const CHUNK_MAX_BYTES = 512 * 1024;

export const inboundFrameSchema = z.looseObject({
  cmd: z.string().min(1),
  headers: z.looseObject({ req_id: z.string().min(1) }),
  body: z.unknown().optional(),
});
export type InboundFrame = z.infer<typeof inboundFrameSchema>;

export const subscribeBodySchema = z.looseObject({ bot_id: z.string().min(1), secret: z.string().min(1) });

const cardSchema = z.looseObject({ card_type: z.string().min(1) });

export const streamSchema = z.looseObject({
  id: z.string().min(1),
  finish: z.boolean().optional(),
  content: z
    .string()
    .refine((s) => Buffer.byteLength(s, 'utf8') <= STREAM_MAX_BYTES, `content over ${STREAM_MAX_BYTES} bytes`)
    .optional(),
});

export const respondMsgSchema = z.discriminatedUnion('msgtype', [
  z.looseObject({ msgtype: z.literal('stream'), stream: streamSchema }),
  z.looseObject({ msgtype: z.literal('template_card'), template_card: cardSchema }),
  z.looseObject({
    msgtype: z.literal('stream_with_template_card'),
    stream: streamSchema,
    template_card: cardSchema.optional(),
  }),
]);

export const welcomeSchema = z.discriminatedUnion('msgtype', [
  z.looseObject({ msgtype: z.literal('text'), text: z.looseObject({ content: z.string().min(1) }) }),
  z.looseObject({ msgtype: z.literal('template_card'), template_card: cardSchema }),
]);

export const updateCardSchema = z.looseObject({
  response_type: z.literal('update_template_card'),
  userids: z.array(z.string()).optional(),
  template_card: cardSchema,
});

export const sendMsgSchema = z.looseObject({
  chatid: z.string().min(1),
  msgtype: z.enum(['markdown', 'template_card', 'file', 'image', 'voice', 'video']),
});

export const uploadInitSchema = z.looseObject({
  type: z.enum(['file', 'image', 'voice', 'video']),
  filename: z.string().min(1),
  total_size: z.number().int().positive(),
  total_chunks: z.number().int().positive(),
  md5: z.string().optional(),
});
export const uploadChunkSchema = z.looseObject({
  upload_id: z.string().min(1),
  chunk_index: z.number().int().nonnegative(),
  base64_data: z.string().min(1),
});
export const uploadFinishSchema = z.looseObject({ upload_id: z.string().min(1) });

export interface AckFrame {
  headers: { req_id: string };
  errcode: number;
  errmsg: string;
  body?: unknown;
}

export function ack(reqId: string, errcode = 0, errmsg = 'ok', body?: unknown): AckFrame {
  return { headers: { req_id: reqId }, errcode, errmsg, ...(body === undefined ? {} : { body }) };
}

/** Errcodes the simulator answers on the long connection (errmsg says which check failed). */
export const BOT_ERRCODE = {
  /** bad bot_id or secret */
  badSecret: 40001,
  /** a parameter is missing or wrong, an unknown req_id, a frame before aibot_subscribe */
  badParam: 40058,
} as const;

export function zodProblem(error: z.ZodError): string {
  const first = error.issues[0];
  return first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid';
}
