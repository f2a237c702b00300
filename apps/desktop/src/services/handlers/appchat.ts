// App group chats: WeCom keeps no list of them, so the cache remembers the chats this app made.
import { randomBytes } from 'node:crypto';
import { WeComApiError, type WeComClient } from '@wld/wecom-core';
import type { AppChat } from '../../shared/models.ts';
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { toWireContent } from './message-mapping.ts';
import { outcomeUnknown, wecomReader, writeOnce, writeOrUnknown } from './write-outcome.ts';

/** appchat/get's "the chat does not exist". */
const CHAT_MISSING = 86003;

/** A chatid as WeCom takes them: up to 32 of [0-9a-zA-Z]. */
const newChatId = () => `wld${randomBytes(12).toString('hex')}`;

type Methods = 'appchat.list' | 'appchat.create' | 'appchat.update' | 'appchat.send';

/** Reads the chat back (the owner may have been picked by WeCom) and stores it. */
async function storeChat(ctx: ServicesContext, client: WeComClient | null, fallback: AppChat | null, chatid: string): Promise<AppChat> {
  try {
    if (!client) throw new Error('no WeCom client');
    const info = await client.appchat.get(chatid);
    return ctx.cache().upsertAppChat(
      { chatid, name: info.name ?? fallback?.name ?? '', owner: info.owner ?? fallback?.owner ?? '', userlist: info.userlist },
      ctx.now(),
    );
  } catch (error) {
    ctx.log('warn', `appchat/get after a change failed for ${chatid}: ${String(error)}`);
    if (!fallback) throw error;
    return ctx.cache().upsertAppChat(fallback, ctx.now());
  }
}

export function appchatHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    'appchat.list': () => ({ chats: ctx.cache().listAppChats() }),
    'appchat.create': async (input, { signal }) => {
      // the chatid is chosen here, so a lost answer can be read back and a retry cannot make a second chat
      const wanted = input.chatid ?? newChatId();
      const request = { name: input.name, userlist: input.userlist, chatid: wanted, ...(input.owner ? { owner: input.owner } : {}) };
      const chatid = await writeOnce(
        ctx,
        `create of chat ${wanted}`,
        () => ctx.write((client) => client.appchat.create(request, { signal })),
        async () => {
          try {
            await wecomReader(ctx).appchat.get(wanted, { refreshCache: true });
            return wanted;
          } catch (error) {
            if (error instanceof WeComApiError && error.errcode === CHAT_MISSING) return null;
            throw error;
          }
        },
        () => outcomeUnknown('CHAT_CREATE_UNKNOWN', 'WeCom did not answer; the chat may have been created'),
      );
      const fallback = { chatid, name: input.name, owner: input.owner ?? input.userlist[0]!, userlist: input.userlist, fetchedAt: ctx.now() };
      const chat = await storeChat(ctx, ctx.clientOrNull(), fallback, chatid);
      ctx.changed('appchat');
      return { chat };
    },
    'appchat.update': async (input, { signal }) => {
      await ctx.write((client) =>
        client.appchat.update(
          {
            chatid: input.chatid,
            ...(input.name ? { name: input.name } : {}),
            ...(input.owner ? { owner: input.owner } : {}),
            ...(input.addUsers.length > 0 ? { add_user_list: input.addUsers } : {}),
            ...(input.removeUsers.length > 0 ? { del_user_list: input.removeUsers } : {}),
          },
          { signal },
        ),
      );
      const change = { name: input.name, owner: input.owner, addUsers: input.addUsers, removeUsers: input.removeUsers };
      const fallback = ctx.cache().updateAppChat(input.chatid, change, ctx.now());
      const chat = await storeChat(ctx, ctx.clientOrNull(), fallback, input.chatid);
      ctx.changed('appchat');
      return { chat };
    },
    'appchat.send': async ({ chatid, body }, { signal }) => {
      if (!ctx.cache().getAppChat(chatid)) ctx.log('info', `sending to chat ${chatid}, which this cache does not know`);
      await writeOrUnknown(
        () => ctx.write((client) => client.appchat.send(chatid, toWireContent(body), { signal })),
        // WeCom has no duplicate check for chat messages: say it may be there before anyone sends it again
        () => outcomeUnknown('CHAT_MESSAGE_UNKNOWN', 'WeCom did not answer; the message may have been posted in the chat'),
      );
      return { ok: true as const };
    },
  };
}

