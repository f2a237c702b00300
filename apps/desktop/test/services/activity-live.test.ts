// Activity lives end to end: images uploaded through the services, the live created with its
// activity page, and what the simulator (validating as WeCom does) received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '@wld/clock';
import type { MethodInput } from '../../src/shared/contract.ts';
import { rejection, startCorpSuite, stopCorpSuite, tempDir, type CorpSuite } from './helpers.ts';

const dir = tempDir();
let suite: CorpSuite;
beforeAll(async () => {
  suite = await startCorpSuite(dir.path);
  await suite.services.runtime.core.sync.start('org').done;
}, 60_000);
afterAll(() => stopCorpSuite(suite, dir));

function png(): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(1024);
  data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return data;
}

const upload = async (filename: string, type: 'image' | 'file' = 'image') =>
  (await suite.client.call('media.upload', { type, filename, contentType: type === 'image' ? 'image/png' : 'text/plain', data: png() })).mediaId;

function draft(overrides: Partial<MethodInput<'lives.create'>> = {}): MethodInput<'lives.create'> {
  const anchor = [...suite.sim.state.userList].find((u) => u.status === 1)!.userid;
  return {
    anchorUserid: anchor,
    theme: '年度发布会',
    livingStart: Math.floor(systemClock.now() / 1000) + 86_400,
    livingDuration: 3600,
    type: 4,
    ...overrides,
  };
}

describe('activity lives', () => {
  it('creates an activity live with its cover, share image and detail images', async () => {
    const [cover, share, detail] = await Promise.all(['封面.png', '分享.png', '详情.png'].map((name) => upload(name)));
    const { livingid } = await suite.client.call(
      'lives.create',
      draft({ activity: { coverMediaId: cover, shareMediaId: share, description: '新品与路线图', imageMediaIds: [detail!] } }),
    );
    expect(suite.sim.state.lives.get(livingid)).toMatchObject({
      type: 4,
      activity_cover_mediaid: cover,
      activity_share_mediaid: share,
      activity_detail: { description: '新品与路线图', image_list: [detail] },
    });
    const { live } = await suite.client.call('lives.get', { livingid });
    expect(live.type).toBe(4);
  });

  it('refuses an activity page on another type, and more than five images, before anything is sent', async () => {
    const cover = await upload('封面.png');
    const before = suite.sim.stats.calls('/cgi-bin/living/create');
    const wrongType = await rejection(suite.client.call('lives.create', draft({ type: 3, activity: { coverMediaId: cover } })));
    expect(wrongType.message).toMatch(/activity lives/);
    const tooMany = await rejection(
      suite.client.call('lives.create', draft({ activity: { imageMediaIds: Array.from({ length: 6 }, () => cover) } })),
    );
    expect(tooMany.message).toMatch(/at most 5 images/);
    expect(suite.sim.stats.calls('/cgi-bin/living/create')).toBe(before);
  });

  it('says so when WeCom does not take a media id (a file, not an image) and creates nothing', async () => {
    const file = await upload('议程.txt', 'file');
    const lives = suite.sim.state.lives.size;
    const error = await rejection(suite.client.call('lives.create', draft({ activity: { coverMediaId: file } })));
    expect(error.message).toMatch(/media|素材|40007/i);
    expect(suite.sim.state.lives.size).toBe(lives);
  });
});
