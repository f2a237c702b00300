import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimLive, SimServer } from '../src/index.ts';
import { connect, manualClock } from './helpers.ts';
import type { Json, TestClient } from './helpers.ts';

const clock = manualClock();
const nowS = (): number => Math.floor(clock.now() / 1000);
let sim: SimServer;
let app: TestClient;
let other: TestClient;

beforeAll(async () => {
  sim = await startSimulator({
    seed: 11,
    size: { users: 400, lives: 60, maxViewers: 2300 },
    quotas: { watchStatPageSize: 500 },
    now: clock.now,
  });
  app = await connect(sim);
  other = await connect(sim, sim.apps[1]!.secret);
});
afterAll(() => sim.close());

function lives(): SimLive[] {
  return [...sim.state.lives.values()];
}

function anchor(): string {
  return sim.state.userList.find((u) => u.status === 1)!.userid;
}

async function create(overrides: Record<string, unknown> = {}, client = app): Promise<Json> {
  return client.post('living/create', {
    anchor_userid: anchor(),
    theme: '新员工入职培训',
    living_start: nowS() + 3600,
    living_duration: 1800,
    type: 3,
    description: '请准时参加',
    ...overrides,
  });
}

describe('generated lives', () => {
  it('cover every status, several anchors and the past 90 / next 14 days', () => {
    const statuses = new Set(lives().map((l) => sim.state.liveStatus(l)));
    expect([...statuses].sort()).toEqual([0, 1, 2, 3, 4]);
    expect(lives().filter((l) => sim.state.liveStatus(l) === 1).length).toBeGreaterThanOrEqual(2);
    expect(new Set(lives().map((l) => l.anchor_userid)).size).toBeGreaterThanOrEqual(3);
    for (const l of lives()) {
      expect(l.reserve_start).toBeGreaterThan(nowS() - 92 * 86_400);
      expect(l.reserve_start).toBeLessThan(nowS() + 15 * 86_400);
      expect([...l.theme].length).toBeLessThanOrEqual(20);
    }
  });

  it('have watch stats only once started, with watch_time within the live', () => {
    for (const l of lives()) {
      const status = sim.state.liveStatus(l);
      const stats = sim.state.watchStats(l.livingid);
      if (status === 0 || status === 3 || status === 4) expect(stats).toBeNull();
      if (status === 2) {
        expect(stats).not.toBeNull();
        const rows = sim.state.watchRows(l.livingid);
        for (const r of [...rows.users, ...rows.external_users])
          expect(r.watch_time).toBeLessThanOrEqual(l.living_duration);
      }
    }
  });
});

describe('living/create', () => {
  it('creates a live that appears at once in get_user_all_livingid and get_living_info', async () => {
    const answer = await create({ theme: '季度全员大会' });
    expect(answer.errcode).toBe(0);
    expect(answer.livingid).toMatch(/^lv/);
    const ids: string[] = [];
    let cursor = '';
    do {
      const page = await app.post('living/get_user_all_livingid', { userid: anchor(), cursor, limit: 20 });
      expect(page.errcode).toBe(0);
      ids.push(...page.livingid_list);
      cursor = page.next_cursor;
    } while (cursor);
    expect(ids).toContain(answer.livingid);
    const info = await app.get('living/get_living_info', { livingid: answer.livingid });
    expect(info.living_info).toMatchObject({
      theme: '季度全员大会',
      status: 0,
      anchor_userid: anchor(),
      living_duration: 1800,
      type: 3,
      viewer_num: 0,
      main_department: sim.state.users.get(anchor())!.main_department,
    });
  });

  it.each([
    [{ anchor_userid: 'ghost' }, 60111],
    [{ theme: '一二三四五六七八九十一二三四五六七八九十一' }, 40058],
    [{ theme: '' }, 40058],
    [{ living_duration: 0 }, 40058],
    [{ type: 5 }, 40058],
    [{ living_start: 1_800_000_000_000 }, 40058],
    [{ description: '长'.repeat(101) }, 40058],
    [{ living_start: '明天' }, 40058],
    [{ agentid: 1000003 }, 40056],
    [{ activity_cover_mediaid: 'nope', type: 4 }, 40007],
    [{ activity_share_mediaid: 'nope', type: 4 }, 40007],
    [{ activity_detail: { image_list: ['nope'] }, type: 4 }, 40007],
    [{ activity_detail: { image_list: ['a', 'b', 'c', 'd', 'e', 'f'] }, type: 4 }, 40058],
  ])('rejects %j with %i', async (overrides, errcode) => {
    const answer = await create(overrides);
    expect(answer.errcode).toBe(errcode);
    expect(answer.errmsg.length).toBeGreaterThan(20);
  });

  it('names the missing field', async () => {
    const answer = await app.post('living/create', {
      anchor_userid: anchor(),
      theme: 'x',
      living_duration: 60,
    });
    expect(answer.errcode).toBe(40058);
    expect(answer.errmsg).toContain('living_start');
  });
});

