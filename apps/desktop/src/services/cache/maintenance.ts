// Cache upkeep: size and row counts, clearing all data, integrity checks.
import { existsSync, statSync } from 'node:fs';
import type { CacheContext } from './context.ts';
import type { CacheInfo, ConnectionSettings } from './types.ts';

/** Data tables, children before parents. */
const DATA_TABLES = [
  'watch_pages',
  'watch_internal',
  'watch_external',
  'live_division_summary',
  'live_dept_summary',
  'live_summary',
  'live_audience',
  'lives',
  'tag_users',
  'tag_departments',
  'tags',
  'user_departments',
  'users',
  'department_members',
  'dept_closure',
  'departments',
  'sent_messages',
  'appchat_members',
  'appchats',
  'api_calls',
  'sync_state',
  'datasets',
  'meta',
] as const;

/** Tables reported by info(). */
const REPORTED_TABLES = [
  'departments',
  'users',
  'user_departments',
  'tags',
  'tag_users',
  'tag_departments',
  'lives',
  'live_audience',
  'watch_internal',
  'watch_external',
  'sent_messages',
  'appchats',
  'api_calls',
  'sync_state',
] as const;

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

export function createMaintenance(ctx: CacheContext) {
  function info(): CacheInfo {
    const rows: Record<string, number> = {};
    for (const table of REPORTED_TABLES)
      rows[table] = ctx.stmt(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    return { path: ctx.path, bytes: fileSize(ctx.path) + fileSize(`${ctx.path}-wal`), rows };
  }

  function clear(): void {
    ctx.tx(() => {
      for (const table of DATA_TABLES) ctx.db.prepare(`DELETE FROM ${table}`).run();
      ctx.db.prepare(`INSERT INTO users_fts (users_fts) VALUES ('delete-all')`).run();
      ctx.db.prepare('DELETE FROM sqlite_sequence').run();
    });
    // give the space back to the disk
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.db.exec('VACUUM');
  }

  function integrityCheck(): 'ok' | string[] {
    const problems = (ctx.db.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .filter((p) => p !== 'ok');
    const foreignKeys = ctx.db.pragma('foreign_key_check') as Array<{
      table: string;
      rowid: number;
      parent: string;
    }>;
    for (const f of foreignKeys) problems.push(`${f.table} row ${f.rowid}: missing ${f.parent} row`);
    return problems.length === 0 ? 'ok' : problems;
  }

  function connectionSettings(): ConnectionSettings {
    const pragma = (name: string) => ctx.db.pragma(name, { simple: true }) as unknown;
    return {
      journalMode: String(pragma('journal_mode')),
      synchronous: Number(pragma('synchronous')),
      foreignKeys: Number(pragma('foreign_keys')) === 1,
      busyTimeoutMs: Number(pragma('busy_timeout')),
      cacheSize: Number(pragma('cache_size')),
    };
  }

  function close(): void {
    if (!ctx.db.open) return;
    ctx.db.pragma('optimize');
    ctx.db.close();
  }

  return { info, clear, integrityCheck, connectionSettings, close };
}
