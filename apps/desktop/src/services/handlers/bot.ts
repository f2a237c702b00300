// bot.*: the AI bot's settings on this PC, status, offline log, sign-ups per live, and pushes into chats.
import { RpcError, type ServicesHandlers } from '../../shared/rpc.ts';
import { botHostOf } from '../bot/bot-host.ts';
import { liveCard } from '../bot/live-card.ts';
import { toTraineeLive } from '../bot/trainee-data.ts';
import type { ServicesContext } from '../context.ts';
import { absenteeChatReminder } from '../i18n.ts';
import { notFound } from './errors.ts';

type Methods =
  | 'bot.status'
  | 'bot.configure'
  | 'bot.reconnect'
  | 'bot.log'
  | 'bot.signups'
  | 'bot.sendLiveCard'
  | 'bot.remindAbsentees';

export function botHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  const host = () => botHostOf(ctx);
  const online = () => {
    const connection = host().connectionOrNull();
    if (!connection || connection.status.state !== 'online') {
      throw new RpcError({ kind: 'offline', code: 'BOT_OFFLINE', message: 'The bot is not connected on this PC.' });
    }
    return connection;
  };
  const liveOf = (livingid: string) => {
    const live = ctx.cache().getLive(livingid)?.live;
    if (!live) throw notFound('LIVE_NOT_FOUND', livingid);
    return live;
  };
  return {
    'bot.status': () => host().status(),
    'bot.configure': (input) => host().configure(input),
    'bot.reconnect': () => host().reconnect(),
    'bot.log': async (input) => {
      const profile = ctx.profile();
      const store = host().storeOrNull();
      if (!profile || !store) return { total: 0, rows: [] };
      return store.readLog(profile.id, input);
    },
    'bot.signups': async ({ livingid }) => {
      const profile = ctx.profile();
      const rows = profile ? (host().storeOrNull()?.signups(profile.id, livingid) ?? []) : [];
      const names = new Map(
        ctx
          .cache()
          .usersByIds(rows.map((r) => r.userid))
          .map((u) => [u.userid, u.name]),
      );
      return {
        signedUp: rows.filter((r) => r.signedUpAt !== null).length,
        signedIn: rows.filter((r) => r.signedInAt !== null).length,
        rows: rows.map((r) => ({ ...r, name: names.get(r.userid) ?? null })),
      };
    },
    'bot.sendLiveCard': async ({ livingid, chatid }) => {
      const live = liveOf(livingid);
      const connection = online();
      const card = liveCard(toTraineeLive(live), `live_${livingid}_${ctx.now()}`, ctx.language());
      await connection.send(chatid, { msgtype: 'template_card', template_card: card });
      host().record({
        at: ctx.now(),
        kind: 'push',
        direction: 'out',
        userid: null,
        chatid,
        text: `card: ${live.theme}`,
      });
      return { ok: true as const };
    },
    'bot.remindAbsentees': async ({ livingid, chatid }) => {
      const live = liveOf(livingid);
      const absent = ctx.cache().absentees(livingid);
      const users = absent.byDepartment.flatMap((d) => d.users);
      const connection = online();
      const mentions = users
        .slice(0, 50)
        .map((u) => `<@${u.userid}>`)
        .join(' ');
      const content = absenteeChatReminder(ctx.language(), users.length, live.theme, mentions);
      await connection.send(chatid, { msgtype: 'markdown', markdown: { content } });
      host().record({ at: ctx.now(), kind: 'push', direction: 'out', userid: null, chatid, text: content });
      return { ok: true as const, absentees: users.length };
    },
  };
}
