// Watch pages share one open write transaction (continued-transaction.ts): it must commit before
// any other write on the connection, by its timer, once it holds enough rows, and on close, so nothing else ever rides in a
// transaction that a failed page rolls back whole.
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache, type CacheOptions } from '../../src/services/cache/index.ts';
import { T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

const LIVE = { livingid: 'L', theme: '培训', anchor_userid: 'boss', living_start: 1_780_000_000, living_duration: 3600, status: 2 };
const page = (prefix: string) => ({ users: Array.from({ length: 50 }, (_, i) => ({ userid: `${prefix}${i}`, watch_time: 60 + i })) });

describe('the continued transaction of watch pages', () => {
  let cache: Cache;
  let other: Database.Database;
  afterEach(() => {
    other?.close();
    cache?.close();
  });

  function open(options: CacheOptions = {}): void {
    cache = openCache(tmp.file(), { now: () => T0, ...options });
    cache.upsertLives([LIVE]);
    cache.beginWatch('L');
    other = new Database(cache.path, { readonly: true });
  }
  /** Rows of the live's running fetch another connection sees (committed ones). */
  const committed = () => other.prepare('SELECT count(*) FROM watch_internal').pluck().get();

  it('holds pages until another write comes, which commits them first', () => {
    open();
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    cache.appendWatchPage('L', page('b'), { nextKey: 'k2', ending: 0, fromKey: 'k1' });
    expect(committed()).toBe(0);
    // a write of anything else (here: another live) commits the pages before it is written
    cache.upsertLives([{ ...LIVE, livingid: 'M' }]);
    expect(committed()).toBe(100);
    expect(other.prepare(`SELECT count(*) FROM lives`).pluck().get()).toBe(2);
  });

  it('a page that fails after another write keeps that write: it was committed before the page began', () => {
    open();
    const setup = new Database(cache.path);
    setup.exec(`CREATE TRIGGER fail_row BEFORE INSERT ON watch_internal WHEN NEW.userid = 'poison'
                BEGIN SELECT RAISE(ABORT, 'write failed'); END`);
    setup.close();
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    cache.setSyncState('lives', { status: 'done', fetchedAt: T0 });
    expect(() =>
      cache.appendWatchPage('L', { users: [{ userid: 'poison', watch_time: 1 }] }, { nextKey: 'k2', ending: 0, fromKey: 'k1' }),
    ).toThrow('write failed');
    expect(committed()).toBe(50);
    expect(cache.watchCursor('L')).toMatchObject({ nextKey: 'k1', pages: 1, rows: 50 });
    expect(cache.getSyncState('lives')).toMatchObject({ status: 'done' });
  });

  it('commits by its timer once it has been open pendingWatchPagesMs', async () => {
    open({ pendingWatchPagesMs: 20 });
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    expect(committed()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(committed()).toBe(50);
  });

  it('commits the pages written so far when a caller keeps the thread busy past pendingWatchPagesMs', () => {
    open({ pendingWatchPagesMs: 0 });
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    cache.appendWatchPage('L', page('b'), { nextKey: 'k2', ending: 0, fromKey: 'k1' });
    // the second page committed the first before it began
    expect(committed()).toBe(50);
  });

  it('commits once it holds pendingWatchRows rows, in a task of its own right after the write that reached them', async () => {
    open({ pendingWatchRows: 100 });
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(committed()).toBe(0);
    cache.appendWatchPage('L', page('b'), { nextKey: 'k2', ending: 0, fromKey: 'k1' });
    // not inside the write that reached the bound: the page and the commit hold the thread one at a time
    expect(committed()).toBe(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(committed()).toBe(100);
    expect(cache.watchCursor('L')).toMatchObject({ nextKey: 'k2', rows: 100 });
    // the count starts again with the next transaction
    cache.appendWatchPage('L', page('c'), { nextKey: 'k3', ending: 0, fromKey: 'k2' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(committed()).toBe(100);
  });

  it('commits the rows over pendingWatchRows before the next write when a caller keeps the thread busy', () => {
    open({ pendingWatchRows: 100 });
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    cache.appendWatchPage('L', page('b'), { nextKey: 'k2', ending: 0, fromKey: 'k1' });
    expect(committed()).toBe(0);
    cache.appendWatchPage('L', page('c'), { nextKey: 'k3', ending: 0, fromKey: 'k2' });
    expect(committed()).toBe(100);
  });

  it('a backup taken while pages are pending holds them; a clear removes them with the cursor', () => {
    open();
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    const backup = tmp.file();
    cache.backupTo(backup);
    const copy = new Database(backup, { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM watch_internal').pluck().get()).toBe(50);
    expect(copy.prepare(`SELECT cursor FROM sync_state WHERE scope = 'watch:L'`).pluck().get()).toBe('k1');
    copy.close();

    cache.appendWatchPage('L', page('b'), { nextKey: 'k2', ending: 0, fromKey: 'k1' });
    cache.clear();
    expect(committed()).toBe(0);
    expect(cache.watchCursor('L')).toMatchObject({ status: 'none', pages: 0, rows: 0 });
  });

  it('commits on close', () => {
    open();
    cache.appendWatchPage('L', page('a'), { nextKey: 'k1', ending: 0, fromKey: '0' });
    const file = cache.path;
    cache.close();
    const reopened = openCache(file, { now: () => T0 });
    expect(reopened.watchCursor('L')).toMatchObject({ status: 'running', nextKey: 'k1', rows: 50 });
    cache = reopened;
  });
});
