import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeComClientError, WeComInputError, WeComPermissionError } from '../../src/errors/errors.ts';
import type { CreateLivingRequest } from '../../src/models/living.ts';
import { bytesOf, pngBytes } from './media-fixtures.ts';
import { countCalls, rejectionOf, startSimEnv, type SimEnv } from './sim-env.ts';

let env: SimEnv;
const PAGE_SIZE = 100;

beforeAll(async () => {
  env = await startSimEnv({
    size: { users: 400, departments: 20, lives: 60, maxViewers: 3000 },
    quotas: { watchStatPageSize: PAGE_SIZE },
  });
});
afterAll(() => env?.close());

const demoAgentId = () => env.sim.apps[0]!.agentId;

function anchor(): string {
  return env.sim.state.userList.find((u) => u.status === 1)!.userid;
}

function newLive(overrides: Partial<CreateLivingRequest> = {}): CreateLivingRequest {
  return {
    anchor_userid: anchor(),
    theme: '季度培训：产品路线',
    living_start: Math.floor(systemClock.now() / 1000) + 86_400,
    living_duration: 3600,
    type: 3,
    description: '新员工必看',
    remind_time: 600,
    ...overrides,
  };
}

function livesByStatus(status: number) {
  return [...env.sim.state.lives.values()].filter(
    (live) => live.creatorAgentId === demoAgentId() && env.sim.state.liveStatus(live) === status,
  );
}

describe('scheduling', () => {
  it('creates a live that appears at once in the anchor list and in get_living_info', async () => {
    const request = newLive();
    const livingid = await env.client.lives.create(request);
    const info = await env.client.lives.getLivingInfo(livingid);
    expect(info).toMatchObject({
      theme: request.theme,
      anchor_userid: request.anchor_userid,
      living_start: request.living_start,
      living_duration: 3600,
      status: 0,
      type: 3,
      description: '新员工必看',
    });
    const ids: string[] = [];
    for await (const id of env.client.lives.getUserAllLivingIds(request.anchor_userid)) ids.push(id);
    expect(ids).toContain(livingid);
  });

  it('modifies a reserved live, then cancels it; a cancelled live cannot change (92006)', async () => {
    const livingid = await env.client.lives.create(newLive());
    await env.client.lives.modify({ livingid, theme: '改期：产品路线', living_duration: 5400 });
    const modified = await env.client.lives.getLivingInfo(livingid);
    expect(modified.theme).toBe('改期：产品路线');
    expect(modified.living_duration).toBe(5400);

    await env.client.lives.cancel(livingid);
    expect((await env.client.lives.getLivingInfo(livingid)).status).toBe(4);

    const error = await rejectionOf(env.client.lives.modify({ livingid, theme: '再改' }));
    expect(error).toBeInstanceOf(WeComClientError);
    expect((error as WeComClientError).errcode).toBe(92006);
    expect((error as WeComClientError).endpoint).toBe('/cgi-bin/living/modify');
    expect((error as WeComClientError).userMessage).toMatch(
      /Only a reserved .* can be modified or cancelled/,
    );
    expect((error as WeComClientError).messages.zh).toContain('预约中');
  });

  it('refuses a live created by another app (92008) as a permission error', async () => {
    const generated = livesByStatus(2)[0]!;
    const other = env.client.forApp(env.sim.apps[1]!.name);
    const error = await rejectionOf(other.lives.getLivingInfo(generated.livingid));
    expect(error).toBeInstanceOf(WeComPermissionError);
    expect((error as WeComPermissionError).errcode).toBe(92008);
    expect((error as WeComPermissionError).userMessage).toMatch(/app that created it/);
  });

  it('checks theme, description, duration and type before sending', async () => {
    const cases: [Partial<CreateLivingRequest>, string][] = [
      [{ theme: '一二三四五六七八九十一二三四五六七八九十一' }, 'theme'], // 21 characters
      [{ theme: '😀'.repeat(16) }, 'theme'], // 16 characters but 64 bytes
      [{ theme: '' }, 'theme'],
      [{ description: 'x'.repeat(101) }, 'description'],
      [{ description: '长'.repeat(100) + '' }, ''], // 100 characters, 300 bytes: allowed
      [{ living_duration: 0 }, 'living_duration'],
      [{ living_start: systemClock.now() }, 'living_start'], // milliseconds
      [{ type: 5 as 0 }, 'type'],
      [{ anchor_userid: 'has space' }, 'anchor_userid'],
    ];
    for (const [override, field] of cases) {
      const attempt = env.client.lives.create(newLive(override));
      if (field === '') {
        await expect(attempt).resolves.toMatch(/\S/);
        continue;
      }
      const { value: error, calls } = await countCalls(env.sim, () => rejectionOf(attempt));
      expect(error, field).toBeInstanceOf(WeComInputError);
      expect((error as WeComInputError).field).toBe(field);
      expect((error as WeComInputError).message).toContain(field);
      expect(calls).toBe(0);
    }
  });
});

