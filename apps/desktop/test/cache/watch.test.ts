import { fork } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheError, openCache, type Cache, type WireWatchUser } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

let cache: Cache;
beforeEach(() => {
  cache = openWithOrg(tmp.file());
  cache.upsertLives(
    [
      {
        livingid: 'L1',
        theme: '季度发布',
        anchor_userid: 'boss',
        living_start: 1_762_000_000,
        living_duration: 3600,
        status: 2,
      },
      {
        livingid: 'NOW',
        theme: '直播中',
        anchor_userid: 'zhangsan',
        living_start: 1_762_050_000,
        living_duration: 3600,
        status: 1,
      },
      {
        livingid: 'SOON',
        theme: '预约',
        anchor_userid: 'boss',
        living_start: 1_762_090_000,
        living_duration: 3600,
        status: 0,
      },
    ],
    T0,
  );
});
afterEach(() => cache.close());

const viewers = (prefix: string, n: number, time = 60): WireWatchUser[] =>
  Array.from({ length: n }, (_, i) => ({ userid: `${prefix}${i}`, watch_time: time + i }));

describe('watch paging', () => {
  it('writes pages and their cursor together and finishes on ending = 1', () => {
    expect(cache.beginWatch('L1')).toEqual({ nextKey: '0', resumed: false, merging: false });
    expect(
      cache.appendWatchPage('L1', { users: viewers('a', 3) }, { nextKey: 'k1', ending: 0, fromKey: '0' }),
    ).toEqual({
      rows: 3,
      finished: false,
    });
    expect(cache.watchCursor('L1')).toMatchObject({
      status: 'running',
      nextKey: 'k1',
      pages: 1,
      rows: 3,
      fetchedAt: null,
    });
    // readers see complete fetches only: none yet
    expect(cache.watchStats({ livingid: 'L1' })).toEqual({ total: 0, complete: false, asOf: null, rows: [] });

    const last = cache.appendWatchPage(
      'L1',
      {
        users: viewers('b', 2),
        external_users: [{ external_userid: 'wx1', type: 1, name: '微信用户', watch_time: 10 }],
      },
      { nextKey: 'k2', ending: 1, fromKey: 'k1' },
      T0 + 10,
    );
    expect(last).toEqual({ rows: 3, finished: true });
    expect(cache.watchCursor('L1')).toMatchObject({ status: 'done', pages: 2, rows: 6, fetchedAt: T0 + 10 });
    expect(cache.watchStats({ livingid: 'L1' })).toMatchObject({ total: 6, complete: true, asOf: T0 + 10 });
  });

  /** Rows of the running fetch of L1, read from the file on another connection. */
  const fetchRows = (other: Database.Database) =>
    other
      .prepare(
        `SELECT count(*) FROM watch_internal w JOIN lives l ON l.id = w.live_id AND l.livingid = 'L1'
         WHERE w.generation = (SELECT generation FROM sync_state WHERE scope = 'watch:L1')`,
      )
      .pluck()
      .get();

  it('never leaves half a page: a failure inside the transaction rolls back the page and the cursor', () => {
    // pages committed as soon as the next one is written, so the first one is on disk when the second fails
    cache.close();
    cache = openCache(cache.path, { now: () => T0, pendingWatchPagesMs: 0 });
    // a second connection makes the cursor update fail after the page's rows were written
    const other = new Database(cache.path);
    other.exec(`CREATE TRIGGER fail_cursor BEFORE UPDATE ON sync_state WHEN NEW.cursor = 'k2'
                BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    cache.beginWatch('L1');
    cache.appendWatchPage('L1', { users: viewers('a', 5) }, { nextKey: 'k1', ending: 0 });
    expect(() =>
      cache.appendWatchPage('L1', { users: viewers('b', 10) }, { nextKey: 'k2', ending: 0, fromKey: 'k1' }),
    ).toThrow('disk full');
    expect(fetchRows(other)).toBe(5);
    expect(cache.watchCursor('L1')).toMatchObject({ status: 'running', nextKey: 'k1', pages: 1, rows: 5 });
    other.exec('DROP TRIGGER fail_cursor');

    // a malformed row fails the page before anything is written
    const broken = [...viewers('b', 10), { userid: null as unknown as string, watch_time: 1 }];
    expect(() =>
      cache.appendWatchPage('L1', { users: broken }, { nextKey: 'k2', ending: 0, fromKey: 'k1' }),
    ).toThrow(CacheError);
    expect(cache.watchCursor('L1')).toMatchObject({ nextKey: 'k1', pages: 1, rows: 5 });

    // the page is simply fetched again
    cache.appendWatchPage('L1', { users: viewers('b', 10) }, { nextKey: 'k2', ending: 0, fromKey: 'k1' });
    expect(cache.watchCursor('L1')).toMatchObject({ nextKey: 'k2', pages: 2, rows: 15 });
    cache.finishWatch('L1');
    expect(fetchRows(other)).toBe(15);
    other.close();
  });

  it('a failure rolls back every page not yet committed with its cursor: the fetch goes on from the last committed one', () => {
    // a page whose rows fail half-way (a constraint the schema does not have: a trigger made up for the test)
    const setup = new Database(cache.path);
    setup.exec(`CREATE TRIGGER fail_row BEFORE INSERT ON watch_internal WHEN NEW.userid = 'poison'
                BEGIN SELECT RAISE(ABORT, 'write failed'); END`);
    setup.close();
    cache.beginWatch('L1');
    cache.appendWatchPage('L1', { users: viewers('a', 5) }, { nextKey: 'k1', ending: 0 });
    cache.appendWatchPage('L1', { users: viewers('b', 5) }, { nextKey: 'k2', ending: 0, fromKey: 'k1' });
    // not committed yet: another connection sees the fetch as it began
    const other = new Database(cache.path, { readonly: true });
    expect(fetchRows(other)).toBe(0);
    const page = { users: [...viewers('c', 3), { userid: 'poison', watch_time: 1 }] };
    expect(() => cache.appendWatchPage('L1', page, { nextKey: 'k3', ending: 0, fromKey: 'k2' })).toThrow('write failed');
    expect(cache.watchCursor('L1')).toMatchObject({ status: 'running', nextKey: '0', pages: 0, rows: 0 });
    expect(fetchRows(other)).toBe(0);
    expect(() =>
      cache.appendWatchPage('L1', { users: viewers('a', 5) }, { nextKey: 'k1', ending: 0, fromKey: 'k1' }),
    ).toThrow(CacheError);
    other.close();
  });

  it('merges a fetch as a new generation: a failure while merging keeps the previous data and every page', () => {
    const other = new Database(cache.path);
    // the switch to the second fetch fails
    other.exec(`CREATE TRIGGER fail_merge BEFORE UPDATE OF watch_generation ON lives WHEN NEW.watch_generation = 2
                BEGIN SELECT RAISE(ABORT, 'merge failed'); END`);
    cache.appendWatchPage('L1', { users: viewers('old', 3) }, { nextKey: '', ending: 1 }, T0);
    cache.beginWatch('L1', { restart: true });
    cache.appendWatchPage('L1', { users: viewers('a', 4) }, { nextKey: 'k1', ending: 0, fromKey: '0' });
    const last = { users: [...viewers('b', 3), { userid: 'b0', watch_time: 9 }] };
    expect(() =>
      cache.appendWatchPage('L1', last, { nextKey: 'k2', ending: 1, fromKey: 'k1' }, T0 + 9),
    ).toThrow('merge failed');
    // nothing of the new fetch is visible, the old one is intact; every page is kept and only the
    // merge is left: no page is fetched again
    const stats = cache.watchStats({ livingid: 'L1' });
    expect(stats).toMatchObject({ total: 3, complete: true, asOf: T0 });
    expect(stats.rows.map((r) => r.id).sort()).toEqual(['old0', 'old1', 'old2']);
    expect(cache.watchCursor('L1')).toMatchObject({ status: 'running', pages: 2, rows: 8 });
    expect(cache.beginWatch('L1')).toEqual({ nextKey: '0', resumed: true, merging: true });
    expect(cache.pendingWatchSyncs()).toContain('L1');
    expect(fetchRows(other)).toBe(7);
    other.exec('DROP TRIGGER fail_merge');

    cache.finishWatch('L1');
    const merged = cache.watchStats({ livingid: 'L1', limit: 100 });
    expect(merged).toMatchObject({ total: 7, complete: true, asOf: T0 + 9 });
    // the repeated viewer kept the later row, and the summaries (read back from the rows) agree
    expect(merged.rows.find((r) => r.id === 'b0')?.watchTime).toBe(9);
    expect(cache.liveAnalytics('L1')?.viewers).toEqual({ internal: 7, external: 0 });
    expect(cache.liveAnalytics('L1')?.totalWatchSeconds).toBe(merged.rows.reduce((sum, r) => sum + r.watchTime, 0));
    // the previous generation is gone
    expect(other.prepare('SELECT count(*) FROM watch_internal').pluck().get()).toBe(7);
    other.close();
  });

  it('refuses a page requested with another cursor (applied twice or out of order)', () => {
    cache.beginWatch('L1');
    cache.appendWatchPage('L1', { users: viewers('a', 2) }, { nextKey: 'k1', ending: 0, fromKey: '0' });
    let error: unknown;
    try {
      cache.appendWatchPage('L1', { users: viewers('a', 2) }, { nextKey: 'k1', ending: 0, fromKey: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).kind).toBe('conflict');
    expect(cache.watchCursor('L1')).toMatchObject({ nextKey: 'k1', pages: 1 });
  });

  it('resumes from the stored cursor after a restart, or starts over when asked', () => {
    cache.beginWatch('L1');
    cache.appendWatchPage('L1', { users: viewers('a', 4) }, { nextKey: 'k1', ending: 0 });
    const file = cache.path;
    cache.close();
    cache = openCache(file, { now: () => T0 });
    expect(cache.beginWatch('L1')).toEqual({ nextKey: 'k1', resumed: true, merging: false });
    expect(cache.pendingWatchSyncs()[0]).toBe('L1');
    expect(cache.beginWatch('L1', { restart: true })).toEqual({ nextKey: '0', resumed: false, merging: false });
  });

  it('removes viewers a fresh fetch no longer reports, only when it ends', () => {
    cache.appendWatchPage('L1', { users: viewers('a', 4) }, { nextKey: '', ending: 1 });
    cache.beginWatch('L1', { restart: true });
    cache.appendWatchPage('L1', { users: viewers('a', 2, 500) }, { nextKey: 'k1', ending: 0 });
    // mid-fetch the previous complete fetch is what readers see
    expect(cache.watchStats({ livingid: 'L1' }).total).toBe(4);
    expect(cache.watchStats({ livingid: 'L1' }).rows[0]?.watchTime).toBe(63);
    cache.appendWatchPage('L1', { users: [] }, { nextKey: 'k2', ending: 1 });
    const stats = cache.watchStats({ livingid: 'L1' });
    expect(stats.total).toBe(2);
    expect(stats.rows.map((r) => r.watchTime)).toEqual([501, 500]);
  });

  it('finishWatch ends a fetch explicitly and is idempotent', () => {
    cache.beginWatch('L1');
    cache.appendWatchPage('L1', { users: viewers('a', 3) }, { nextKey: 'k1', ending: 0 });
    cache.finishWatch('L1', T0 + 5);
    cache.finishWatch('L1', T0 + 9);
    expect(cache.watchCursor('L1')).toMatchObject({ status: 'done', rows: 3, fetchedAt: T0 + 5 });
    expect(() => cache.beginWatch('NOPE')).toThrow(CacheError);
  });

  it('lists the lives whose stats still need fetching', () => {
    // L1 ended, never fetched; NOW is live
    expect(cache.pendingWatchSyncs().sort()).toEqual(['L1', 'NOW']);
    cache.appendWatchPage('L1', { users: viewers('a', 1) }, { nextKey: '', ending: 1 });
    // fetched after the end: final
    expect(cache.pendingWatchSyncs()).toEqual(['NOW']);
    cache.appendWatchPage('NOW', { users: viewers('a', 1) }, { nextKey: '', ending: 1 });
    expect(cache.pendingWatchSyncs()).toEqual(['NOW']);
    // NOW ends: the fetch made while it was live is not final
    cache.upsertLives([
      {
        livingid: 'NOW',
        theme: '直播中',
        anchor_userid: 'zhangsan',
        living_start: 1_762_050_000,
        living_duration: 3600,
        status: 2,
      },
    ]);
    expect(cache.pendingWatchSyncs()).toEqual(['NOW']);
  });
});

describe('watch stats reads', () => {
  beforeEach(() => {
    cache.appendWatchPage(
      'L1',
      {
        users: [
          { userid: 'zhangsan', watch_time: 3000, is_comment: 1 },
          { userid: 'wangfang', watch_time: 100, is_mic: 1 },
          { userid: 'zhao.liu', watch_time: 1800 },
          { userid: 'ghost', watch_time: 5 },
        ],
        external_users: [
          { external_userid: 'wxA', type: 1, name: '客户甲', watch_time: 2000, invitor_userid: 'zhao.liu' },
          { external_userid: 'wxB', type: 2, name: '伙伴乙', watch_time: 50 },
        ],
      },
      { nextKey: '', ending: 1 },
    );
  });

  it('pages all viewers by watch time, with names and main departments', () => {
    const page = cache.watchStats({ livingid: 'L1', limit: 3 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.id)).toEqual(['zhangsan', 'wxA', 'zhao.liu']);
    expect(page.rows[0]).toEqual({
      kind: 'internal',
      id: 'zhangsan',
      name: '张三丰',
      departmentName: '平台组',
      departmentPath: '总公司 / 研发中心 / 平台组',
      externalType: null,
      watchTime: 3000,
      isComment: true,
      isMic: false,
      invitorUserid: null,
      invitorExternalUserid: null,
    });
    expect(page.rows[1]).toMatchObject({
      kind: 'external',
      name: '客户甲',
      externalType: 1,
      invitorUserid: 'zhao.liu',
      departmentName: null,
    });
    expect(cache.watchStats({ livingid: 'L1', offset: 3, limit: 3 }).rows.map((r) => r.id)).toEqual([
      'wangfang',
      'wxB',
      'ghost',
    ]);
    // an unknown viewer shows its userid
    expect(cache.watchStats({ livingid: 'L1', desc: false, limit: 1 }).rows[0]).toMatchObject({
      id: 'ghost',
      name: 'ghost',
    });
  });

  it('filters by kind and sorts by name or department', () => {
    expect(cache.watchStats({ livingid: 'L1', kind: 'internal' }).total).toBe(4);
    expect(cache.watchStats({ livingid: 'L1', kind: 'external' }).rows.map((r) => r.id)).toEqual([
      'wxA',
      'wxB',
    ]);
    expect(
      cache
        .watchStats({ livingid: 'L1', kind: 'internal', sort: 'name', desc: false })
        .rows.map((r) => r.name),
      // names sort by pinyin: ghost, wang fang, zhang san feng, zhao liu
    ).toEqual(['ghost', '王芳', '张三丰', '赵六']);
    expect(
      cache
        .watchStats({ livingid: 'L1', kind: 'internal', sort: 'department', desc: false })
        .rows.map((r) => r.departmentName),
    ).toEqual(['客户端组', '市场部', '平台组', null]);
    // all viewers by department: external ones (no department) last, in any direction
    expect(
      cache.watchStats({ livingid: 'L1', sort: 'department', desc: true }).rows.map((r) => r.id),
    ).toEqual([
      'zhangsan', // 平台组
      'zhao.liu', // 市场部
      'wangfang', // 客户端组
      'ghost',
      'wxB',
      'wxA',
    ]);
    expect(
      cache.watchStats({ livingid: 'L1', sort: 'name', desc: false, limit: 2 }).rows.map((r) => r.name),
    ).toEqual(['ghost', '伙伴乙']);
    expect(cache.watchStats({ livingid: 'unknown' })).toEqual({
      asOf: null,
      complete: false,
      total: 0,
      rows: [],
    });
  });
});

describe('crash safety', () => {
  it('keeps whole pages and a matching cursor when the writer is killed mid-write', async () => {
    const file = tmp.file();
    const rowsPerPage = 2000;
    const child = fork(
      join(import.meta.dirname, 'fixtures', 'watch-writer.ts'),
      [file, String(rowsPerPage)],
      {
        stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if ((output.match(/page/g) ?? []).length >= 5) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer exited early (${code})`));
      });
    });
    await new Promise((resolve) => child.on('close', resolve));

    const reopened = openCache(file);
    try {
      expect(reopened.integrityCheck()).toBe('ok');
      const cursor = reopened.watchCursor('BIG');
      expect(cursor.status).toBe('running');
      const pages = Number(cursor.nextKey);
      // the writer commits each page when it writes the next one: 5 printed, at least 4 on disk
      expect(pages).toBeGreaterThanOrEqual(4);
      expect(cursor.pages).toBe(pages);
      expect(cursor.rows).toBe(pages * rowsPerPage);
      // the fetch's rows are exactly the ones the cursor accounts for, whole pages
      const raw = new Database(file, { readonly: true });
      const written = raw
        .prepare(
          `SELECT count(*) AS rows, count(DISTINCT substr(userid, 1, instr(userid, '-'))) AS pages FROM watch_internal
           WHERE generation = (SELECT generation FROM sync_state WHERE scope = 'watch:BIG')`,
        )
        .get();
      raw.close();
      expect(written).toEqual({ pages, rows: pages * rowsPerPage });
      // resume and finish with the exact total
      expect(reopened.beginWatch('BIG')).toEqual({ nextKey: String(pages), resumed: true, merging: false });
      reopened.appendWatchPage(
        'BIG',
        { users: [{ userid: 'late', watch_time: 1 }] },
        { nextKey: '', ending: 1, fromKey: String(pages) },
      );
      expect(reopened.watchStats({ livingid: 'BIG', limit: 1 })).toMatchObject({
        complete: true,
        total: pages * rowsPerPage + 1,
      });
    } finally {
      reopened.close();
    }
  });
});
