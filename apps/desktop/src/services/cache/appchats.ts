// App group chats created by this app (WeCom has no list API for them: the cache is the list).
import type { AppChat } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';
import type { AppChatChange, AppChatInput } from './types.ts';

export function createAppChats(ctx: CacheContext) {
  function getAppChat(chatid: string): AppChat | null {
    const chat = ctx
      .stmt('SELECT chatid, name, owner, fetched_at FROM appchats WHERE chatid = ?')
      .get(chatid) as { chatid: string; name: string; owner: string; fetched_at: number } | undefined;
    if (!chat) return null;
    const userlist = ctx
      .stmt('SELECT userid FROM appchat_members WHERE chatid = ? ORDER BY position, userid')
      .pluck()
      .all(chatid) as string[];
    return { chatid: chat.chatid, name: chat.name, owner: chat.owner, userlist, fetchedAt: chat.fetched_at };
  }

  function writeMembers(chatid: string, userids: string[]): void {
    ctx.stmt('DELETE FROM appchat_members WHERE chatid = ?').run(chatid);
    const insert = ctx.stmt(
      'INSERT OR IGNORE INTO appchat_members (chatid, userid, position) VALUES (?, ?, ?)',
    );
    userids.forEach((userid, i) => insert.run(chatid, userid, i));
  }

  function upsertAppChat(chat: AppChatInput, fetchedAt = ctx.now()): AppChat {
    const at = Math.trunc(fetchedAt);
    return ctx.tx(() => {
      ctx
        .stmt(
          `INSERT INTO appchats (chatid, name, owner, fetched_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(chatid) DO UPDATE SET name = excluded.name, owner = excluded.owner, fetched_at = excluded.fetched_at`,
        )
        .run(chat.chatid, chat.name, chat.owner, at);
      writeMembers(chat.chatid, chat.userlist);
      ctx.touchDataset('appchats', at);
      return getAppChat(chat.chatid) as AppChat;
    });
  }

  function updateAppChat(chatid: string, change: AppChatChange, fetchedAt = ctx.now()): AppChat | null {
    return ctx.tx(() => {
      const current = getAppChat(chatid);
      if (!current) return null;
      const removed = new Set(change.removeUsers ?? []);
      const members = current.userlist.filter((u) => !removed.has(u));
      for (const u of change.addUsers ?? []) if (!members.includes(u) && !removed.has(u)) members.push(u);
      return upsertAppChat(
        {
          chatid,
          name: change.name ?? current.name,
          owner: change.owner ?? current.owner,
          userlist: members,
        },
        fetchedAt,
      );
    });
  }

  function deleteAppChat(chatid: string): boolean {
    return ctx.stmt('DELETE FROM appchats WHERE chatid = ?').run(chatid).changes > 0;
  }

  function listAppChats(): AppChat[] {
    const ids = ctx.stmt('SELECT chatid FROM appchats ORDER BY name, chatid').pluck().all() as string[];
    return ids.map((id) => getAppChat(id) as AppChat);
  }

  return { getAppChat, upsertAppChat, updateAppChat, deleteAppChat, listAppChats };
}
