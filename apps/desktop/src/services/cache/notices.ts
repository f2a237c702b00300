// Notices and reminders about lives, and each live's calendar schedule (tables of migration 7).
import { z } from 'zod';
import { messageBodySchema, serviceErrorSchema } from '../../shared/models.ts';
import { calendarStateSchema, noticeStatusSchema, type CalendarState } from '../../shared/notice-models.ts';
import { audienceQuery, readAudience } from './audience.ts';
import type { CacheContext } from './context.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import type { NewNotice, NoticeChange, NoticesCache, StoredNotice } from './types/notices-cache.ts';

interface Row {
  id: number;
  livingid: string;
  kind: string;
  status: string;
  offset_seconds: number;
  note: string;
  language: string;
  body: string | null;
  recipients: string | null;
  recipient_count: number;
  parts_done: number;
  message_ids: string;
  error: string | null;
  due_at: number | null;
  part_started_at: number | null;
  sent_at: number | null;
  created_at: number;
}

/** A notice's recipients: like a message's, but not yet split into parts of 1000. */
const storedRecipients = z.object({ userids: z.array(z.string()), departmentIds: z.array(z.number().int()), tagIds: z.array(z.number().int()) });

const json = <T>(schema: z.core.$ZodType<T>, text: string | null): T | null => {
  if (text === null) return null;
  try {
    const parsed = z.safeParse(schema, JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

function toNotice(r: Row): StoredNotice {
  return {
    id: r.id,
    livingid: r.livingid,
    kind: r.kind,
    status: noticeStatusSchema.catch('failed').parse(r.status),
    offsetSeconds: r.offset_seconds,
    note: r.note,
    language: r.language,
    body: json(messageBodySchema, r.body),
    recipients: json(storedRecipients, r.recipients),
    recipientCount: r.recipient_count,
    partsDone: r.parts_done,
    messageIds: json(z.array(z.number().int()), r.message_ids) ?? [],
    error: json(serviceErrorSchema, r.error),
    dueAt: r.due_at,
    partStartedAt: r.part_started_at,
    sentAt: r.sent_at,
    createdAt: r.created_at,
  };
}

const COLUMNS: Record<keyof NoticeChange, string> = {
  status: 'status',
  body: 'body',
  recipients: 'recipients',
  recipientCount: 'recipient_count',
  partsDone: 'parts_done',
  messageIds: 'message_ids',
  error: 'error',
  dueAt: 'due_at',
  partStartedAt: 'part_started_at',
  sentAt: 'sent_at',
};

const stored = (key: keyof NoticeChange, value: unknown): unknown =>
  key === 'body' || key === 'recipients' || key === 'messageIds' || key === 'error' ? (value === null ? null : JSON.stringify(value)) : value;

export function createNotices(ctx: CacheContext, aggregates: OrgAggregates): NoticesCache {
  function getNotice(id: number): StoredNotice | null {
    const row = ctx.stmt('SELECT * FROM live_notices WHERE id = ?').get(id) as Row | undefined;
    return row ? toNotice(row) : null;
  }

  return {
    addNotice(notice: NewNotice) {
      const at = ctx.now();
      const info = ctx
        .stmt(
          `INSERT INTO live_notices (livingid, kind, status, offset_seconds, note, language, body, recipients, recipient_count, due_at, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          notice.livingid,
          notice.kind,
          notice.status,
          notice.offsetSeconds ?? 0,
          notice.note ?? '',
          notice.language,
          notice.body ? JSON.stringify(notice.body) : null,
          notice.recipients ? JSON.stringify(notice.recipients) : null,
          notice.recipientCount ?? 0,
          notice.dueAt ?? null,
          at,
          at,
        );
      return getNotice(Number(info.lastInsertRowid))!;
    },
    getNotice,
    updateNotice(id, change) {
      const keys = (Object.keys(change) as Array<keyof NoticeChange>).filter((k) => change[k] !== undefined);
      if (keys.length > 0) {
        const sets = keys.map((k) => `${COLUMNS[k]} = ?`).join(', ');
        ctx
          .stmt(`UPDATE live_notices SET ${sets}, updated_at = ? WHERE id = ?`)
          .run(...keys.map((k) => stored(k, change[k])), ctx.now(), id);
      }
      const row = getNotice(id);
      if (!row) throw new Error(`notice ${id} does not exist`);
      return row;
    },
    claimNotice(id, from, to) {
      return ctx.stmt('UPDATE live_notices SET status = ?, updated_at = ? WHERE id = ? AND status = ?').run(to, ctx.now(), id, from).changes === 1;
    },
    liveNotices(livingid) {
      const rows = ctx.stmt('SELECT * FROM live_notices WHERE livingid = ? ORDER BY created_at DESC, id DESC').all(livingid) as Row[];
      return rows.map(toNotice);
    },
    noticesWithStatus(status) {
      const rows = ctx.stmt('SELECT * FROM live_notices WHERE status = ? ORDER BY id').all(status) as Row[];
      return rows.map(toNotice);
    },
    audienceUserids(livingid) {
      const audience = readAudience(ctx, livingid);
      if (!audience) return [];
      aggregates.ensure(); // department_members, which the audience's departments expand through
      const query = audienceQuery(ctx, audience);
      return ctx.db.prepare(`SELECT userid FROM (${query.sql}) ORDER BY userid`).pluck().all(...query.params) as string[];
    },
    watcherUserids(livingid) {
      return ctx
        .stmt('SELECT w.userid FROM lives l JOIN watch_internal w ON w.live_id = l.id AND w.generation = l.watch_generation WHERE l.livingid = ?')
        .pluck()
        .all(livingid) as string[];
    },
    calendarOf(livingid) {
      const row = ctx.stmt('SELECT schedule_id, state, error, updated_at FROM live_calendar WHERE livingid = ?').get(livingid) as
        | { schedule_id: string | null; state: string; error: string | null; updated_at: number }
        | undefined;
      if (!row) return null;
      const parsed = calendarStateSchema.safeParse({ state: row.state, scheduleId: row.schedule_id, error: json(serviceErrorSchema, row.error), updatedAt: row.updated_at });
      return parsed.success ? parsed.data : null;
    },
    setCalendar(livingid, state: Omit<CalendarState, 'updatedAt'>) {
      ctx
        .stmt(
          `INSERT INTO live_calendar (livingid, schedule_id, state, error, updated_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(livingid) DO UPDATE SET schedule_id = excluded.schedule_id, state = excluded.state, error = excluded.error, updated_at = excluded.updated_at`,
        )
        .run(livingid, state.scheduleId, state.state, state.error ? JSON.stringify(state.error) : null, ctx.now());
    },
  };
}
