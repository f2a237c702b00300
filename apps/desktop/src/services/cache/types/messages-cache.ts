// The cache's messaging part: sent messages and app group chats.
import type { AppChat, MessageBody, Recipients, SentMessage } from '../../../shared/models.ts';
import type { ReachResult } from '../reach.ts';
import type { AppChatChange, AppChatInput, NewSentMessage } from './records.ts';

export interface MessagesCache {
  // messages
  /** Records a sent message; returns its id. */
  recordSentMessage(message: NewSentMessage): number;
  /** Marks a message recalled; false when the msgid is unknown. */
  markRecalled(msgid: string, at?: number): boolean;
  /** Sent messages, newest first. */
  sentMessages(page: { offset?: number; limit?: number }): { total: number; rows: SentMessage[] };
  /** One sent message by id, or null. */
  getSentMessage(id: number): SentMessage | null;
  /** Messages sent at `since` or later with the body they were sent with (null when not recorded), newest first. */
  sentSince(since: number): Array<SentMessage & { body: MessageBody | null }>;
  /** How many distinct active members the recipients reach, by the cached org and tags. */
  reach(recipients: Recipients): ReachResult;

  // app group chats
  /** Inserts or replaces a chat and its members. */
  upsertAppChat(chat: AppChatInput, fetchedAt?: number): AppChat;
  /** Applies an appchat/update change; null when the chat is unknown. */
  updateAppChat(chatid: string, change: AppChatChange, fetchedAt?: number): AppChat | null;
  /** Removes a chat from the cache. */
  deleteAppChat(chatid: string): boolean;
  /** All chats, by name. */
  listAppChats(): AppChat[];
  /** One chat, or null. */
  getAppChat(chatid: string): AppChat | null;
}
