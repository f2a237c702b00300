// Cache upkeep: size and row counts, clearing (what a sync can give back, or everything), integrity checks.
import { existsSync, statSync } from 'node:fs';
import type { CacheContext } from './context.ts';
import type { OrgAggregates } from './org-aggregates.ts';
import { LOCAL_ONLY_DATASETS, LOCAL_ONLY_TABLES, SYNCABLE_TABLES, type ClearReport } from './data-classes.ts';
import type { CacheInfo, ConnectionSettings } from './types.ts';

/** Tables reported by info(): the re-syncable ones a person would recognise, then every local-only one. */
const REPORTED_TABLES = [
  'departments',
  'users',
  'user_departments',
  'tags',
  'tag_users',
  'tag_departments',
  'lives',
  'watch_internal',
  'watch_external',
  'sync_state',
  ...LOCAL_ONLY_TABLES,
] as const;

const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

export function createMaintenance(ctx: CacheContext, aggregates: Pick<OrgAggregates, 'recompute'>) {
  const count = (table: string) => ctx.stmt(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  function info(): CacheInfo {
    const rows: Record<string, number> = {};
    for (const table of REPORTED_TABLES) rows[table] = count(table);
    return { path: ctx.path, bytes: fileSize(ctx.path) + fileSize(`${ctx.path}-wal`), rows, localOnly: [...LOCAL_ONLY_TABLES] };
  }

  function compact(): void {
    // give the space back to the disk
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    ctx.db.exec('VACUUM');
  }

  /** Deletes what a sync can give back; local-only records stay. Says what went and what stayed. */
  function clearSyncable(): ClearReport {
    const cleared: Record<string, number> = {};
    ctx.tx(() => {
      for (const table of SYNCABLE_TABLES) cleared[table] = ctx.db.prepare(`DELETE FROM ${table}`).run().changes;
      const placeholders = LOCAL_ONLY_DATASETS.map(() => '?').join(', ');
      ctx.db.prepare(`DELETE FROM datasets WHERE name NOT IN (${placeholders})`).run(...LOCAL_ONLY_DATASETS);
      ctx.db.prepare(`INSERT INTO users_fts (users_fts) VALUES ('delete-all')`).run();
      // the org's counts (everyone, per status) and version follow: searches count 0 people, not the old org
      aggregates.recompute();
    });
    compact();
    const kept: Record<string, number> = {};
    for (const table of LOCAL_ONLY_TABLES) kept[table] = count(table);
    return { cleared, kept };
  }

  /** Deletes everything, local-only records too (tests; a profile's data is deleted as a file). */
  function clear(): void {
    ctx.tx(() => {
      for (const table of [...SYNCABLE_TABLES, ...LOCAL_ONLY_TABLES, 'datasets', 'meta']) ctx.db.prepare(`DELETE FROM ${table}`).run();
      ctx.db.prepare(`INSERT INTO users_fts (users_fts) VALUES ('delete-all')`).run();
      ctx.db.prepare('DELETE FROM sqlite_sequence').run();
    });
    compact();
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

  return { info, clear, clearSyncable, integrityCheck, connectionSettings, close };
}
