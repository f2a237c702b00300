// A live's new watch fetch is written page by page beside the rows readers see and switched to at
// once: a reader on its own connection, after every page and every step of the merge, sees the
// whole old fetch or the whole new one, never a mix; a fetch whose pages are all in but that was
// not switched to when the app stopped is switched to after a restart, exact.
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

/** Writes a whole fetch; its merge is left pending. `afterPage` runs after each page. */
function stage(cache: Cache, prefix: string, offset: number, at: number, afterPage = () => {}): void {
  cache.beginWatch('L', { restart: true });
  let key = '0';
  pagesOf(prefix, offset).forEach((page, i, all) => {
    const next = String(i + 1);
    cache.appendWatchPage('L', page, { nextKey: next, ending: i === all.length - 1 ? 1 : 0, fromKey: key }, at, {
      merge: 'later',
    });
    key = next;
    afterPage();
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

  // pages committed as soon as the next one is written: the reader's connection sees them arrive
  function open(file: string): Cache {
    const cache = openCache(file, { now: () => T0, pendingWatchPagesMs: 0 });
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

  it('a reader on another connection sees all of the old fetch or all of the new one after every page and merge step', () => {
    const { writer, reader, raw } = setUp();
    const oldIds = Array.from({ length: ROWS }, (_, i) => `old${i}`);
    const newIds = Array.from({ length: ROWS }, (_, i) => `new${i}`);
    const oldView = { ids: oldIds, total: ROWS, viewers: ROWS, asOf: T0 };
    expect(view(reader)).toEqual(oldView);

    const seen: string[] = [];
    let mixedInTable = false;
    const look = () => {
      const v = view(reader);
      if (v.ids[0] === 'old0') expect(v).toEqual(oldView);
      else expect(v).toEqual({ ids: newIds, total: ROWS, viewers: ROWS, asOf: T0 + 60_000 });
      seen.push(v.ids[0] === 'old0' ? 'old' : 'new');
      // both fetches sit in the table at once while the new one is written
      const stored = raw.prepare('SELECT count(*) FROM watch_internal').pluck().get() as number;
      if (stored > ROWS) mixedInTable = true;
    };
    stage(writer, 'new', 10_000, T0 + 60_000, look);
    const steps = writer.mergeWatchSteps('L');
    for (let step = steps.next(); ; step = steps.next()) {
      look();
      if (step.done) break;
    }
    expect(mixedInTable).toBe(true);
    // the readers switched once, from old to new, during the merge: never while pages were written
    expect(seen.indexOf('new')).toBeGreaterThanOrEqual(ROWS / PAGE);
    expect(seen.slice(seen.indexOf('new')).every((s) => s === 'new')).toBe(true);
    expect(seen.filter((s) => s === 'new').length).toBeGreaterThan(1);
    // the old generation is gone
    expect(raw.prepare('SELECT count(*) FROM watch_internal').pluck().get()).toBe(ROWS);
  });

  it('a viewer WeCom repeats on a later page keeps the later row, in rows and summaries, across many key ranges', () => {
    const { writer } = setUp();
    // 10,000 viewers over 5 pages in shuffled key order; page 4 repeats 1,500 of pages 0–1 with
    // other times and flags, and an external viewer twice
    const ids = Array.from({ length: 10_000 }, (_, i) => `v${String((i * 7919) % 10_000).padStart(5, '0')}`);
    const pages = Array.from({ length: 5 }, (_, p) => ({
      users: ids.slice(p * 2000, p * 2000 + 2000).map((userid, i) => ({ userid, watch_time: (p * 2000 + i) % 7300, is_comment: 0 })),
      external_users: [{ external_userid: `wm${p % 2}`, type: 1, name: `访客${p}`, watch_time: 100 * p }],
    }));
    const repeats = ids.slice(500, 2000).map((userid, i) => ({ userid, watch_time: 7200 + (i % 3), is_comment: 1 }));
    pages[4]!.users.push(...repeats);
    writer.beginWatch('L', { restart: true });
    let key = '0';
    pages.forEach((page, i) => {
      const next = String(i + 1);
      writer.appendWatchPage('L', page, { nextKey: next, ending: i === pages.length - 1 ? 1 : 0, fromKey: key }, T0 + 120_000);
      key = next;
    });

    const expected = new Map<string, { watch_time: number; is_comment: number }>();
    for (const page of pages) for (const u of page.users) expected.set(u.userid, u);
    const rows = new Map<string, number>();
    for (let offset = 0; ; offset += 1000) {
      const page = writer.watchStats({ livingid: 'L', offset, limit: 1000, kind: 'internal' });
      for (const r of page.rows) rows.set(r.id, r.watchTime);
      if (page.rows.length < 1000) break;
    }
    expect(rows.size).toBe(10_000);
    expect([...rows].every(([id, time]) => expected.get(id)?.watch_time === time)).toBe(true);
    const external = writer.watchStats({ livingid: 'L', kind: 'external' }).rows.map((r) => [r.id, r.watchTime]);
    expect(external.sort()).toEqual([
      ['wm0', 400],
      ['wm1', 300],
    ]);

    const a = writer.liveAnalytics('L');
    const all = [...expected.values()].map((u) => u.watch_time).concat([400, 300]);
    expect(a?.viewers).toEqual({ internal: 10_000, external: 2 });
    expect(a?.totalWatchSeconds).toBe(all.reduce((n, t) => n + t, 0));
    expect(a?.commenters).toBe(1500);
    const bounds = [0, 300, 900, 1800, 3600, 7200];
    expect(a?.distribution.map((b) => b.count)).toEqual(
      bounds.map((from, i) => all.filter((t) => t >= from && t < (bounds[i + 1] ?? Infinity)).length),
    );
    expect(a?.completion.map((b) => b.count)).toEqual(
      Array.from({ length: 10 }, (_, d) => all.filter((t) => Math.min(9, Math.floor((t * 10) / 7200)) === d).length),
    );
  });

  it('a viewer repeated within a page, plain or flagged, keeps the last row of the page order', () => {
    const { writer } = setUp();
    // plain rows go in together, flagged rows one by one: the repeats cross both ways, within a
    // batch of plain rows (c, x) and from one page to the next (b, d)
    const pages = [
      {
        users: [
          { userid: 'a', watch_time: 10 },
          { userid: 'b', watch_time: 20, is_comment: 1 },
          { userid: 'a', watch_time: 11 },
          { userid: 'c', watch_time: 30 },
          { userid: 'c', watch_time: 31 },
          { userid: 'd', watch_time: 40, is_mic: 1 },
        ],
        external_users: [
          { external_userid: 'x', type: 1, name: '访客', watch_time: 5 },
          { external_userid: 'x', type: 2, name: '访客二', watch_time: 6 },
        ],
      },
      { users: [{ userid: 'd', watch_time: 41 }, { userid: 'b', watch_time: 21 }, { userid: 'e', watch_time: 50, is_comment: 1 }, { userid: 'a', watch_time: 12, is_mic: 1 }] },
    ];
    writer.beginWatch('L', { restart: true });
    pages.forEach((page, i) => {
      writer.appendWatchPage('L', page, { nextKey: String(i + 1), ending: i === pages.length - 1 ? 1 : 0, fromKey: String(i) }, T0 + 120_000);
    });
    const rows = writer.watchStats({ livingid: 'L', limit: 100, kind: 'internal' }).rows;
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.watchTime, r.isComment, r.isMic]]))).toEqual({
      a: [12, false, true],
      b: [21, false, false],
      c: [31, false, false],
      d: [41, false, false],
      e: [50, true, false],
    });
    expect(writer.watchStats({ livingid: 'L', kind: 'external' }).rows.map((r) => [r.id, r.watchTime, r.externalType, r.name])).toEqual([
      ['x', 6, 2, '访客二'],
    ]);
    const a = writer.liveAnalytics('L');
    expect(a?.viewers).toEqual({ internal: 5, external: 1 });
    expect(a?.totalWatchSeconds).toBe(12 + 21 + 31 + 41 + 50 + 6);
    expect(a?.commenters).toBe(1);
  });

  it('a fetch whose pages are all in resumes after a restart by switching to it, without fetching a page again, exact', () => {
    const { writer, file } = setUp();
    stage(writer, 'new', 10_000, T0 + 60_000);
    // the app stops before the merge: the running summaries kept in memory are lost
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
    // the summaries were added up again from the stored rows
    expect(reopened.liveAnalytics('L')?.totalWatchSeconds).toBe(
      Array.from({ length: ROWS }, (_, i) => 10_000 + i).reduce((sum, t) => sum + t, 0),
    );
    expect(reopened.watchCursor('L')).toMatchObject({ status: 'done', pages: ROWS / PAGE, rows: ROWS });
    expect(reopened.integrityCheck()).toBe('ok');
  });
});
