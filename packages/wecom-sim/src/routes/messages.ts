// App messages: message/send (every msgtype, partial failures, duplicate check), message/recall
// (24 h, same app) and message/get_statistics (person-times per app, today or yesterday).
import { z } from 'zod';
import { fail, required } from '../errors.ts';
import { ID_CHARS, randomString } from '../random.ts';
import type { SimMessage } from '../state/model.ts';
import { checkMessageContent, SEND_MSGTYPES } from './message-content.ts';
import { resolveRecipients } from './message-recipients.ts';
import type { RouteTable } from './types.ts';
import { callerApp, parseBody } from './validate.ts';

const RECALL_WINDOW_MS = 86_400_000;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DEFAULT_DUPLICATE_INTERVAL_S = 1800;
const MAX_DUPLICATE_INTERVAL_S = 4 * 3600;

const recallBody = z.object({ msgid: z.string().optional() });
const statisticsBody = z.object({ time_type: z.number().int().optional() });

/** Sends remembered for enable_duplicate_check: request JSON -> the first send. */
const recentSends = new WeakMap<object, Map<string, SimMessage>>();

function chinaDayStart(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
}

function sendResult(m: SimMessage, responseCode: string | undefined): Record<string, unknown> {
  return {
    invaliduser: m.invaliduser.join('|'),
    invalidparty: m.invalidparty.join('|'),
    invalidtag: m.invalidtag.join('|'),
    unlicenseduser: m.unlicenseduser.join('|'),
    msgid: m.msgid,
    ...(responseCode === undefined ? {} : { response_code: responseCode }),
  };
}

export const messageRoutes: RouteTable = {
  '/cgi-bin/message/send': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const { store, rng, now } = ctx.sim;
      const body = ctx.body;
      const app = callerApp(ctx);
      if (body.agentid === undefined || body.agentid === null || body.agentid === '')
        fail(41011, 'agentid is required');
      if (body.agentid !== app.agentId)
        fail(
          40056,
          `agentid ${JSON.stringify(body.agentid)} does not match the token's app (${app.agentId})`,
        );
      const { msgtype, interactive } = checkMessageContent(body, SEND_MSGTYPES, store, now());

      const dedupe = body.enable_duplicate_check === 1;
      const interval =
        typeof body.duplicate_check_interval === 'number'
          ? body.duplicate_check_interval
          : DEFAULT_DUPLICATE_INTERVAL_S;
      if (dedupe && (interval <= 0 || interval > MAX_DUPLICATE_INTERVAL_S))
        fail(40058, 'duplicate_check_interval must be 1..14400 seconds');
      let recent = recentSends.get(store);
      if (!recent) recentSends.set(store, (recent = new Map()));
      const key = `${app.agentId}:${JSON.stringify(body)}`;
      const previous = dedupe ? recent.get(key) : undefined;
      if (previous && now() - previous.sentAt < interval * 1000) return sendResult(previous, undefined);

      const r = resolveRecipients(store, body);
      let msgid: string;
      do msgid = randomString(rng, 43, ID_CHARS);
      while (store.findMessage(msgid));
      const message: SimMessage = {
        msgid,
        agentid: app.agentId,
        msgtype,
        body,
        recipients: r.users.map((u) => u.userid.toLowerCase()),
        invaliduser: r.invaliduser,
        invalidparty: r.invalidparty,
        invalidtag: r.invalidtag,
        unlicenseduser: r.unlicenseduser,
        sentAt: now(),
        recalledAt: null,
      };
      store.addMessage(message);
      store.noteWrite();
      if (dedupe) recent.set(key, message);
      return sendResult(message, interactive ? randomString(rng, 40, ID_CHARS) : undefined);
    },
  },

  '/cgi-bin/message/recall': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const msgid = required(parseBody(recallBody, ctx.body).msgid, 'msgid');
      const message = ctx.sim.store.findMessage(msgid);
      if (!message) fail(42052, `msgid "${msgid}" not found`);
      if (message.agentid !== callerApp(ctx).agentId) fail(40058, `msgid "${msgid}" was sent by another app`);
      if (message.recalledAt !== null) fail(42052, `msgid "${msgid}" was already recalled`);
      if (ctx.sim.now() - message.sentAt > RECALL_WINDOW_MS)
        fail(42052, `msgid "${msgid}" is older than 24 hours`);
      message.recalledAt = ctx.sim.now();
      ctx.sim.store.noteWrite();
      return {};
    },
  },

  '/cgi-bin/message/get_statistics': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const timeType = parseBody(statisticsBody, ctx.body).time_type ?? 0;
      if (timeType !== 0 && timeType !== 1) fail(40058, 'time_type must be 0 (today) or 1 (yesterday)');
      const today = chinaDayStart(ctx.sim.now());
      const from = timeType === 0 ? today : today - DAY_MS;
      const to = from + DAY_MS;
      const counts = new Map<number, number>();
      for (const m of ctx.sim.store.messages) {
        if (m.sentAt >= from && m.sentAt < to)
          counts.set(m.agentid, (counts.get(m.agentid) ?? 0) + m.recipients.length);
      }
      return {
        statistics: ctx.sim.apps.map((a) => ({
          agentid: a.agentId,
          app_name: a.name,
          count: counts.get(a.agentId) ?? 0,
        })),
      };
    },
  },
};
