import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { connect } from './helpers.ts';
import type { TestClient } from './helpers.ts';

let sim: SimServer;
let app: TestClient;
let other: TestClient;
let members: string[];

beforeAll(async () => {
  sim = await startSimulator({ seed: 31 });
  app = await connect(sim);
  other = await connect(sim, sim.apps[1]!.secret);
  members = sim.state.userList
    .filter((u) => u.status === 1)
    .slice(0, 6)
    .map((u) => u.userid);
});
afterAll(() => sim.close());

describe('appchat', () => {
  it('creates, reads, updates and sends to a chat', async () => {
    const created = await app.post('appchat/create', {
      name: '直播筹备群',
      owner: members[0],
      userlist: members.slice(0, 3),
      chatid: 'livePrep01',
    });
    expect(created).toMatchObject({ errcode: 0, chatid: 'livePrep01' });
    const got = await app.get('appchat/get', { chatid: 'livePrep01' });
    expect(got.chat_info).toEqual({
      chatid: 'livePrep01',
      name: '直播筹备群',
      owner: members[0],
      userlist: members.slice(0, 3),
    });

    const updated = await app.post('appchat/update', {
      chatid: 'livePrep01',
      name: '直播筹备群（新）',
      owner: members[3],
      add_user_list: [members[3], members[4]],
      del_user_list: [members[0]],
    });
    expect(updated.errcode).toBe(0);
    const after = (await app.get('appchat/get', { chatid: 'livePrep01' })).chat_info;
    expect(after).toMatchObject({ name: '直播筹备群（新）', owner: members[3] });
    expect([...after.userlist].sort()).toEqual([members[1], members[2], members[3], members[4]].sort());

    const sent = await app.post('appchat/send', {
      chatid: 'livePrep01',
      msgtype: 'text',
      text: { content: '今晚彩排' },
    });
    expect(sent.errcode).toBe(0);
    expect(sim.state.appchatMessages.at(-1)).toMatchObject({
      chatid: 'livePrep01',
      msgtype: 'text',
      agentid: 1000002,
    });
  });

  it('generates a chatid and picks an owner from the members when omitted', async () => {
    const created = await app.post('appchat/create', { name: '培训答疑', userlist: members.slice(0, 2) });
    expect(created.chatid).toMatch(/^[0-9a-zA-Z]{1,32}$/);
    expect(members.slice(0, 2)).toContain(sim.state.appchats.get(created.chatid)!.owner);
  });

  it.each([
    [{ userlist: ['__first__'] }, 86006],
    [{ userlist: [] }, 86006],
    [{ name: '群'.repeat(51) }, 86004],
    [{ userlist: ['ghost1', 'ghost2'] }, 86007],
    [{ chatid: 'bad-id!' }, 86001],
    [{ owner: 'ghost' }, 86005],
    [{ owner: '__outsider__' }, 86207],
  ])('create rejects %j with %i', async (overrides, errcode) => {
    const body: Record<string, unknown> = { name: '群', userlist: members.slice(0, 2), ...overrides };
    if (body.owner === '__outsider__') body.owner = members[5];
    if (JSON.stringify(body.userlist) === '["__first__"]') body.userlist = [members[0]];
    expect((await app.post('appchat/create', body)).errcode).toBe(errcode);
  });

  it('refuses a duplicate chatid (86215), an unknown chat (86003) and chats of another app (86008)', async () => {
    await app.post('appchat/create', { userlist: members.slice(0, 2), chatid: 'dupChat' });
    expect(
      (await app.post('appchat/create', { userlist: members.slice(0, 2), chatid: 'dupChat' })).errcode,
    ).toBe(86215);
    expect((await app.get('appchat/get', { chatid: 'nochat' })).errcode).toBe(86003);
    expect((await other.get('appchat/get', { chatid: 'dupChat' })).errcode).toBe(86008);
    expect(
      (await other.post('appchat/send', { chatid: 'dupChat', msgtype: 'text', text: { content: 'x' } }))
        .errcode,
    ).toBe(86008);
  });

  it('update keeps at least two members and an owner inside the chat', async () => {
    await app.post('appchat/create', {
      userlist: members.slice(0, 2),
      owner: members[0],
      chatid: 'smallChat',
    });
    expect(
      (await app.post('appchat/update', { chatid: 'smallChat', del_user_list: [members[1]] })).errcode,
    ).toBe(86006);
    expect(
      (
        await app.post('appchat/update', {
          chatid: 'smallChat',
          add_user_list: [members[2]],
          del_user_list: [members[0]],
        })
      ).errcode,
    ).toBe(86207);
    expect(
      (await app.post('appchat/update', { chatid: 'smallChat', add_user_list: ['ghost'] })).errcode,
    ).toBe(86007);
  });

  it('appchat/send validates msgtype and content', async () => {
    await app.post('appchat/create', { userlist: members.slice(0, 2), chatid: 'sendChat' });
    expect(
      (await app.post('appchat/send', { chatid: 'sendChat', msgtype: 'template_card', template_card: {} }))
        .errcode,
    ).toBe(40008);
    expect(
      (await app.post('appchat/send', { chatid: 'sendChat', msgtype: 'text', text: { content: '' } }))
        .errcode,
    ).toBe(44004);
    expect((await app.post('appchat/send', { msgtype: 'text', text: { content: 'x' } })).errcode).toBe(86201);
  });
});
