// App group chats (应用群聊): create, update, get, send. A chat is managed only by the app that
// created it (86008).
import { z } from 'zod';
import { fail } from '../errors.ts';
import { ALNUM, pick, randomString } from '../random.ts';
import type { SimAppChat, SimUser } from '../state/model.ts';
import type { SimStore } from '../state/store.ts';
import { APPCHAT_MSGTYPES, checkMessageContent } from './message-content.ts';
import type { RouteContext, RouteTable } from './types.ts';
import { callerApp, charLength, parseBody, queryString } from './validate.ts';

const NAME_MAX_CHARS = 50;
const MIN_MEMBERS = 2;
const MAX_MEMBERS = 2000;
const CHATID = /^[0-9a-zA-Z]{1,32}$/;

const createBody = z.object({
  name: z.string().optional(),
  owner: z.string().optional(),
  userlist: z.array(z.string()).optional(),
  chatid: z.string().optional(),
});
const updateBody = z.object({
  chatid: z.string().optional(),
  name: z.string().optional(),
  owner: z.string().optional(),
  add_user_list: z.array(z.string()).optional(),
  del_user_list: z.array(z.string()).optional(),
});

function member(store: SimStore, userid: string): SimUser | null {
  const user = store.findUser(userid);
  return user && user.status !== 5 ? user : null;
}

/** Canonical userids, deduplicated; 86007 names the unknown ones. */
function members(store: SimStore, userids: readonly string[]): string[] {
  const out = new Set<string>();
  const unknown: string[] = [];
  for (const id of userids) {
    const user = member(store, id);
    if (user) out.add(user.userid);
    else unknown.push(id);
  }
  if (unknown.length > 0) fail(86007, `unknown members: ${unknown.slice(0, 10).join('|')}`);
  return [...out];
}

function checkName(name: string | undefined): void {
  if (name !== undefined && charLength(name) > NAME_MAX_CHARS)
    fail(86004, `name exceeds ${NAME_MAX_CHARS} characters`);
}

function checkSize(n: number): void {
  if (n < MIN_MEMBERS || n > MAX_MEMBERS)
    fail(86006, `a chat holds ${MIN_MEMBERS} to ${MAX_MEMBERS} members, got ${n}`);
}

function checkOwner(store: SimStore, owner: string, userlist: readonly string[]): string {
  const user = member(store, owner);
  if (!user) fail(86005, `owner "${owner}" not found`);
  if (!userlist.includes(user.userid)) fail(86207, `owner "${owner}" is not in the member list`);
  return user.userid;
}

function ownChat(ctx: RouteContext, chatid: string | null | undefined): SimAppChat {
  if (!chatid) fail(86201, 'chatid is required');
  const chat = ctx.sim.store.appchats.get(chatid);
  if (!chat) fail(86003, `chatid "${chatid}" not found`);
  if (chat.creatorAgentId !== callerApp(ctx).agentId)
    fail(86008, `chat "${chatid}" was created by another app`);
  return chat;
}

export const appchatRoutes: RouteTable = {
  '/cgi-bin/appchat/create': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const { store, rng, now } = ctx.sim;
      const body = parseBody(createBody, ctx.body);
      checkName(body.name);
      if (!body.userlist) fail(86006, 'userlist is required');
      const userlist = members(store, body.userlist);
      checkSize(userlist.length);
      const owner = body.owner ? checkOwner(store, body.owner, userlist) : pick(rng, userlist);
      let chatid = body.chatid;
      if (chatid !== undefined && chatid !== '') {
        if (!CHATID.test(chatid)) fail(86001, 'chatid must be 1-32 characters of [0-9a-zA-Z]');
        if (store.appchats.has(chatid)) fail(86215, `chatid "${chatid}" already exists`);
      } else {
        do chatid = 'wr' + randomString(rng, 30, ALNUM);
        while (store.appchats.has(chatid));
      }
      store.appchats.set(chatid, {
        chatid,
        name: body.name ?? '',
        owner,
        userlist,
        creatorAgentId: callerApp(ctx).agentId,
        createdAt: now(),
      });
      store.noteWrite();
      return { chatid };
    },
  },

  '/cgi-bin/appchat/update': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const store = ctx.sim.store;
      const body = parseBody(updateBody, ctx.body);
      const chat = ownChat(ctx, body.chatid);
      checkName(body.name);
      const added = members(store, body.add_user_list ?? []);
      const removed = new Set((body.del_user_list ?? []).map((id) => member(store, id)?.userid ?? id));
      const userlist = [...new Set([...chat.userlist, ...added])].filter((id) => !removed.has(id));
      checkSize(userlist.length);
      const owner = checkOwner(store, body.owner ?? chat.owner, userlist);
      if (body.name !== undefined) chat.name = body.name;
      chat.owner = owner;
      chat.userlist = userlist;
      store.noteWrite();
      return {};
    },
  },

  '/cgi-bin/appchat/get': {
    method: 'GET',
    auth: 'app',
    handle(ctx) {
      const chat = ownChat(ctx, queryString(ctx, 'chatid'));
      return {
        chat_info: { chatid: chat.chatid, name: chat.name, owner: chat.owner, userlist: chat.userlist },
      };
    },
  },

  '/cgi-bin/appchat/send': {
    method: 'POST',
    auth: 'app',
    body: 'json',
    handle(ctx) {
      const { store, now } = ctx.sim;
      const chatid = typeof ctx.body.chatid === 'string' ? ctx.body.chatid : null;
      const chat = ownChat(ctx, chatid);
      const { msgtype } = checkMessageContent(ctx.body, APPCHAT_MSGTYPES, store, now());
      store.appchatMessages.push({
        chatid: chat.chatid,
        agentid: callerApp(ctx).agentId,
        msgtype,
        body: ctx.body,
        sentAt: now(),
      });
      store.noteWrite();
      return {};
    },
  },
};
