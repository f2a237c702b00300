// The bot's own small SQLite file beside the cache (bot.sqlite): its settings on this PC per profile,
// the log of conversations and events (browsable offline), and sign-ups / sign-ins per live.
// Separate from the cache so that clearing the cache keeps them.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { BotLogRow } from '../../shared/bot-contract.ts';

export interface BotConfig {
  botId: string;
  hostHere: boolean;
}

export type BotLogEntry = Omit<BotLogRow, 'id'>;

export interface SignupRow {
  livingid: string;
  userid: string;
  signedUpAt: number | null;
  signedInAt: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bot_config (profile_id TEXT PRIMARY KEY, bot_id TEXT NOT NULL, host_here INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS bot_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT, profile_id TEXT NOT NULL, at INTEGER NOT NULL, kind TEXT NOT NULL,
  direction TEXT NOT NULL, userid TEXT, chatid TEXT, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS bot_log_profile ON bot_log (profile_id, id);
CREATE TABLE IF NOT EXISTS bot_signups (
  profile_id TEXT NOT NULL, livingid TEXT NOT NULL, userid TEXT NOT NULL,
  signed_up_at INTEGER, signed_in_at INTEGER, PRIMARY KEY (profile_id, livingid, userid));
`;

/** Rows kept in the log per profile; older ones are dropped. */
const LOG_MAX_ROWS = 50_000;

export class BotStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // A log: WAL with NORMAL survives the app crashing; only a power cut may lose the last rows.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
  }

  config(profileId: string): BotConfig | null {
    const row = this.db
      .prepare('SELECT bot_id, host_here FROM bot_config WHERE profile_id = ?')
      .get(profileId) as { bot_id: string; host_here: number } | undefined;
    return row ? { botId: row.bot_id, hostHere: row.host_here === 1 } : null;
  }

  setConfig(profileId: string, config: BotConfig): void {
    this.db
      .prepare(
        'INSERT INTO bot_config VALUES (?, ?, ?) ON CONFLICT(profile_id) DO UPDATE SET bot_id = excluded.bot_id, host_here = excluded.host_here',
      )
      .run(profileId, config.botId, config.hostHere ? 1 : 0);
  }

  log(profileId: string, entry: BotLogEntry): void {
    const info = this.db
      .prepare(
        'INSERT INTO bot_log (profile_id, at, kind, direction, userid, chatid, text) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(profileId, entry.at, entry.kind, entry.direction, entry.userid, entry.chatid, entry.text);
    const id = Number(info.lastInsertRowid);
    if (id % 1000 === 0) {
      this.db
        .prepare('DELETE FROM bot_log WHERE profile_id = ? AND id <= ?')
        .run(profileId, id - LOG_MAX_ROWS);
    }
  }

  readLog(
    profileId: string,
    filter: { kind: string | null; query: string; offset: number; limit: number },
  ): { total: number; rows: BotLogRow[] } {
    const where = ['profile_id = @profileId'];
    if (filter.kind) where.push('kind = @kind');
    if (filter.query)
      where.push(
        "(text LIKE @like ESCAPE '\\' OR userid LIKE @like ESCAPE '\\' OR chatid LIKE @like ESCAPE '\\')",
      );
    const params = {
      profileId,
      kind: filter.kind,
      like: `%${filter.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      limit: filter.limit,
      offset: filter.offset,
    };
    const clause = where.join(' AND ');
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM bot_log WHERE ${clause}`).get(params) as { n: number }
    ).n;
    const rows = this.db
      .prepare(
        `SELECT id, at, kind, direction, userid, chatid, text FROM bot_log WHERE ${clause} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
      )
      .all(params) as BotLogRow[];
    return { total, rows };
  }

  /** Records a sign-up or a sign-in (the first one counts); false when it was already there. */
  sign(
    profileId: string,
    livingid: string,
    userid: string,
    action: 'signup' | 'signin',
    at: number,
  ): boolean {
    const column = action === 'signup' ? 'signed_up_at' : 'signed_in_at';
    this.db
      .prepare('INSERT OR IGNORE INTO bot_signups (profile_id, livingid, userid) VALUES (?, ?, ?)')
      .run(profileId, livingid, userid);
    const info = this.db
      .prepare(
        `UPDATE bot_signups SET ${column} = ? WHERE profile_id = ? AND livingid = ? AND userid = ? AND ${column} IS NULL`,
      )
      .run(at, profileId, livingid, userid);
    return info.changes > 0;
  }

  signups(profileId: string, livingid: string): SignupRow[] {
    return (
      this.db
        .prepare(
          'SELECT livingid, userid, signed_up_at, signed_in_at FROM bot_signups WHERE profile_id = ? AND livingid = ? ORDER BY userid',
        )
        .all(profileId, livingid) as Array<{
        livingid: string;
        userid: string;
        signed_up_at: number | null;
        signed_in_at: number | null;
      }>
    ).map((r) => ({
      livingid: r.livingid,
      userid: r.userid,
      signedUpAt: r.signed_up_at,
      signedInAt: r.signed_in_at,
    }));
  }

  close(): void {
    this.db.close();
  }
}
