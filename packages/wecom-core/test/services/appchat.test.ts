import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeComClientError, WeComInputError, WeComPermissionError } from '../../src/errors/errors.ts';
import type { AppchatCreateRequest } from '../../src/services/appchat.ts';
import { countCalls, rejectionOf, startSimEnv, type SimEnv } from './sim-env.ts';

let env: SimEnv;
let members: string[];

beforeAll(async () => {
  env = await startSimEnv({ size: { users: 60, departments: 4, lives: 2, maxViewers: 5 } });
  members = env.sim.state.userList.filter((u) => u.status === 1).map((u) => u.userid);
});
afterAll(() => env?.close());

describe('appchat', () => {
  it('creates, reads, updates and sends to a chat', async () => {
    const chatid = await env.client.appchat.create({
      name: '直播运营群',
      owner: members[0]!,
      userlist: members.slice(0, 3),
    });
    const created = await env.client.appchat.get(chatid);
    expect(created).toMatchObject({ chatid, name: '直播运营群', owner: members[0] });
    expect([...created.userlist].sort()).toEqual(members.slice(0, 3).sort());

    await env.client.appchat.update({
      chatid,
      name: '直播运营二群',
      add_user_list: [members[3]!],
      del_user_list: [members[2]!],
    });
    const updated = await env.client.appchat.get(chatid);
    expect(updated.name).toBe('直播运营二群');
    expect([...updated.userlist].sort()).toEqual([members[0]!, members[1]!, members[3]!].sort());

    await env.client.appchat.send(chatid, { msgtype: 'text', text: { content: '今晚 8 点彩排' } });
    await env.client.appchat.send(
      chatid,
      { msgtype: 'markdown', markdown: { content: '**彩排**' } },
      { safe: 0 },
    );
    const sent = env.sim.state.appchatMessages.filter((m) => m.chatid === chatid);
    expect(sent.map((m) => m.msgtype)).toEqual(['text', 'markdown']);
  });

  it('keeps a chosen chatid', async () => {
    const chatid = await env.client.appchat.create({
      chatid: 'training2024q3',
      userlist: members.slice(0, 2),
    });
    expect(chatid).toBe('training2024q3');
  });

  it('maps an unknown chat to 86003 and a chat of another app to 86008', async () => {
    const missing = await rejectionOf(env.client.appchat.get('nosuchchat'));
    expect(missing).toBeInstanceOf(WeComClientError);
    expect((missing as WeComClientError).errcode).toBe(86003);

    const chatid = await env.client.appchat.create({ userlist: members.slice(0, 2) });
    const other = env.client.forApp(env.sim.apps[1]!.name);
    const foreign = await rejectionOf(
      other.appchat.send(chatid, { msgtype: 'text', text: { content: 'x' } }),
    );
    expect(foreign).toBeInstanceOf(WeComPermissionError);
    expect((foreign as WeComPermissionError).errcode).toBe(86008);
  });

  it('checks members, names and chatids before sending', async () => {
    const cases: [AppchatCreateRequest, string][] = [
      [{ userlist: [members[0]!] }, 'userlist'],
      [{ userlist: [members[0]!, members[0]!] }, 'userlist'],
      [{ name: '群'.repeat(51), userlist: members.slice(0, 2) }, 'name'],
      [{ chatid: 'has-dash', userlist: members.slice(0, 2) }, 'chatid'],
      [{ chatid: 'a'.repeat(33), userlist: members.slice(0, 2) }, 'chatid'],
      [{ owner: members[5]!, userlist: members.slice(0, 2) }, 'owner'],
      [{ userlist: [members[0]!, 'bad id'] }, 'userlist[1]'],
    ];
    for (const [request, field] of cases) {
      const { value: error, calls } = await countCalls(env.sim, () =>
        rejectionOf(env.client.appchat.create(request)),
      );
      expect(error, field).toBeInstanceOf(WeComInputError);
      expect((error as WeComInputError).field).toBe(field);
      expect(calls).toBe(0);
    }
    const sendError = await rejectionOf(
      env.client.appchat.send('ok123', { msgtype: 'text', text: { content: '' } }),
    );
    expect((sendError as WeComInputError).field).toBe('text.content');
  });
});
