import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { connect, manualClock } from './helpers.ts';
import type { TestClient } from './helpers.ts';

const clock = manualClock();
let sim: SimServer;
let app: TestClient;
let other: TestClient;
const AGENT = 1000002;

beforeAll(async () => {
  // Tokens outlive the days this suite moves the clock by.
  sim = await startSimulator({
    seed: 21,
    size: { users: 2000, departments: 60 },
    now: clock.now,
    tokenTtlSeconds: 30 * 86_400,
  });
  app = await connect(sim);
  other = await connect(sim, sim.apps[1]!.secret);
});
afterAll(() => sim.close());

function activeUsers(n: number): string[] {
  return sim.state.userList
    .filter((u) => u.status === 1 && !sim.state.unlicensedUserIds.has(u.userid))
    .slice(0, n)
    .map((u) => u.userid);
}

function text(touser: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    touser,
    msgtype: 'text',
    agentid: AGENT,
    text: { content: '明天上午十点直播培训，请准时参加。' },
    ...extra,
  };
}

async function uploadImage(): Promise<string> {
  const form = new FormData();
  form.append('media', new Blob([new Uint8Array(64).fill(7)], { type: 'image/png' }), 'cover.png');
  const res = await app.raw('media/upload', { method: 'POST', body: form, query: { type: 'image' } });
  return ((await res.json()) as { media_id: string }).media_id;
}

describe('message/send', () => {
  it('delivers to users, departments and tags and reports partial failures', async () => {
    const users = activeUsers(3);
    const dept = sim.state.departmentList.find(
      (d) => d.level === 2 && sim.state.usersInDepartment(d.id).length > 0,
    )!;
    const tag = [...sim.state.tags.values()][0]!;
    const answer = await app.post('message/send', {
      ...text(`${users.join('|')}|Ghost-User`),
      toparty: `${dept.id}|987654`,
      totag: `${tag.tagid}|999`,
    });
    expect(answer).toMatchObject({
      errcode: 0,
      invaliduser: 'ghost-user',
      invalidparty: '987654',
      invalidtag: '999',
      unlicenseduser: '',
    });
    expect(typeof answer.msgid).toBe('string');
    const sent = sim.state.messages.find((m) => m.msgid === answer.msgid)!;
    for (const u of users) expect(sent.recipients).toContain(u);
    for (const u of sim.state.usersInDepartment(dept.id)) {
      if (u.status !== 5 && !sim.state.unlicensedUserIds.has(u.userid))
        expect(sent.recipients).toContain(u.userid);
    }
    expect(new Set(sent.recipients).size).toBe(sent.recipients.length);
  });

  it('reports members without a licence in unlicenseduser', async () => {
    const unlicensed = [...sim.state.unlicensedUserIds].find((id) => sim.state.users.get(id)!.status !== 5)!;
    expect(unlicensed).toBeDefined();
    const answer = await app.post('message/send', text(`${unlicensed}|${activeUsers(1)[0]}`));
    expect(answer.errcode).toBe(0);
    expect(answer.unlicenseduser).toBe(unlicensed);
  });

  it('fails with 81013 when every recipient is invalid and 82001 when none is given', async () => {
    expect((await app.post('message/send', text('nobody|ghost', { toparty: '999999' }))).errcode).toBe(81013);
    expect(
      (await app.post('message/send', { msgtype: 'text', agentid: AGENT, text: { content: 'x' } })).errcode,
    ).toBe(82001);
  });

  it('enforces the recipient caps (1000 users, 100 parties, 100 tags)', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `user${i}`).join('|');
    expect((await app.post('message/send', text(many))).errcode).toBe(40032);
    const parties = Array.from({ length: 101 }, (_, i) => String(i + 1)).join('|');
    expect((await app.post('message/send', text('', { toparty: parties }))).errcode).toBe(82002);
    const tags = Array.from({ length: 101 }, (_, i) => String(i + 1)).join('|');
    expect((await app.post('message/send', text('', { totag: tags }))).errcode).toBe(82003);
  });

  it('@all reaches every member who has not left', async () => {
    const answer = await app.post('message/send', text('@all'));
    const sent = sim.state.messages.find((m) => m.msgid === answer.msgid)!;
    const expected = sim.state.userList.filter(
      (u) => u.status !== 5 && !sim.state.unlicensedUserIds.has(u.userid),
    ).length;
    expect(sent.recipients).toHaveLength(expected);
  });

  it('checks agentid against the token (40056) and requires it (41011)', async () => {
    expect((await app.post('message/send', text('@all', { agentid: 1000003 }))).errcode).toBe(40056);
    expect((await app.post('message/send', text('@all', { agentid: undefined }))).errcode).toBe(41011);
    expect((await other.post('message/send', text('@all', { agentid: 1000003 }))).errcode).toBe(0);
  });

  it('validates content: msgtype 40008, empty 44004, > 2048 bytes 45002', async () => {
    const u = activeUsers(1)[0]!;
    expect(
      (await app.post('message/send', { touser: u, msgtype: 'fax', agentid: AGENT, fax: {} })).errcode,
    ).toBe(40008);
    expect(
      (await app.post('message/send', { touser: u, msgtype: 'text', agentid: AGENT, text: { content: '' } }))
        .errcode,
    ).toBe(44004);
    const long = '直'.repeat(683); // 2049 bytes
    const tooLong = await app.post('message/send', {
      touser: u,
      msgtype: 'text',
      agentid: AGENT,
      text: { content: long },
    });
    expect(tooLong.errcode).toBe(45002);
    const fits = await app.post('message/send', {
      touser: u,
      msgtype: 'markdown',
      agentid: AGENT,
      markdown: { content: '直'.repeat(682) },
    });
    expect(fits.errcode).toBe(0);
  });

  it('accepts textcard, news, image (uploaded media), mpnews and template cards', async () => {
    const u = activeUsers(1)[0]!;
    const imageId = await uploadImage();
    const bodies: Record<string, unknown>[] = [
      {
        msgtype: 'textcard',
        textcard: { title: '直播提醒', description: '今晚八点', url: 'https://example.com', btntxt: '详情' },
      },
      { msgtype: 'news', news: { articles: [{ title: '回放上线', url: 'https://example.com/replay' }] } },
      { msgtype: 'image', image: { media_id: imageId } },
      { msgtype: 'file', file: { media_id: imageId } },
      {
        msgtype: 'mpnews',
        mpnews: { articles: [{ title: '培训资料', thumb_media_id: imageId, content: '<p>内容</p>' }] },
      },
      {
        msgtype: 'template_card',
        template_card: {
          card_type: 'text_notice',
          main_title: { title: '签到' },
          card_action: { type: 1, url: 'https://example.com' },
        },
      },
    ];
    for (const body of bodies) {
      const answer = await app.post('message/send', { touser: u, agentid: AGENT, ...body });
      expect(answer.errcode, JSON.stringify(body)).toBe(0);
      expect(answer.response_code).toBeUndefined();
    }
    const card = await app.post('message/send', {
      touser: u,
      agentid: AGENT,
      msgtype: 'template_card',
      template_card: {
        card_type: 'button_interaction',
        task_id: 'task_1',
        main_title: { title: '确认参加' },
        button_list: [{ text: '参加', key: 'yes' }],
      },
    });
    expect(card.errcode).toBe(0);
    expect(typeof card.response_code).toBe('string');
  });

  it('rejects bad payloads with the WeCom code of the field', async () => {
    const u = activeUsers(1)[0]!;
    const cases: [Record<string, unknown>, number][] = [
      [{ msgtype: 'image', image: { media_id: 'missing' } }, 40007],
      [{ msgtype: 'image', image: {} }, 41006],
      [{ msgtype: 'textcard', textcard: { description: 'd', url: 'https://x' } }, 41016],
      [{ msgtype: 'textcard', textcard: { title: 't', url: 'https://x' } }, 41033],
      [
        {
          msgtype: 'news',
          news: { articles: Array.from({ length: 9 }, () => ({ title: 't', url: 'https://x' })) },
        },
        45008,
      ],
      [{ msgtype: 'template_card', template_card: { card_type: 'poster' } }, 40058],
      [{ msgtype: 'template_card', template_card: { card_type: 'vote_interaction' } }, 40058],
      [{ msgtype: 'text' }, 40058],
    ];
    for (const [body, errcode] of cases) {
      expect(
        (await app.post('message/send', { touser: u, agentid: AGENT, ...body })).errcode,
        JSON.stringify(body),
      ).toBe(errcode);
    }
  });

  it('enable_duplicate_check delivers an identical request once inside the interval', async () => {
    const body = text(activeUsers(2).join('|'), { enable_duplicate_check: 1, duplicate_check_interval: 600 });
    const first = await app.post('message/send', body);
    const count = sim.state.messages.length;
    const second = await app.post('message/send', body);
    expect(second.msgid).toBe(first.msgid);
    expect(sim.state.messages.length).toBe(count);
    clock.advance(601_000);
    const third = await app.post('message/send', body);
    expect(third.msgid).not.toBe(first.msgid);
  });
});

