// Runs pending migrations, each in ONE transaction with its user_version bump, so a crash leaves
// the database at a whole version. Never touches a database from a newer version.
import type Database from 'better-sqlite3';
import { CacheTooNewError } from './errors.ts';
import { migrations, type Migration } from './migrations/index.ts';

export const LATEST_SCHEMA_VERSION = migrations.reduce((max, m) => Math.max(max, m.version), 0);

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies migrations above the current version, up to `target` (default: all). Returns the new version. */
export function applyMigrations(
  db: Database.Database,
  options: { target?: number; file?: string; list?: readonly Migration[] } = {},
): number {
  const list = [...(options.list ?? migrations)].sort((a, b) => a.version - b.version);
  const latest = list.reduce((max, m) => Math.max(max, m.version), 0);
  const target = options.target ?? latest;
  const current = schemaVersion(db);
  if (current > latest) throw new CacheTooNewError(options.file ?? db.name, current, latest);
  for (const migration of list) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      migration.up(db);
      // user_version lives in the file header: the bump commits or rolls back with the migration
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return schemaVersion(db);
}