describe('modify, cancel, replay', () => {
  it('modifies and cancels a reserved live; both refuse once it is not reserved (92006)', async () => {
    const { livingid } = await create();
    expect(
      (await app.post('living/modify', { livingid, theme: '改期后的培训', living_duration: 3600 })).errcode,
    ).toBe(0);
    const info = (await app.get('living/get_living_info', { livingid })).living_info;
    expect(info).toMatchObject({
      theme: '改期后的培训',
      living_duration: 3600,
      reserve_living_duration: 3600,
    });
    expect((await app.post('living/modify', { livingid, theme: 'x'.repeat(21) })).errcode).toBe(40058);
    expect((await app.post('living/cancel', { livingid })).errcode).toBe(0);
    expect((await app.get('living/get_living_info', { livingid })).living_info.status).toBe(4);
    expect((await app.post('living/cancel', { livingid })).errcode).toBe(92006);
    expect((await app.post('living/modify', { livingid, theme: '再改' })).errcode).toBe(92006);
    const ended = lives().find((l) => sim.state.liveStatus(l) === 2)!;
    expect((await app.post('living/modify', { livingid: ended.livingid, theme: '不行' })).errcode).toBe(
      92006,
    );
  });

  it('moves through living and ended as the clock passes, and ended lives keep their replay', async () => {
    const { livingid } = await create({ living_start: nowS() + 60, living_duration: 600 });
    clock.advance(120_000);
    expect((await app.get('living/get_living_info', { livingid })).living_info.status).toBe(1);
    clock.advance(700_000);
    const info = (await app.get('living/get_living_info', { livingid })).living_info;
    expect(info.status).toBe(2);
    expect(info.open_replay).toBe(1);
    expect((await app.post('living/delete_replay_data', { livingid })).errcode).toBe(0);
    expect((await app.get('living/get_living_info', { livingid })).living_info.replay_status).toBe(2);
    expect((await app.post('living/delete_replay_data', { livingid })).errcode).toBe(92007);
  });

  it('cannot delete the replay of a reserved live (92007)', async () => {
    const { livingid } = await create();
    expect((await app.post('living/delete_replay_data', { livingid })).errcode).toBe(92007);
  });

  it("another app cannot see or touch the Demo app's lives (92008)", async () => {
    const live = lives()[0]!;
    expect((await other.get('living/get_living_info', { livingid: live.livingid })).errcode).toBe(92008);
    expect((await other.post('living/cancel', { livingid: live.livingid })).errcode).toBe(92008);
    const mine = await create({}, other);
    expect((await other.get('living/get_living_info', { livingid: mine.livingid })).errcode).toBe(0);
    const listed = await other.post('living/get_user_all_livingid', { userid: anchor() });
    expect(listed.livingid_list).toEqual([mine.livingid]);
    expect((await app.get('living/get_living_info', { livingid: 'lvUnknown' })).errcode).toBe(40058);
  });
});

