// The frames of the AI-bot long connection, validated with zod like every HTTP answer.
// Every frame is JSON `{cmd?, headers: {req_id}, body?, errcode?, errmsg?}`: callbacks carry a cmd,
// acks (to subscribe, ping and every reply) carry none and echo the req_id.
import { z } from 'zod';

const headersSchema = z.looseObject({ req_id: z.string().min(1) });

const fromSchema = z.looseObject({ userid: z.string().min(1), corpid: z.string().optional() });

const mediaSchema = z.looseObject({ url: z.string(), aeskey: z.string().optional() });

const baseFields = {
  msgid: z.string().min(1),
  aibotid: z.string(),
  chatid: z.string().optional(),
  chattype: z.enum(['single', 'group']),
  from: fromSchema,
  create_time: z.number().optional(),
  response_url: z.string().optional(),
};

const textSchema = z.looseObject({ content: z.string() });

export const botMessageSchema = z.discriminatedUnion('msgtype', [
  z.looseObject({ ...baseFields, msgtype: z.literal('text'), text: textSchema }),
  z.looseObject({ ...baseFields, msgtype: z.literal('image'), image: mediaSchema }),
  z.looseObject({
    ...baseFields,
    msgtype: z.literal('mixed'),
    mixed: z.looseObject({
      msg_item: z.array(
        z.looseObject({
          msgtype: z.enum(['text', 'image']),
          text: textSchema.optional(),
          image: mediaSchema.optional(),
        }),
      ),
    }),
  }),
  z.looseObject({ ...baseFields, msgtype: z.literal('voice'), voice: textSchema }),
  z.looseObject({ ...baseFields, msgtype: z.literal('file'), file: mediaSchema }),
  z.looseObject({ ...baseFields, msgtype: z.literal('video'), video: mediaSchema }),
]);
export type BotMessage = z.infer<typeof botMessageSchema>;

const cardEventSchema = z.looseObject({
  card_type: z.string().optional(),
  event_key: z.string().optional(),
  task_id: z.string().optional(),
});

export const botEventSchema = z.looseObject({
  msgid: z.string().min(1),
  aibotid: z.string(),
  chatid: z.string().optional(),
  chattype: z.enum(['single', 'group']).optional(),
  /** absent on disconnected_event, which comes from WeCom itself */
  from: fromSchema.optional(),
  create_time: z.number().optional(),
  msgtype: z.literal('event'),
  event: z.discriminatedUnion('eventtype', [
    z.looseObject({ eventtype: z.literal('enter_chat') }),
    // WeCom's docs nest the click under template_card_event; the official SDK reads it flat. Both pass.
    z.looseObject({
      eventtype: z.literal('template_card_event'),
      event_key: z.string().optional(),
      task_id: z.string().optional(),
      template_card_event: cardEventSchema.optional(),
    }),
    z.looseObject({ eventtype: z.literal('feedback_event') }),
    z.looseObject({ eventtype: z.literal('disconnected_event') }),
  ]),
});
export type BotEvent = z.infer<typeof botEventSchema>;
export type BotEventType = BotEvent['event']['eventtype'];

export const callbackFrameSchema = z.looseObject({
  cmd: z.literal('aibot_msg_callback'),
  headers: headersSchema,
  body: botMessageSchema,
});

export const eventFrameSchema = z.looseObject({
  cmd: z.literal('aibot_event_callback'),
  headers: headersSchema,
  body: botEventSchema,
});

export const ackFrameSchema = z.looseObject({
  headers: headersSchema,
  errcode: z.number().int(),
  errmsg: z.string().optional(),
  body: z.unknown().optional(),
});
export type BotAck = z.infer<typeof ackFrameSchema>;

/** Only enough to route a frame: which schema applies, and the req_id. */
export const envelopeSchema = z.looseObject({
  cmd: z.string().optional(),
  headers: headersSchema,
});

/** The card button a person clicked, whichever of the two shapes WeCom sent. */
export function cardEventKey(event: BotEvent): { eventKey: string | null; taskId: string | null } {
  if (event.event.eventtype !== 'template_card_event') return { eventKey: null, taskId: null };
  const nested = event.event.template_card_event;
  return {
    eventKey: nested?.event_key ?? event.event.event_key ?? null,
    taskId: nested?.task_id ?? event.event.task_id ?? null,
  };
}
