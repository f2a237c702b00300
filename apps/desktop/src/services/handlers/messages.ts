// App messages and media: WeCom first, then the history in the cache.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { repeatedMessage, sendAndRecord } from './send-message.ts';

type Methods = 'media.upload' | 'messages.send' | 'messages.reach' | 'messages.history' | 'messages.recall' | 'messages.statistics';

export function messagesHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    'media.upload': async ({ type, filename, contentType, data }, { signal }) => {
      const uploaded = await ctx.write((client) => client.media.upload(type, { filename, contentType, data }, { signal }));
      return { mediaId: uploaded.media_id, createdAt: uploaded.created_at };
    },
    'messages.send': async ({ recipients, body }, { signal }) => {
      const { id, result, repeatOf } = await sendAndRecord(ctx, recipients, body, 'manual', signal);
      // WeCom would accept it and deliver nothing: the person is told, nothing is listed as sent
      if (repeatOf) throw repeatedMessage(repeatOf.sentAt);
      return { ...result, id };
    },
    'messages.reach': ({ recipients }) => {
      const { count, asOf } = ctx.cache().reach(recipients);
      return { count, ...ctx.freshness(asOf, 'org') };
    },
    'messages.history': (page) => ctx.cache().sentMessages(page),
    'messages.recall': async ({ msgid }, { signal }) => {
      await ctx.write((client) => client.messages.recall(msgid, { signal }));
      ctx.cache().markRecalled(msgid, ctx.now());
      ctx.changed('messages');
      return { ok: true as const };
    },
    'messages.statistics': async ({ timeType }, { signal }) => {
      const rows = await ctx.online((client) => client.messages.getStatistics(timeType, { signal }));
      return { rows: rows.map((r) => ({ agentid: r.agentid, appName: r.app_name ?? '', count: Math.round(r.count) })) };
    },
  };
}
