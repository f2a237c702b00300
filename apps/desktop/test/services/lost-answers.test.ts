// Writes whose answer WeCom never sends back (the simulator acts, then drops the connection): the
// app reads WeCom back and reports what happened, never does it twice, and says when it cannot know.
import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { rejection, tempDir, startCorpSuite, stopCorpSuite } from './helpers.ts';

describe('writes whose answer is lost', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();
  let anchor = '';

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
    anchor = (await client.call('users.search', { status: 1, sort: 'userid', limit: 1 })).rows[0]!.userid;
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  const livesNamed = (theme: string) => [...sim.state.lives.values()].filter((l) => l.theme === theme);
  const draft = (theme: string, days: number) => ({
    anchorUserid: anchor,
    theme,
    livingStart: Math.floor(systemClock.now() / 1000) + days * 86_400,
    livingDuration: 3600,
  });

  it('a create WeCom acted on is found among the anchor\'s lives and reported as created, once', async () => {
    const fault = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/living/create', count: 1 });
    const created = await client.call('lives.create', draft('丢失答复的直播', 2));
    sim.faults.remove(fault);
    expect(livesNamed('丢失答复的直播').map((l) => l.livingid)).toEqual([created.livingid]);
    expect((await client.call('lives.get', { livingid: created.livingid })).live.theme).toBe('丢失答复的直播');
  });

  it('a create WeCom never received fails with its own error, and a retry creates it once', async () => {
    const fault = sim.faults.add({ kind: 'drop', path: '/cgi-bin/living/create', count: 1 });
    const failed = await rejection(client.call('lives.create', draft('没到企业微信的直播', 3)));
    sim.faults.remove(fault);
    expect(failed.error).toMatchObject({ kind: 'network', code: 'NETWORK_RESET' });
    expect(livesNamed('没到企业微信的直播')).toHaveLength(0);
    await client.call('lives.create', draft('没到企业微信的直播', 3));
    expect(livesNamed('没到企业微信的直播')).toHaveLength(1);
  });

  it('a lost create that cannot be read back says it may exist, and makes nothing more', async () => {
    const lost = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/living/create', count: 1 });
    const unreadable = sim.faults.add({ kind: 'errcode', errcode: 60011, path: '/cgi-bin/living/get_user_all_livingid', count: 1 });
    const failed = await rejection(client.call('lives.create', draft('答复和核对都丢失', 4)));
    sim.faults.remove(lost);
    sim.faults.remove(unreadable);
    expect(failed.error).toMatchObject({ kind: 'network', code: 'LIVE_CREATE_UNKNOWN' });
    expect(livesNamed('答复和核对都丢失')).toHaveLength(1);
  });

  it('a cancel WeCom acted on is reported as done: the live reads cancelled', async () => {
    const { livingid } = await client.call('lives.create', draft('要取消的直播', 5));
    const fault = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/living/cancel', count: 1 });
    await client.call('lives.cancel', { livingid });
    sim.faults.remove(fault);
    expect((await client.call('lives.get', { livingid })).live.status).toBe(4);
  });

  it('a reminder whose answer is lost may have gone out: it says so, and sending it again does not deliver twice', async () => {
    const ended = (await client.call('lives.list', { status: [2] })).lives[0]!;
    const absent = (await client.call('users.search', { status: 1, sort: 'userid', limit: 6 })).rows.map((u) => u.userid);
    const viewers = new Set((await client.call('lives.watchStats', { livingid: ended.livingid, kind: 'internal', limit: 1000 })).rows.map((r) => r.id));
    const audience = absent.filter((u) => !viewers.has(u));
    services.runtime.core.context.cache().setLiveAudience(ended.livingid, { userids: audience, departmentIds: [], tagIds: [] });
    const note = `请看回放 ${ended.livingid}`;
    const delivered = () => sim.state.messages.filter((m) => JSON.stringify(m.body).includes(note));

    const fault = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/message/send', count: 1 });
    const lost = await rejection(client.call('lives.remindAbsentees', { livingid: ended.livingid, message: note }));
    sim.faults.remove(fault);
    expect(lost.error).toMatchObject({ kind: 'network', code: 'REMINDER_UNKNOWN_OUTCOME' });
    expect(delivered()).toHaveLength(1);

    const again = await client.call('lives.remindAbsentees', { livingid: ended.livingid, message: note });
    expect(delivered()).toHaveLength(1);
    expect(again.recipients).toBe(audience.length - again.unlicensedUsers.length - again.invalidUsers.length);
  });

  it('a message whose answer is lost may have been delivered: it says so, and sending it again does not deliver twice', async () => {
    const recipients = { userids: [anchor], departmentIds: [], tagIds: [] };
    const body = { msgtype: 'text' as const, content: '丢失答复的消息' };
    const delivered = () => sim.state.messages.filter((m) => JSON.stringify(m.body).includes('丢失答复的消息'));
    const fault = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/message/send', count: 1 });
    const lost = await rejection(client.call('messages.send', { recipients, body }));
    sim.faults.remove(fault);
    expect(lost.error).toMatchObject({ kind: 'network', code: 'MESSAGE_UNKNOWN_OUTCOME' });
    expect(delivered()).toHaveLength(1);
    await client.call('messages.send', { recipients, body });
    expect(delivered()).toHaveLength(1);
  });

  it('a chat whose create answer is lost is found by the chatid the app chose: one chat, listed', async () => {
    const members = (await client.call('users.search', { status: 1, sort: 'userid', limit: 3 })).rows.map((u) => u.userid);
    const fault = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/appchat/create', count: 1 });
    const { chat } = await client.call('appchat.create', { name: '丢失答复的群', userlist: members });
    sim.faults.remove(fault);
    expect([...sim.state.appchats.values()].filter((c) => c.name === '丢失答复的群').map((c) => c.chatid)).toEqual([chat.chatid]);
    expect((await client.call('appchat.list', {})).chats.map((c) => c.chatid)).toContain(chat.chatid);

    const posted = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/appchat/send', count: 1 });
    const lost = await rejection(client.call('appchat.send', { chatid: chat.chatid, body: { msgtype: 'text', content: '群里的消息' } }));
    sim.faults.remove(posted);
    expect(lost.error).toMatchObject({ kind: 'network', code: 'CHAT_MESSAGE_UNKNOWN' });
  });
});