describe('activity lives', () => {
  const uploadImage = async (name: string) => (await env.client.media.upload('image', { filename: name, data: pngBytes() })).media_id;

  it('creates an activity live with a cover, a share image and a detail page of uploaded images', async () => {
    const [cover, share, first, second] = await Promise.all(['封面.png', '分享.png', '详情1.png', '详情2.png'].map(uploadImage));
    const livingid = await env.client.lives.create(
      newLive({
        type: 4,
        activity_cover_mediaid: cover,
        activity_share_mediaid: share,
        activity_detail: { description: '年度发布会：新品与路线图', image_list: [first!, second!] },
      }),
    );
    expect((await env.client.lives.getLivingInfo(livingid)).type).toBe(4);
    expect(env.sim.state.lives.get(livingid)).toMatchObject({
      activity_cover_mediaid: cover,
      activity_share_mediaid: share,
      activity_detail: { description: '年度发布会：新品与路线图', image_list: [first, second] },
    });
  });

  it('refuses, before sending, more than 5 detail images and activity fields on another type', async () => {
    const image = await uploadImage('图.png');
    const cases: [Partial<CreateLivingRequest>, string][] = [
      [{ type: 4, activity_detail: { image_list: Array.from({ length: 6 }, () => image) } }, 'activity_detail.image_list'],
      [{ type: 3, activity_cover_mediaid: image }, 'activity_cover_mediaid'],
      [{ type: 0, activity_detail: { description: '详情' } }, 'activity_detail'],
    ];
    for (const [override, field] of cases) {
      const { value: error, calls } = await countCalls(env.sim, () => rejectionOf(env.client.lives.create(newLive(override))));
      expect(error, field).toBeInstanceOf(WeComInputError);
      expect((error as WeComInputError).field).toBe(field);
      expect(calls).toBe(0);
    }
  });

  it('is refused by WeCom (40007) when a media id is not an uploaded image', async () => {
    const file = (await env.client.media.upload('file', { filename: '议程.txt', data: bytesOf('议程', 50) })).media_id;
    const error = await rejectionOf(env.client.lives.create(newLive({ type: 4, activity_cover_mediaid: file })));
    expect(error).toBeInstanceOf(WeComClientError);
    expect((error as WeComClientError).errcode).toBe(40007);
    const unknown = await rejectionOf(env.client.lives.create(newLive({ type: 4, activity_share_mediaid: 'no-such-media' })));
    expect((unknown as WeComClientError).errcode).toBe(40007);
  });
});

