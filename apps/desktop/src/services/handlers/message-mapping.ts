// Contract shapes ↔ wecom-core message shapes (recipients, bodies, send results).
import type { AppchatMessageContent, MessageContent, MessageRecipients, MessageSendResult } from '@wld/wecom-core';
import type { MessageBody, Recipients, SendResult } from '../../shared/models.ts';
import { textcardLines } from '../../shared/textcard-lines.ts';

export function toWireRecipients(recipients: Recipients): MessageRecipients {
  const wire: MessageRecipients = {};
  if (recipients.userids.length > 0) wire.touser = recipients.userids;
  if (recipients.departmentIds.length > 0) wire.toparty = recipients.departmentIds;
  if (recipients.tagIds.length > 0) wire.totag = recipients.tagIds;
  return wire;
}

export const hasRecipients = (r: Recipients): boolean => r.userids.length + r.departmentIds.length + r.tagIds.length > 0;

export function toWireContent(body: MessageBody): AppchatMessageContent & MessageContent {
  switch (body.msgtype) {
    case 'text':
      return { msgtype: 'text', text: { content: body.content } };
    case 'markdown':
      return { msgtype: 'markdown', markdown: { content: body.content } };
    case 'textcard':
      return {
        msgtype: 'textcard',
        textcard: { title: body.title, description: body.description, url: body.url, ...(body.btntxt ? { btntxt: body.btntxt } : {}) },
      };
    case 'image':
      return { msgtype: 'image', image: { media_id: body.mediaId } };
    case 'file':
      return { msgtype: 'file', file: { media_id: body.mediaId } };
  }
}

/** One line for the history list. */
export function summarize(body: MessageBody): string {
  const text = (() => {
    switch (body.msgtype) {
      case 'text':
      case 'markdown':
        return body.content;
      case 'textcard':
        return `${body.title} — ${textcardLines(body.description).join(' · ')}`;
      case 'image':
      case 'file':
        return body.mediaId;
    }
  })();
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

export function toSendResult(result: MessageSendResult): SendResult {
  return {
    msgid: result.msgid,
    invalidUsers: result.invaliduser,
    invalidParties: result.invalidparty,
    invalidTags: result.invalidtag,
    unlicensedUsers: result.unlicenseduser,
    ...(result.unreadable ? { unreadable: result.unreadable } : {}),
  };
}

/** Merges the results of several sends (recipient lists over WeCom's 1000-per-call cap). */
export function mergeSendResults(results: SendResult[]): SendResult {
  return {
    msgid: results.find((r) => r.msgid !== null)?.msgid ?? null,
    invalidUsers: results.flatMap((r) => r.invalidUsers),
    invalidParties: results.flatMap((r) => r.invalidParties),
    invalidTags: results.flatMap((r) => r.invalidTags),
    unlicensedUsers: results.flatMap((r) => r.unlicensedUsers),
    ...(results.some((r) => r.unreadable) ? { unreadable: results.flatMap((r) => r.unreadable ?? []) } : {}),
  };
}