describe('message/recall', () => {
  it('recalls within 24 h once; 42052 afterwards, for unknown ids and after 24 h; 40058 from another app', async () => {
    const u = activeUsers(1)[0]!;
    const a = await app.post('message/send', text(u));
    expect((await other.post('message/recall', { msgid: a.msgid })).errcode).toBe(40058);
    expect((await app.post('message/recall', { msgid: a.msgid })).errcode).toBe(0);
    expect(sim.state.messages.find((m) => m.msgid === a.msgid)!.recalledAt).not.toBeNull();
    expect((await app.post('message/recall', { msgid: a.msgid })).errcode).toBe(42052);
    expect((await app.post('message/recall', { msgid: 'never-sent' })).errcode).toBe(42052);
    const b = await app.post('message/send', text(u));
    clock.advance(24 * 3600_000 + 1000);
    expect((await app.post('message/recall', { msgid: b.msgid })).errcode).toBe(42052);
  });
});

describe('message/get_statistics', () => {
  it('counts delivered person-times per app for today and yesterday', async () => {
    clock.advance(2 * 86_400_000);
    const users = activeUsers(5);
    await app.post('message/send', text(users.join('|')));
    await app.post('message/send', text(users.slice(0, 2).join('|')));
    await other.post('message/send', text(users[0]!, { agentid: 1000003 }));
    const today = await app.post('message/get_statistics', { time_type: 0 });
    expect(today.errcode).toBe(0);
    expect(today.statistics).toEqual([
      { agentid: 1000002, app_name: 'live-desk', count: 7 },
      { agentid: 1000003, app_name: 'training-notice', count: 1 },
    ]);
    clock.advance(86_400_000);
    const yesterday = await app.post('message/get_statistics', { time_type: 1 });
    expect(yesterday.statistics[0].count).toBe(7);
    expect((await app.post('message/get_statistics', { time_type: 0 })).statistics[0].count).toBe(0);
    expect((await app.post('message/get_statistics', { time_type: 2 })).errcode).toBe(40058);
  });
});
