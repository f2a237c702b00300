// Notices and reminders about lives (local-only: WeCom keeps no record of them), and the schedule
// each live has in its attendees' WeCom calendars.
// live_notices: one row per notice (created / changed / cancelled) or reminder (before-start /
// after-end). `status` walks scheduled → sending → sent | failed | unknown; a reminder that could
// not go out in time is 'missed', one of a cancelled live 'cancelled'. `body` and `recipients` are
// the exact message and its recipients, fixed at the first attempt so a retry repeats it byte for
// byte (WeCom's duplicate check then drops a copy that already went out). A notice to more than
// 1000 people goes out in parts; `parts_done` counts the parts WeCom accepted.
import type { Migration } from './types.ts';

export const notices: Migration = {
  version: 6,
  name: 'notices',
  up(db) {
    db.exec(`
      CREATE TABLE live_notices (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        livingid TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        offset_seconds INTEGER NOT NULL DEFAULT 0,
        note TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL,
        body TEXT,
        recipients TEXT,
        recipient_count INTEGER NOT NULL DEFAULT 0,
        parts_done INTEGER NOT NULL DEFAULT 0,
        message_ids TEXT NOT NULL DEFAULT '[]',
        error TEXT,
        due_at INTEGER,
        part_started_at INTEGER,
        sent_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX live_notices_live ON live_notices(livingid, created_at);
      CREATE INDEX live_notices_status ON live_notices(status);

      CREATE TABLE live_calendar (
        livingid TEXT PRIMARY KEY,
        schedule_id TEXT,
        state TEXT NOT NULL,
        error TEXT,
        updated_at INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
