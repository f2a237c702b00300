// A live's new watch fetch is merged in small steps beside the rows readers see and switched to at
// once: a reader on its own connection, after every step of the merge, sees the whole old fetch or
// the whole new one, never a mix; a merge cut short resumes after a restart and ends exact.
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openCache, type Cache } from '../../src/services/cache/index.ts';
import { tempDir } from './helpers.ts';

const T0 = 1_780_000_000_000;
const ROWS = 12_000;
const PAGE = 500;

const pagesOf = (prefix: string, offset: number) =>
  Array.from({ length: ROWS / PAGE }, (_, p) => ({
    users: Array.from({ length: PAGE }, (_, i) => ({ userid: `${prefix}${p * PAGE + i}`, watch_time: offset + p * PAGE + i })),
  }));

/** Stages a whole fetch; its merge is left pending. */
function stage(cache: Cache, prefix: string, offset: number, at: number): void {
  cache.beginWatch('L', { restart: true });
  let key = '0';
  pagesOf(prefix, offset).forEach((page, i, all) => {
    const next = String(i + 1);
    cache.appendWatchPage('L', page, { nextKey: next, ending: i === all.length - 1 ? 1 : 0, fromKey: key }, at, {
      merge: 'later',
    });
    key = next;
  });
}

/** Everything a reader sees of the live: its viewers (all pages), the analytics' count, the freshness. */
function view(reader: Cache) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += 1000) {
    const page = reader.watchStats({ livingid: 'L', offset, limit: 1000, sort: 'watchTime', desc: false });
    totals.add(page.total);
    ids.push(...page.rows.map((r) => r.id));
    if (page.rows.length < 1000) break;
  }
  // every page of one view reports the same total
  const [total] = totals;
  if (totals.size !== 1) throw new Error(`pages of one view disagree on the total: ${[...totals].join(', ')}`);
  return { ids, total, viewers: reader.liveAnalytics('L')?.viewers.internal, asOf: reader.watchStats({ livingid: 'L', limit: 1 }).asOf };
}

describe('watch generations', () => {
  const tmp = tempDir();
  const opened: Array<{ close(): void }> = [];
  afterEach(() => {
    for (const c of opened.splice(0)) c.close();
  });
  afterAll(() => tmp.remove());

  function open(file: string): Cache {
    const cache = openCache(file, { now: () => T0 });
    opened.push(cache);
    return cache;
  }

  function setUp(): { writer: Cache; reader: Cache; raw: Database.Database; file: string } {
    const file = tmp.file();
    const writer = open(file);
    writer.upsertLives([{ livingid: 'L', theme: '全员大会', anchor_userid: 'boss', living_start: 1_780_000_000, living_duration: 7200, status: 2 }]);
    stage(writer, 'old', 0, T0);
    for (const _ of writer.mergeWatchSteps('L'));
    const reader = open(file);
    const raw = new Database(file, { readonly: true });
    opened.push(raw);
    return { writer, reader, raw, file };
  }

  it('a reader on another connection sees all of the old fetch or all of the new one after every merge step', () => {
    const { writer, reader, raw } = setUp();
    const oldIds = Array.from({ length: ROWS }, (_, i) => `old${i}`);
    const newIds = Array.from({ length: ROWS }, (_, i) => `new${i}`);
    expect(view(reader)).toEqual({ ids: oldIds, total: ROWS, viewers: ROWS, asOf: T0 });

    stage(writer, 'new', 10_000, T0 + 60_000);
    const seen: string[] = [];
    let mixedInTable = false;
    const steps = writer.mergeWatchSteps('L');
    for (let step = steps.next(); ; step = steps.next()) {
      const v = view(reader);
      if (v.ids[0] === 'old0') expect(v).toEqual({ ids: oldIds, total: ROWS, viewers: ROWS, asOf: T0 });
      else expect(v).toEqual({ ids: newIds, total: ROWS, viewers: ROWS, asOf: T0 + 60_000 });
      seen.push(v.ids[0] === 'old0' ? 'old' : 'new');
      // both fetches sit in the table at once while the merge runs
      const stored = raw.prepare('SELECT count(*) FROM watch_internal').pluck().get() as number;
      if (stored > ROWS) mixedInTable = true;
      if (step.done) break;
    }
    expect(mixedInTable).toBe(true);
    // the readers switched once, from old to new, and several steps ran on each side of the switch
    expect(seen.indexOf('new')).toBeGreaterThan(1);
    expect(seen.slice(seen.indexOf('new')).every((s) => s === 'new')).toBe(true);
    expect(seen.filter((s) => s === 'new').length).toBeGreaterThan(1);
    // the old generation and the staged pages are gone
    expect(raw.prepare('SELECT count(*) FROM watch_internal').pluck().get()).toBe(ROWS);
    expect(raw.prepare('SELECT count(*) FROM watch_pages').pluck().get()).toBe(0);
  });

  it('a merge cut short resumes after a restart without fetching a page again, and ends exact', () => {
    const { writer, file } = setUp();
    stage(writer, 'new', 10_000, T0 + 60_000);
    const steps = writer.mergeWatchSteps('L');
    steps.next();
    steps.next();
    writer.close();

    const reopened = open(file);
    // the old fetch is still what readers see; the next sync only merges
    expect(reopened.watchStats({ livingid: 'L', limit: 1, sort: 'watchTime', desc: false }).rows[0]?.id).toBe('old0');
    expect(reopened.beginWatch('L')).toEqual({ nextKey: '0', resumed: true, merging: true });
    for (const _ of reopened.mergeWatchSteps('L'));
    const all = view(reopened);
    expect(all).toEqual({
      ids: Array.from({ length: ROWS }, (_, i) => `new${i}`),
      total: ROWS,
      viewers: ROWS,
      asOf: T0 + 60_000,
    });
    expect(reopened.watchCursor('L')).toMatchObject({ status: 'done', pages: ROWS / PAGE, rows: ROWS });
    expect(reopened.integrityCheck()).toBe('ok');
  });
});
