// Opens the cache: refuse files we must not touch, set pragmas, migrate, build the Cache.
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createCache } from './cache.ts';
import { isNativeLoadError, NativeModuleError } from '../native-module-error.ts';
import { CacheCorruptError, CacheTooNewError } from './errors.ts';
import { applyMigrations, LATEST_SCHEMA_VERSION, schemaVersion } from './migrate.ts';
import type { Cache, CacheOptions } from './types.ts';

export { LATEST_SCHEMA_VERSION } from './migrate.ts';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/**
 * Reads the 100-byte SQLite header without opening a connection: a foreign or newer file is
 * refused before SQLite could change anything (journal mode, WAL files, migrations).
 */
function checkHeader(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    throw new CacheCorruptError(path, new Error('not an SQLite database'));
  }
  const version = header.readUInt32BE(60);
  if (version > LATEST_SCHEMA_VERSION) throw new CacheTooNewError(path, version, LATEST_SCHEMA_VERSION);
}

function configure(db: Database.Database, options: CacheOptions): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`could not switch the cache to WAL (journal_mode=${String(mode)})`);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  db.pragma(`cache_size = -${Math.max(1024, Math.trunc(options.cacheSizeKiB ?? 65_536))}`);
  db.pragma('temp_store = MEMORY');
  // reads through the OS page cache without a copy per page: cold queries stay fast
  db.pragma(`mmap_size = ${Math.max(0, Math.trunc(options.mmapSizeMiB ?? 256)) * 1024 * 1024}`);
  // keep the WAL file from staying huge after a big sync
  db.pragma('journal_size_limit = 67108864');
}

/** Opens (creating if needed) and migrates the cache database at `file`. */
export function openCache(file: string, options: CacheOptions = {}): Cache {
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true });
  checkHeader(path);
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    // better-sqlite3 loads its .node on first use: a binary for another system fails right here.
    if (isNativeLoadError(error)) throw new NativeModuleError('better-sqlite3', error);
    throw new CacheCorruptError(path, error);
  }
  try {
    // The header may be behind a WAL left by a newer version: ask SQLite before writing anything.
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) throw new CacheTooNewError(path, version, LATEST_SCHEMA_VERSION);
    configure(db, options);
    applyMigrations(db, { file: path });
    // planner statistics for tables that grew since they were last analysed (cheap: sampled)
    db.pragma('analysis_limit = 1000');
    db.pragma('optimize = 0x10002');
    return createCache(db, path, options);
  } catch (error) {
    db.close();
    if (error instanceof Error && (error as { code?: string }).code === 'SQLITE_NOTADB') {
      throw new CacheCorruptError(path, error);
    }
    throw error;
  }
}
