// The AI bot (智能机器人, long connection) part of the services contract: its settings on this PC, its
// status, the offline log of its conversations and events, and sign-ups / sign-ins per live.
// Spread into servicesContract and servicesEvents (contract.ts).
import { z } from 'zod';
import { opaqueId, singleLine } from './text-rules.ts';

const method = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ input, output });
const empty = z.object({}).strict();
const ok = z.object({ ok: z.literal(true) });

export const botStateSchema = z.enum([
  'disabled',
  'idle',
  'connecting',
  'subscribing',
  'online',
  'reconnecting',
  'taken_over',
  'auth_failed',
  'stopped',
]);
export type BotState = z.infer<typeof botStateSchema>;

export const botStatusSchema = z.object({
  state: botStateSchema,
  botId: z.string(),
  /** True when this PC is the one that keeps the bot's connection. */
  hostHere: z.boolean(),
  hasSecret: z.boolean(),
  since: z.number(),
  nextRetryAt: z.number().nullable(),
  /** Why it is not online, in both languages (wecom-core's bot texts); the renderer shows its own. */
  message: z.object({ zh: z.string(), en: z.string() }).nullable(),
  answered: z.number().int(),
});
export type BotStatusView = z.infer<typeof botStatusSchema>;

export const botLogKindSchema = z.enum(['message', 'reply', 'event', 'card', 'push', 'state']);

export const botLogRowSchema = z.object({
  id: z.number().int(),
  at: z.number(),
  kind: botLogKindSchema,
  /** 'in' from WeCom, 'out' from the bot, 'sys' a state change */
  direction: z.enum(['in', 'out', 'sys']),
  userid: z.string().nullable(),
  chatid: z.string().nullable(),
  text: z.string(),
});
export type BotLogRow = z.infer<typeof botLogRowSchema>;

export const botSignupSchema = z.object({
  livingid: z.string(),
  userid: z.string(),
  name: z.string().nullable(),
  signedUpAt: z.number().nullable(),
  signedInAt: z.number().nullable(),
});
export type BotSignup = z.infer<typeof botSignupSchema>;

export const botContract = {
  'bot.status': method(empty, botStatusSchema),
  /** BotID and "this PC hosts the bot"; the Secret (when given) goes to the keychain, never to settings. */
  'bot.configure': method(
    z.object({
      /** Empty clears it. */
      botId: z.union([z.literal(''), opaqueId(64)]),
      hostHere: z.boolean(),
      secret: singleLine(256).min(1).optional(),
    }),
    botStatusSchema,
  ),
  /** Takes the bot back after another PC took it over (that PC then shows "taken over"). */
  'bot.reconnect': method(empty, botStatusSchema),
  'bot.log': method(
    z.object({
      kind: botLogKindSchema.nullable().default(null),
      query: z.string().max(100).default(''),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    z.object({ total: z.number().int(), rows: z.array(botLogRowSchema) }),
  ),
  'bot.signups': method(
    z.object({ livingid: opaqueId(128) }),
    z.object({ signedUp: z.number().int(), signedIn: z.number().int(), rows: z.array(botSignupSchema) }),
  ),
  /** Pushes a live's sign-up / sign-in card into a chat (a group chatid, or a userid). */
  'bot.sendLiveCard': method(z.object({ livingid: opaqueId(128), chatid: opaqueId(64) }), ok),
  /** Pushes a reminder to the absentees of an ended live into a group chat. */
  'bot.remindAbsentees': method(
    z.object({ livingid: opaqueId(128), chatid: opaqueId(64) }),
    z.object({ ok: z.literal(true), absentees: z.number().int() }),
  ),
} as const;

export const botEvents = {
  'bot.status': botStatusSchema,
  /** The log grew: pages showing it reload. */
  'bot.log': z.object({ rows: z.number().int() }),
} as const;
