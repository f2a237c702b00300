import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CacheCorruptError,
  CacheTooNewError,
  LATEST_SCHEMA_VERSION,
  openCache,
} from '../../src/services/cache/index.ts';
import { applyMigrations } from '../../src/services/cache/migrate.ts';
import { migrations, type Migration } from '../../src/services/cache/migrations/index.ts';
import { tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('opening and migrating the cache', () => {
  it('creates an empty database at the latest version with WAL, foreign keys and synchronous NORMAL', () => {
    const file = tmp.file();
    const cache = openCache(file);
    expect(cache.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(LATEST_SCHEMA_VERSION).toBe(Math.max(...migrations.map((m) => m.version)));
    cache.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'users',
        'departments',
        'lives',
        'watch_internal',
        'users_fts',
        'live_summary',
        'sync_state',
      ]),
    );
    db.close();
  });

  it('sets the connection pragmas', () => {
    const cache = openCache(tmp.file(), { busyTimeoutMs: 1234, cacheSizeKiB: 4096 });
    expect(cache.connectionSettings()).toEqual({
      journalMode: 'wal',
      synchronous: 1,
      foreignKeys: true,
      busyTimeoutMs: 1234,
      cacheSize: -4096,
    });
    expect(cache.integrityCheck()).toBe('ok');
    cache.close();
  });

  it('upgrades a version-1 database and keeps its data (and indexes old users for search)', () => {
    const file = tmp.file();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, { target: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare(
      `INSERT INTO departments (id, name, parent_id, fetched_at) VALUES (1, '总公司', 0, 1000), (2, '研发', 1, 1000)`,
    ).run();
    db.prepare(
      `INSERT INTO users (id, userid, name, position, status, main_department, home_department, fetched_at)
       VALUES (1, 'zhangsan', '张三丰', '工程师', 1, 2, 2, 1000)`,
    ).run();
    db.prepare(`INSERT INTO user_departments (user_id, department_id, fetched_at) VALUES (1, 2, 1000)`).run();
    db.prepare(
      `INSERT INTO lives (livingid, theme, anchor_userid, living_start, living_duration, status, fetched_at)
                VALUES ('L1', '旧直播', 'zhangsan', 1700000000, 3600, 2, 1000)`,
    ).run();
    db.prepare(
      `INSERT INTO watch_internal (live_id, userid, watch_time, fetched_at) VALUES (1, 'zhangsan', 1800, 1000)`,
    ).run();
    db.close();

    const cache = openCache(file);
    expect(cache.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(cache.getUser('zhangsan')?.user.name).toBe('张三丰');
    expect(cache.searchUsers({ query: '三丰' }).rows.map((u) => u.userid)).toEqual(['zhangsan']);
    const byId = new Map(cache.departments().departments.map((d) => [d.id, d]));
    expect(byId.get(1)?.totalUserCount).toBe(1);
    expect(byId.get(2)?.userCount).toBe(1);
    // summaries were marked dirty by the migration and are computed on first read
    const overview = cache.statsOverview({
      from: 1699990000,
      to: 1700010000,
      anchorUserid: null,
      type: null,
      departmentId: null,
    });
    expect(overview.totals).toEqual({ lives: 1, viewers: 1, watchHours: 0.5 });
    expect(cache.integrityCheck()).toBe('ok');
    cache.close();
  });

  it('rebuilds the search index of a version-3 database (earlier index layout)', () => {
    const file = tmp.file();
    const db = new Database(file);
    applyMigrations(db, { target: 3 });
    db.prepare(
      `INSERT INTO users (id, userid, name, position, fetched_at) VALUES (7, 'wangfang', '王芳', '产品经理', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO users_fts (rowid, name, userid, alias, position) VALUES (7, ' 王  芳 ', 'wangfang', '', ' 产  品  经  理 ')`,
    ).run();
    db.close();

    const cache = openCache(file);
    expect(cache.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    for (const query of ['经理', '王芳', '芳', 'wang', '产品经理']) {
      expect(
        cache.searchUsers({ query }).rows.map((u) => u.userid),
        query,
      ).toEqual(['wangfang']);
    }
    expect(cache.searchUsers({ query: '芳产' }).total).toBe(0);
    expect(cache.integrityCheck()).toBe('ok');
    cache.close();
  });

  it('turns the pages a version-9 fetch had staged into its rows: the fetch goes on from its cursor and ends exact', () => {
    const file = tmp.file();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    applyMigrations(db, { target: 9 });
    db.prepare(`INSERT INTO departments (id, name, parent_id, fetched_at) VALUES (1, '总公司', 0, 1000), (2, '研发', 1, 1000)`).run();
    db.prepare(
      `INSERT INTO users (id, userid, name, status, main_department, home_department, fetched_at)
       VALUES (1, 'zhangsan', '张三', 1, 2, 2, 1000), (2, 'lisi', '李四', 1, 1, 1, 1000)`,
    ).run();
    db.prepare(
      `INSERT INTO lives (id, livingid, theme, anchor_userid, living_start, living_duration, status, fetched_at)
       VALUES (1, 'L1', '培训', 'zhangsan', 1700000000, 3600, 2, 1000)`,
    ).run();
    // two staged pages of generation 1 (the second repeats zhangsan with a later row), cursor after them
    const stage = db.prepare(
      'INSERT INTO watch_pages (live_id, seq, generation, fetched_at, users, external_users) VALUES (1, ?, 1, ?, ?, ?)',
    );
    stage.run(0, 2000, JSON.stringify([['zhangsan', 600, 0, 0, null, null], ['lisi', 1200, 1, 0, 'zhangsan', null]]), '[]');
    stage.run(1, 2001, JSON.stringify([['zhangsan', 1800, 1, 1, null, null]]), JSON.stringify([['wmX', 1, '访客', 300, 0, 0, null, null]]));
    db.prepare(
      `INSERT INTO sync_state (scope, status, cursor, fetched_at, done, generation, data, updated_at)
       VALUES ('watch:L1', 'running', 'k2', NULL, 4, 1, '{"pages":2,"liveStatus":2,"final":false,"lastPageAt":2001}', 2001)`,
    ).run();
    db.close();

    const cache = openCache(file);
    expect(cache.watchCursor('L1')).toMatchObject({ status: 'running', nextKey: 'k2', pages: 2, rows: 4 });
    expect(cache.beginWatch('L1')).toEqual({ nextKey: 'k2', resumed: true, merging: false });
    cache.appendWatchPage('L1', { users: [{ userid: 'wangwu', watch_time: 60 }] }, { nextKey: '', ending: 1, fromKey: 'k2' }, 2002);
    const stats = cache.watchStats({ livingid: 'L1', limit: 10, sort: 'watchTime', desc: true });
    expect(stats).toMatchObject({ total: 4, complete: true, asOf: 2002 });
    expect(stats.rows.map((r) => [r.id, r.watchTime])).toEqual([
      ['zhangsan', 1800],
      ['lisi', 1200],
      ['wmX', 300],
      ['wangwu', 60],
    ]);
    const analytics = cache.liveAnalytics('L1');
    expect(analytics?.viewers).toEqual({ internal: 3, external: 1 });
    expect(analytics?.totalWatchSeconds).toBe(1800 + 1200 + 300 + 60);
    // the staging table is gone
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'watch_pages'`).pluck().get()).toBe(0);
    expect(raw.prepare(`SELECT department_id FROM watch_internal WHERE userid = 'zhangsan'`).pluck().get()).toBe(2);
    raw.close();
    expect(cache.integrityCheck()).toBe('ok');
    cache.close();
  });

  it('refuses a database from a newer version without touching it', () => {
    const file = tmp.file();
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma('user_version = 999');
    db.close();
    const before = sha(file);

    let error: unknown;
    try {
      openCache(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CacheTooNewError);
    expect((error as CacheTooNewError).kind).toBe('too_new');
    expect((error as CacheTooNewError).fileVersion).toBe(999);
    expect((error as CacheTooNewError).supportedVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a newer database whose version sits in an uncheckpointed WAL', () => {
    const file = tmp.file();
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec('CREATE TABLE t (x)');
    db.pragma('user_version = 999');
    // copy the files while the WAL still holds the change, as after a crash
    const copy = tmp.file();
    writeFileSync(copy, readFileSync(file));
    writeFileSync(`${copy}-wal`, readFileSync(`${file}-wal`));
    db.close();
    expect(() => openCache(copy)).toThrow(CacheTooNewError);
  });

  it('refuses a file that is not a database, untouched', () => {
    const file = tmp.file();
    writeFileSync(file, 'this is not sqlite'.repeat(20));
    const before = sha(file);
    expect(() => openCache(file)).toThrow(CacheCorruptError);
    expect(sha(file)).toBe(before);
  });

  it('runs each migration in one transaction: a failing one leaves the previous version intact', () => {
    const file = tmp.file();
    const failing: Migration = {
      version: 2,
      name: 'fails halfway',
      up(db) {
        db.exec('CREATE TABLE half_done (x)');
        db.exec('INSERT INTO half_done VALUES (1)');
        throw new Error('boom');
      },
    };
    const db = new Database(file);
    expect(() => applyMigrations(db, { list: [migrations[0] as Migration, failing] })).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).pluck().get()).toBe(0);
    db.close();
  });
});