describe('reading lives', () => {
  it('pages get_user_all_livingid by cursor to the end', async () => {
    const counts = new Map<string, number>();
    for (const live of env.sim.state.lives.values()) {
      if (live.creatorAgentId === demoAgentId())
        counts.set(live.anchor_userid, (counts.get(live.anchor_userid) ?? 0) + 1);
    }
    const [busiest, expected] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    expect(expected).toBeGreaterThan(3);
    let pages = 0;
    const ids = new Set<string>();
    for await (const page of env.client.lives.userAllLivingIdPages(busiest, { limit: 2 })) {
      pages++;
      for (const id of page.livingid_list) ids.add(id);
    }
    expect(ids.size).toBe(expected);
    expect(pages).toBe(Math.ceil(expected / 2));
  });

  it('serves ended lives from the cache and always refetches ones that can still change', async () => {
    const ended = livesByStatus(2)[0]!;
    await env.client.lives.getLivingInfo(ended.livingid);
    const again = await countCalls(env.sim, () => env.client.lives.getLivingInfo(ended.livingid));
    expect(again.calls).toBe(0);
    expect(again.value.status).toBe(2);

    const reserved = livesByStatus(0)[0]!;
    const twice = await countCalls(env.sim, async () => {
      await env.client.lives.getLivingInfo(reserved.livingid);
      await env.client.lives.getLivingInfo(reserved.livingid);
    });
    expect(twice.calls).toBe(2);
  });

  it('pages the watch statistics of a 3k-viewer live until ending == 1', async () => {
    const biggest = [...env.sim.state.lives.values()]
      .map((live) => ({ live, stats: env.sim.state.watchStats(live.livingid) }))
      .filter((entry) => entry.stats !== null)
      .sort(
        (a, b) => b.stats!.userCount + b.stats!.externalCount - (a.stats!.userCount + a.stats!.externalCount),
      )[0]!;
    const expected = env.sim.state.watchRows(biggest.live.livingid);
    const total = expected.users.length + expected.external_users.length;
    expect(total).toBeGreaterThanOrEqual(2500);

    let pages = 0;
    let users = 0;
    let external = 0;
    let lastEnding = 0;
    const { calls } = await countCalls(env.sim, async () => {
      for await (const page of env.client.lives.watchStatPages(biggest.live.livingid, {
        priority: 'background',
      })) {
        pages++;
        users += page.stat_info.users.length;
        external += page.stat_info.external_users.length;
        lastEnding = page.ending;
      }
    });
    expect(users).toBe(expected.users.length);
    expect(external).toBe(expected.external_users.length);
    expect(lastEnding).toBe(1);
    expect(calls).toBe(pages);
    expect(pages).toBeGreaterThanOrEqual(Math.ceil(total / PAGE_SIZE));

    const all = await env.client.lives.getWatchStatAll(biggest.live.livingid);
    expect(all.users.reduce((sum, u) => sum + u.watch_time, 0)).toBe(
      expected.users.reduce((sum, u) => sum + u.watch_time, 0),
    );
    expect(all.external_users.map((u) => u.external_userid)).toEqual(
      expected.external_users.map((u) => u.external_userid),
    );
  });

  it('deletes a replay once; the second time WeCom says there is none (92007)', async () => {
    const withReplay = livesByStatus(2).find(
      (live) => live.open_replay === 1 && env.sim.state.replayStatus(live) === 0,
    )!;
    await env.client.lives.deleteReplayData(withReplay.livingid);
    const error = await rejectionOf(env.client.lives.deleteReplayData(withReplay.livingid));
    expect(error).toBeInstanceOf(WeComClientError);
    expect((error as WeComClientError).errcode).toBe(92007);
  });

  it('gets a living code and share info', async () => {
    const live = livesByStatus(2)[0]!;
    const code = await env.client.lives.getLivingCode(live.livingid, 'oWeChatOpenId123');
    expect(code).toMatch(/^\S{8,}$/);
    const share = [...env.sim.state.shareInfos.values()][0]!;
    expect(share).toBeDefined();
    const info = await env.client.lives.getLivingShareInfo(share.ww_share_code);
    expect(info.livingid).toBe(share.livingid);
    expect(info.invitor_userid ?? info.invitor_external_userid).toBeTruthy();
    await expect(env.client.lives.getLivingCode(live.livingid, '')).rejects.toBeInstanceOf(WeComInputError);
  });
});
