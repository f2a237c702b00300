// What a sync left in the SQLite cache, read straight from the file: the keys of every row a sync
// writes, so two caches (or a cache and the simulator) can be compared row for row.
import Database from 'better-sqlite3';

export interface CacheSnapshot {
  departments: string[];
  users: string[];
  tags: string[];
  tagMembers: string[];
  lives: string[];
  watch: string[];
  /** rows stored more than once under one key (0 unless a table lost its key) */
  duplicates: number;
}

export function snapshotCache(file: string): CacheSnapshot {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const keys = (sql: string): string[] => (db.prepare(sql).pluck().all() as Array<string | number>).map(String).sort();
    const duplicates = (table: string, key: string): number =>
      db.prepare(`SELECT count(*) - count(DISTINCT ${key}) FROM ${table}`).pluck().get() as number;
    return {
      departments: keys('SELECT id FROM departments'),
      users: keys('SELECT userid FROM users'),
      tags: keys('SELECT tagid FROM tags'),
      tagMembers: keys(`SELECT tagid || ':' || userid FROM tag_users`),
      lives: keys('SELECT livingid FROM lives'),
      watch: keys(
        `SELECT l.livingid || ':u:' || w.userid FROM watch_internal w JOIN lives l ON l.id = w.live_id
         UNION ALL SELECT l.livingid || ':e:' || x.external_userid FROM watch_external x JOIN lives l ON l.id = x.live_id`,
      ),
      duplicates:
        duplicates('users', 'userid') +
        duplicates('lives', 'livingid') +
        duplicates('watch_internal', `live_id || ':' || userid`) +
        duplicates('watch_external', `live_id || ':' || external_userid`),
    };
  } finally {
    db.close();
  }
}

export type SnapshotPart = 'org' | 'lives' | 'watch';

/** The rows of one sync part, as one sorted list of keys. */
export function partRows(snapshot: CacheSnapshot, part: SnapshotPart): string[] {
  if (part === 'org') {
    return [
      ...snapshot.departments.map((k) => `d:${k}`),
      ...snapshot.users.map((k) => `u:${k}`),
      ...snapshot.tags.map((k) => `t:${k}`),
      ...snapshot.tagMembers.map((k) => `m:${k}`),
    ];
  }
  return part === 'lives' ? snapshot.lives : snapshot.watch;
}

/** Keys in `expected` missing from `actual`, and keys in `actual` not expected. */
export function diffRows(expected: string[], actual: string[]): { missing: number; extra: number } {
  const have = new Set(actual);
  const want = new Set(expected);
  return { missing: expected.filter((k) => !have.has(k)).length, extra: actual.filter((k) => !want.has(k)).length };
}