describe('get_user_all_livingid paging', () => {
  it('pages by cursor with limit <= 100, next_cursor empty on the last page', async () => {
    const busiest = [...new Set(lives().map((l) => l.anchor_userid))]
      .map((id) => ({ id, n: sim.state.livesOfAnchor(id).length }))
      .sort((a, b) => b.n - a.n)[0]!;
    expect(busiest.n).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await app.post('living/get_user_all_livingid', {
        userid: busiest.id,
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.livingid_list.length).toBeLessThanOrEqual(3);
      seen.push(...page.livingid_list);
      cursor = page.next_cursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(
      sim.state
        .livesOfAnchor(busiest.id)
        .filter((l) => l.creatorAgentId === 1000002)
        .map((l) => l.livingid),
    );
    expect(pages).toBe(Math.ceil(seen.length / 3));
  });

  it('refuses limit > 100 (40058), a bad cursor (50100) and an unknown user (60111)', async () => {
    expect((await app.post('living/get_user_all_livingid', { userid: anchor(), limit: 101 })).errcode).toBe(
      40058,
    );
    expect(
      (await app.post('living/get_user_all_livingid', { userid: anchor(), cursor: '%%%' })).errcode,
    ).toBe(50100);
    expect((await app.post('living/get_user_all_livingid', { userid: 'ghost' })).errcode).toBe(60111);
  });
});

describe('get_watch_stat', () => {
  it('pages the largest live to ending 1, the totals matching living_info and the state', async () => {
    const largest = lives().find((l) => l.viewerTarget === 2300)!;
    const users: Record<string, unknown>[] = [];
    const external: Record<string, unknown>[] = [];
    let key = '0';
    let pages = 0;
    for (;;) {
      const page = await app.post('living/get_watch_stat', { livingid: largest.livingid, next_key: key });
      expect(page.errcode).toBe(0);
      pages++;
      const rows = page.stat_info.users.length + page.stat_info.external_users.length;
      expect(rows).toBeLessThanOrEqual(500);
      users.push(...page.stat_info.users);
      external.push(...page.stat_info.external_users);
      if (page.ending === 1) break;
      expect(page.ending).toBe(0);
      key = page.next_key;
    }
    expect(pages).toBe(Math.ceil(2300 / 500));
    expect(users.length + external.length).toBe(2300);
    const info = (await app.get('living/get_living_info', { livingid: largest.livingid })).living_info;
    expect(info.viewer_num).toBe(2300);
    expect(info.mic_num).toBe([...users, ...external].filter((r) => r.is_mic === 1).length);
    expect(new Set(users.map((u) => u.userid)).size).toBe(users.length);
    expect(users).toEqual(sim.state.watchRows(largest.livingid).users);
    expect(Object.keys(users[0]!).sort()).toEqual([
      'invitor_external_userid',
      'invitor_userid',
      'is_comment',
      'is_mic',
      'userid',
      'watch_time',
    ]);
    expect(Object.keys(external[0]!).sort()).toEqual([
      'external_userid',
      'invitor_external_userid',
      'invitor_userid',
      'is_comment',
      'is_mic',
      'name',
      'type',
      'watch_time',
    ]);
    expect(external[0]!.external_userid).toMatch(/^wm[\w-]{30}$/);
    for (const u of users) expect(sim.state.users.get(u.userid as string)?.status).toBe(1);
  });

  it('answers one empty ending page for a live without viewers, and 40058 for a bad next_key', async () => {
    const reserved = lives().find((l) => sim.state.liveStatus(l) === 0)!;
    const page = await app.post('living/get_watch_stat', { livingid: reserved.livingid, next_key: '0' });
    expect(page).toMatchObject({ errcode: 0, ending: 1, stat_info: { users: [], external_users: [] } });
    const ended = lives().find((l) => sim.state.liveStatus(l) === 2)!;
    expect(
      (await app.post('living/get_watch_stat', { livingid: ended.livingid, next_key: 'abc' })).errcode,
    ).toBe(40058);
    expect(
      (await app.post('living/get_watch_stat', { livingid: ended.livingid, next_key: '99999999' })).errcode,
    ).toBe(40058);
  });
});

describe('codes and share info', () => {
  it('get_living_code needs an openid', async () => {
    const live = lives()[0]!;
    const code = await app.post('living/get_living_code', { livingid: live.livingid, openid: 'oWx123' });
    expect(code.errcode).toBe(0);
    expect(typeof code.living_code).toBe('string');
    expect((await app.post('living/get_living_code', { livingid: live.livingid })).errcode).toBe(40058);
  });

  it('get_living_share_info resolves a share code of an activity live', async () => {
    const share = [...sim.state.shareInfos.values()][0];
    expect(share).toBeDefined();
    const answer = await app.post('living/get_living_share_info', { ww_share_code: share!.ww_share_code });
    expect(answer).toMatchObject({
      errcode: 0,
      livingid: share!.livingid,
      invitor_userid: share!.invitor_userid,
    });
    expect((await app.post('living/get_living_share_info', { ww_share_code: 'nope' })).errcode).toBe(40058);
  });
});
