// Sent-message history: what was sent to whom, WeCom's partial-failure result, recalls.
import { z } from 'zod';
import { messageBodySchema, recipientsSchema, sendResultSchema, type MessageBody, type SentMessage } from '../../shared/models.ts';
import type { CacheContext } from './context.ts';
import type { NewSentMessage } from './types.ts';

interface Row {
  id: number;
  msgid: string | null;
  msgtype: string;
  summary: string;
  recipients: string;
  result: string;
  origin: string;
  sent_at: number;
  recalled_at: number | null;
  body: string | null;
}

const newMessageSchema = z.object({
  msgid: z.string().nullable(),
  msgtype: z.string().min(1),
  summary: z.string(),
  recipients: recipientsSchema,
  sentAt: z.number().int().nonnegative(),
  result: sendResultSchema,
  origin: z.string().min(1),
  body: z.unknown().optional(),
});

// rows written by this module parse; a damaged row still shows, with empty lists
const emptyRecipients = { userids: [], departmentIds: [], tagIds: [] };
const emptyResult = {
  msgid: null,
  invalidUsers: [],
  invalidParties: [],
  invalidTags: [],
  unlicensedUsers: [],
};
const parseJson = <T>(schema: z.ZodType<T>, text: string, fallback: T): T => {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
};

function toSentMessage(r: Row): SentMessage {
  return {
    id: r.id,
    msgid: r.msgid,
    msgtype: r.msgtype,
    summary: r.summary,
    recipients: parseJson(recipientsSchema, r.recipients, emptyRecipients),
    sentAt: r.sent_at,
    recalledAt: r.recalled_at,
    result: parseJson(sendResultSchema, r.result, emptyResult),
    origin: r.origin,
  };
}

export function createMessages(ctx: CacheContext) {
  function recordSentMessage(message: NewSentMessage): number {
    const m = newMessageSchema.parse(message);
    const info = ctx
      .stmt(
        `INSERT INTO sent_messages (msgid, msgtype, summary, recipients, body, result, origin, sent_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.msgid,
        m.msgtype,
        m.summary,
        JSON.stringify(m.recipients),
        m.body === undefined ? null : JSON.stringify(m.body),
        JSON.stringify(m.result),
        m.origin,
        m.sentAt,
      );
    return Number(info.lastInsertRowid);
  }

  function markRecalled(msgid: string, at = ctx.now()): boolean {
    return (
      ctx.stmt('UPDATE sent_messages SET recalled_at = ? WHERE msgid = ?').run(Math.trunc(at), msgid)
        .changes > 0
    );
  }

  function sentMessages(page: { offset?: number; limit?: number }): { total: number; rows: SentMessage[] } {
    const limit = Math.max(1, Math.min(1000, Math.trunc(page.limit ?? 100)));
    const offset = Math.max(0, Math.trunc(page.offset ?? 0));
    const total = ctx.stmt('SELECT count(*) FROM sent_messages').pluck().get() as number;
    const rows = ctx
      .stmt('SELECT * FROM sent_messages ORDER BY sent_at DESC, id DESC LIMIT ? OFFSET ?')
      .all(limit, offset) as Row[];
    return { total, rows: rows.map(toSentMessage) };
  }

  function getSentMessage(id: number): SentMessage | null {
    const row = ctx.stmt('SELECT * FROM sent_messages WHERE id = ?').get(id) as Row | undefined;
    return row ? toSentMessage(row) : null;
  }

  function sentSince(since: number): Array<SentMessage & { body: MessageBody | null }> {
    const rows = ctx
      .stmt('SELECT * FROM sent_messages WHERE sent_at >= ? ORDER BY sent_at DESC, id DESC')
      .all(Math.trunc(since)) as Row[];
    return rows.map((r) => ({ ...toSentMessage(r), body: r.body === null ? null : parseJson(messageBodySchema.nullable(), r.body, null) }));
  }

  return { recordSentMessage, markRecalled, sentMessages, getSentMessage, sentSince };
}
