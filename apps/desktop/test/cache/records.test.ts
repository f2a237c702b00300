import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type ApiCallRecord, type Cache } from '../../src/services/cache/index.ts';
import { openWithOrg, T0, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

let now = T0;
let cache: Cache;
beforeEach(() => {
  now = T0;
  cache = openCache(tmp.file(), { now: () => now, apiCallsMaxRows: 50, apiCallsMaxAgeMs: 3_600_000 });
});
afterEach(() => cache.close());

const result = {
  msgid: 'm1',
  invalidUsers: ['bad'],
  invalidParties: [],
  invalidTags: [],
  unlicensedUsers: [],
};
const recipients = { userids: ['zhangsan', 'bad'], departmentIds: [3], tagIds: [] };

describe('sent messages', () => {
  it('records messages with their partial failures, newest first, and marks recalls', () => {
    const first = cache.recordSentMessage({
      msgid: 'm1',
      msgtype: 'text',
      summary: '你好',
      recipients,
      sentAt: T0,
      result,
      origin: 'manual',
    });
    const second = cache.recordSentMessage({
      msgid: 'm2',
      msgtype: 'textcard',
      summary: '直播邀请',
      recipients: { userids: [], departmentIds: [], tagIds: [1] },
      sentAt: T0 + 1000,
      result: { ...result, msgid: 'm2', invalidUsers: [] },
      origin: 'live-invite',
      body: { title: '直播邀请' },
    });
    expect(second).toBeGreaterThan(first);
    expect(cache.markRecalled('m1', T0 + 5000)).toBe(true);
    expect(cache.markRecalled('unknown')).toBe(false);

    const history = cache.sentMessages({ offset: 0, limit: 10 });
    expect(history.total).toBe(2);
    expect(history.rows.map((m) => m.msgid)).toEqual(['m2', 'm1']);
    expect(history.rows[1]).toEqual({
      id: first,
      msgid: 'm1',
      msgtype: 'text',
      summary: '你好',
      recipients,
      sentAt: T0,
      recalledAt: T0 + 5000,
      result,
      origin: 'manual',
    });
    expect(cache.sentMessages({ offset: 1, limit: 1 }).rows.map((m) => m.msgid)).toEqual(['m1']);
    expect(cache.getSentMessage(second)?.origin).toBe('live-invite');
    expect(cache.getSentMessage(999)).toBeNull();
  });

  it('rejects a malformed record', () => {
    expect(() =>
      cache.recordSentMessage({
        msgid: null,
        msgtype: '',
        summary: '',
        recipients,
        sentAt: T0,
        result,
        origin: 'manual',
      }),
    ).toThrow();
    expect(cache.sentMessages({}).total).toBe(0);
  });
});

describe('app group chats', () => {
  it('creates, updates, lists and deletes chats', () => {
    const chat = cache.upsertAppChat({
      chatid: 'c1',
      name: '培训群',
      owner: 'boss',
      userlist: ['boss', 'zhangsan', 'lisi'],
    });
    expect(chat).toEqual({
      chatid: 'c1',
      name: '培训群',
      owner: 'boss',
      userlist: ['boss', 'zhangsan', 'lisi'],
      fetchedAt: T0,
    });
    const updated = cache.updateAppChat(
      'c1',
      { name: '新培训群', addUsers: ['wangfang', 'lisi'], removeUsers: ['zhangsan'] },
      T0 + 1,
    );
    expect(updated).toMatchObject({
      name: '新培训群',
      owner: 'boss',
      userlist: ['boss', 'lisi', 'wangfang'],
      fetchedAt: T0 + 1,
    });
    expect(cache.updateAppChat('nope', { name: 'x' })).toBeNull();
    cache.upsertAppChat({ chatid: 'c0', name: 'A群', owner: 'lisi', userlist: ['lisi', 'boss'] });
    expect(cache.listAppChats().map((c) => c.chatid)).toEqual(['c0', 'c1']);
    expect(cache.deleteAppChat('c1')).toBe(true);
    expect(cache.getAppChat('c1')).toBeNull();
    expect(cache.listAppChats()).toHaveLength(1);
  });
});

describe('API call log', () => {
  const call = (i: number, patch: Partial<ApiCallRecord> = {}): ApiCallRecord => ({
    endpoint: i % 2 ? '/cgi-bin/user/list' : '/cgi-bin/living/get_watch_stat',
    at: T0 + i,
    durationMs: i,
    errcode: 0,
    attempts: 1,
    ...patch,
  });

  it('summarises calls per endpoint with latency percentiles and the last errors', () => {
    cache.recordApiCalls(Array.from({ length: 20 }, (_, i) => call(i + 1)));
    cache.recordApiCall(
      call(100, { errcode: 60020, error: 'not allow to access from your ip', attempts: 1 }),
    );
    cache.recordApiCall(call(101, { errcode: null, error: 'ECONNRESET', attempts: 3 }));
    const summary = cache.apiCallSummary(T0);
    expect(summary.total).toBe(22);
    expect(summary.errors).toBe(2);
    const userList = summary.endpoints.find((e) => e.endpoint === '/cgi-bin/user/list');
    // odd durations 1..19 and 101 → p50 = 11 (6th of 11, nearest rank), p95 = p99 = 101
    expect(userList).toEqual({
      endpoint: '/cgi-bin/user/list',
      calls: 11,
      errors: 1,
      p50: 11,
      p95: 101,
      p99: 101,
    });
    expect(summary.lastErrors.map((e) => [e.errcode, e.message])).toEqual([
      [null, 'ECONNRESET'],
      [60020, 'not allow to access from your ip'],
    ]);
    expect(cache.apiCallSummary(T0 + 100).total).toBe(2);
  });

  it('prunes by row count and age', () => {
    cache.recordApiCalls(Array.from({ length: 80 }, (_, i) => call(i)));
    expect(cache.pruneApiCalls()).toBe(30);
    expect(cache.info().rows.api_calls).toBe(50);
    // the newest are kept
    expect(cache.apiCallSummary(0).endpoints.reduce((n, e) => n + e.calls, 0)).toBe(50);
    expect(cache.apiCallSummary(T0 + 30).total).toBe(50);
    now = T0 + 2 * 3_600_000;
    expect(cache.pruneApiCalls()).toBe(50);
  });

  it('prunes on its own while recording', () => {
    for (let batch = 0; batch < 11; batch++) {
      cache.recordApiCalls(Array.from({ length: 100 }, (_, i) => call(batch * 100 + i)));
    }
    expect(cache.info().rows.api_calls).toBeLessThanOrEqual(150);
  });
});

describe('sync state, meta and freshness', () => {
  it('keeps resumable progress per scope and merges updates', () => {
    expect(cache.getSyncState('lives')).toBeNull();
    cache.setSyncState('lives', {
      status: 'running',
      cursor: 'c-1',
      phase: 'anchors',
      done: 3,
      total: 10,
      data: { anchors: ['boss'] },
    });
    now = T0 + 10;
    const state = cache.setSyncState('lives', { done: 4 });
    expect(state).toEqual({
      scope: 'lives',
      status: 'running',
      cursor: 'c-1',
      fetchedAt: null,
      phase: 'anchors',
      done: 4,
      total: 10,
      data: { anchors: ['boss'] },
      updatedAt: T0 + 10,
    });
    cache.setSyncState('lives', { status: 'done', cursor: null, fetchedAt: T0 + 20 });
    expect(cache.getSyncState('lives')).toMatchObject({
      status: 'done',
      cursor: null,
      fetchedAt: T0 + 20,
      done: 4,
    });
    expect(cache.lastSync()).toEqual({ org: null, tags: null, lives: T0 + 20, watch: null });
    cache.setSyncState('watch:L1', { status: 'running' });
    expect(cache.listSyncStates('watch:').map((s) => s.scope)).toEqual(['watch:L1']);
    expect(cache.listSyncStates().map((s) => s.scope)).toEqual(['lives', 'watch:L1']);
  });

  it('stores JSON meta values', () => {
    cache.setMeta('profile', { id: 'demo', seeded: true });
    expect(cache.getMeta('profile')).toEqual({ id: 'demo', seeded: true });
    cache.setMeta('profile', null);
    expect(cache.getMeta('profile')).toBeNull();
  });

  it('reports the newest data and nothing for an empty cache', () => {
    expect(cache.newestFetchedAt()).toBeNull();
    cache.upsertLives(
      [{ livingid: 'L', theme: 't', anchor_userid: 'a', living_start: 1, living_duration: 60, status: 2 }],
      T0 + 7,
    );
    cache.upsertTags([{ tagid: 1, tagname: 't' }], T0 + 3);
    expect(cache.newestFetchedAt()).toBe(T0 + 7);
  });
});

describe('maintenance', () => {
  it('reports size and row counts, and clears all data but keeps the schema', () => {
    cache.close();
    cache = openWithOrg(tmp.file());
    cache.upsertLives([
      { livingid: 'L', theme: 't', anchor_userid: 'boss', living_start: 1, living_duration: 60, status: 2 },
    ]);
    cache.appendWatchPage('L', { users: [{ userid: 'boss', watch_time: 5 }] }, { nextKey: '', ending: 1 });
    const info = cache.info();
    expect(info.path).toBe(cache.path);
    expect(info.bytes).toBeGreaterThan(0);
    expect(info.rows).toMatchObject({
      users: 8,
      departments: 5,
      tags: 2,
      lives: 1,
      watch_internal: 1,
      user_departments: 10,
    });

    cache.beginWatch('L', { restart: true });
    cache.appendWatchPage('L', { users: [{ userid: 'boss', watch_time: 6 }] }, { nextKey: 'k', ending: 0 });
    cache.setSyncState('lives', { status: 'done' });
    cache.recordApiCall({ endpoint: '/x', at: T0, durationMs: 1, errcode: 0, attempts: 1 });

    cache.clear();
    expect(Object.values(cache.info().rows).every((n) => n === 0)).toBe(true);
    // every table, derived ones included, is empty; the schema is kept (and the counts of summary
    // and home department changes, which are no data: they only grow, so what is held in memory
    // from the summaries or the users is read again after the clear too)
    const raw = new Database(cache.path, { readonly: true });
    const tables = raw
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'users_fts%' AND name NOT LIKE 'sqlite_%'
           AND name NOT IN ('summary_changes', 'user_home_changes')`,
      )
      .pluck()
      .all() as string[];
    expect(tables.length).toBeGreaterThan(20);
    const nonEmpty = tables.filter(
      (t) => (raw.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number) > 0,
    );
    expect(raw.pragma('user_version', { simple: true })).toBe(cache.schemaVersion);
    raw.close();
    expect(nonEmpty).toEqual([]);
    expect(cache.searchUsers({ query: '王' }).total).toBe(0);
    expect(cache.newestFetchedAt()).toBeNull();
    expect(cache.integrityCheck()).toBe('ok');
    // still usable, from scratch
    const generation = cache.beginOrgSync();
    expect(generation).toBe(1);
    cache.upsertUsers([{ userid: 'a', name: '甲' }]);
    cache.finishOrgSync(generation);
    expect(cache.searchUsers({ query: '甲' }).total).toBe(1);
  });
});
