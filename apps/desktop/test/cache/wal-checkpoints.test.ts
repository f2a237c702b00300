// The WAL checkpoints watch ingest asks for run on a thread of their own (wal-checkpointer.ts): what
// a commit left in the WAL reaches the database file without the connection's thread copying it,
// closing frees the files at once, and where the thread cannot run the checkpoints run where they
// did before.
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openCache } from '../../src/services/cache/index.ts';
import { createWalCheckpointer } from '../../src/services/cache/wal-checkpointer.ts';
import { tempDir, walWithRows } from './helpers.ts';

const ROWS = 20_000;

/** A checkpoint on the connection's own thread, counting its calls. */
function inlineOf(db: Database.Database) {
  const calls = { inline: 0 };
  const inline = () => {
    calls.inline++;
    db.pragma('wal_checkpoint(PASSIVE)');
  };
  return { inline, calls };
}

describe('WAL checkpoints on their own thread', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('copies the WAL into the database file on the thread', async () => {
    const file = tmp.file();
    const db = walWithRows(file, ROWS);
    const before = statSync(file).size;
    const { inline, calls } = inlineOf(db);
    const checkpointer = createWalCheckpointer(file, inline);
    const answer = checkpointer.nextAnswer();
    checkpointer.request();
    expect(checkpointer.mode).toBe('thread');
    const done = await answer;
    expect(done.busy).toBe(0);
    expect(done.log).toBeGreaterThan(100);
    expect(done.checkpointed).toBe(done.log);
    // the rows are in the database file now, and this thread copied nothing
    expect(statSync(file).size).toBeGreaterThan(before + ROWS * 40);
    expect(calls.inline).toBe(0);
    checkpointer.close();
    db.close();
  });

  it('a request after a commit copies that commit too', async () => {
    const file = tmp.file();
    const db = walWithRows(file, ROWS);
    const { inline, calls } = inlineOf(db);
    const checkpointer = createWalCheckpointer(file, inline);
    const first = checkpointer.nextAnswer();
    checkpointer.request();
    await first;
    // everything was copied: this commit starts the WAL over
    db.prepare('INSERT INTO t (text) VALUES (?)').run('after');
    const second = checkpointer.nextAnswer();
    checkpointer.request();
    const done = await second;
    expect(done.busy).toBe(0);
    expect(done.log).toBeGreaterThan(0);
    expect(done.checkpointed).toBe(done.log);
    expect(calls.inline).toBe(0);
    checkpointer.close();
    db.close();
  });

  it('close waits for the thread’s connection, so the connection closed after it is the last and removes the WAL', async () => {
    const file = tmp.file();
    const db = walWithRows(file, ROWS);
    const checkpointer = createWalCheckpointer(file, inlineOf(db).inline);
    const answer = checkpointer.nextAnswer();
    checkpointer.request();
    await answer; // the thread's connection is open
    db.prepare('INSERT INTO t (text) VALUES (?)').run('after');
    checkpointer.request();
    checkpointer.close();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    // and the file holds every row
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM t').pluck().get()).toBe(ROWS + 1);
    reopened.close();
  });

  it('where the thread cannot open the database, checkpoints run on the connection’s thread again', async () => {
    const file = tmp.file();
    const db = walWithRows(file, ROWS);
    const { inline, calls } = inlineOf(db);
    const failures: string[] = [];
    // the thread opens a file that is not there (it never creates one), fails and says so
    const checkpointer = createWalCheckpointer(`${file}.missing`, inline, { onFailure: (reason) => failures.push(reason) });
    checkpointer.request();
    expect(checkpointer.mode).toBe('thread');
    // the request it dropped runs here, and the failure is told once, with SQLite's reason
    await vi.waitFor(() => expect(calls.inline).toBe(1), { timeout: 10_000 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/unable to open|no such file|does not exist/i);
    checkpointer.request();
    expect(checkpointer.mode).toBe('inline');
    expect(calls.inline).toBe(2);
    expect(failures).toHaveLength(1);
    checkpointer.close();
    db.close();
  });

  it('the thread stops when idle, and the next request starts another that copies the WAL', async () => {
    const file = tmp.file();
    const db = walWithRows(file, ROWS);
    const { inline, calls } = inlineOf(db);
    const checkpointer = createWalCheckpointer(file, inline, { idleMs: 50 });
    const first = checkpointer.nextAnswer();
    checkpointer.request();
    await first;
    expect(checkpointer.running).toBe(true);
    await vi.waitFor(() => expect(checkpointer.running).toBe(false), { timeout: 10_000 });
    db.prepare('INSERT INTO t (text) VALUES (?)').run('after');
    const second = checkpointer.nextAnswer();
    checkpointer.request();
    expect(checkpointer.running).toBe(true);
    const done = await second;
    expect(done.checkpointed).toBe(done.log);
    expect(calls.inline).toBe(0);
    checkpointer.close();
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('a cache that ingested a live’s watch rows closes with its WAL gone and its rows in the file', () => {
    const file = tmp.file();
    const cache = openCache(file, { now: () => 1_780_000_000_000, pendingWatchPagesMs: 0 });
    cache.upsertLives([{ livingid: 'L', theme: '全员大会', anchor_userid: 'boss', living_start: 1_780_000_000, living_duration: 7200, status: 2 }]);
    cache.beginWatch('L', { restart: true });
    const pages = 10;
    for (let p = 0; p < pages; p++) {
      const users = Array.from({ length: 1000 }, (_, i) => ({ userid: `u${p * 1000 + i}`, watch_time: i }));
      cache.appendWatchPage('L', { users }, { nextKey: String(p + 1), ending: p === pages - 1 ? 1 : 0, fromKey: String(p) }, 1_780_000_000_000);
    }
    cache.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare('SELECT count(*) FROM watch_internal').pluck().get()).toBe(pages * 1000);
    reopened.close();
  });
});
