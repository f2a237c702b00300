// Writes go to WeCom first, then the cache: lives, audience and reminders, messages with partial
// failures, media, app chats; cancelling a call; the API usage and connection.test.
import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { collect, rejection, tempDir, waitFor, startCorpSuite, stopCorpSuite } from './helpers.ts';

const nobody = { userids: [] as string[], departmentIds: [] as number[], tagIds: [] as number[] };

describe('writes', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();
  let people: string[] = [];

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
    people = (await client.call('users.search', { status: 1, sort: 'userid', limit: 10 })).rows.map((u) => u.userid);
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  it('lives.create: WeCom first, then the cache, with the audience; the invitation is its created notice', async () => {
    const changed = collect(client, 'changed');
    const start = Math.floor(systemClock.now() / 1000) + 2 * 86_400;
    const audience = { userids: people.slice(0, 3), departmentIds: [], tagIds: [] };
    const created = await client.call('lives.create', {
      anchorUserid: people[0]!,
      theme: '季度培训',
      livingStart: start,
      livingDuration: 5400,
      type: 3,
      description: '请准时参加',
      audience,
    });
    expect(sim.state.lives.get(created.livingid)?.theme).toBe('季度培训');
    const listed = await client.call('lives.list', { query: '季度培训' });
    expect(listed.lives.map((l) => l.livingid)).toEqual([created.livingid]);
    expect(listed.lives[0]).toMatchObject({ status: 0, type: 3, livingStart: start, livingDuration: 5400 });
    const detail = await client.call('lives.get', { livingid: created.livingid });
    expect(detail.audience).toEqual(audience);

    // nothing is sent by the create itself: the invitation goes out when the admin sends the notice
    expect(sim.state.messages.filter((m) => JSON.stringify(m.body).includes('季度培训'))).toHaveLength(0);
    const { notice } = await client.call('notices.send', { livingid: created.livingid, kind: 'created', addToCalendar: false });
    expect(notice).toMatchObject({ kind: 'created', status: 'sent', recipientCount: 3 });
    const invited = (await client.call('messages.history', {})).rows[0]!;
    const sent = sim.state.messages.find((m) => m.msgid === invited.msgid)!;
    expect(sent.msgtype).toBe('textcard');
    expect([...sent.recipients].sort()).toEqual(audience.userids.map((u) => u.toLowerCase()).sort());
    expect(JSON.stringify(sent.body)).toContain('季度培训');
    const history = await client.call('messages.history', {});
    expect(history.rows[0]).toMatchObject({ origin: 'live-invite', msgid: invited.msgid, msgtype: 'textcard' });
    await waitFor(() => changed.some((c) => c.topics.includes('lives')), 'a lives change event');

    // a live still to come has required learners (its audience) but nobody is absent yet: no reminder
    const absentees = await client.call('lives.absentees', { livingid: created.livingid });
    expect(absentees.total).toBe(0);
    const training = await client.call('training.live', { livingid: created.livingid });
    expect(training).toMatchObject({ ended: false, requiredSource: 'audience', counts: { required: 3, absent: 0 } });
    const early = await rejection(client.call('lives.remindAbsentees', { livingid: created.livingid, message: '别忘了' }));
    expect(early.error).toMatchObject({ kind: 'validation' });
    expect(early.error.message).toMatch(/has not ended/);

    // modify and cancel go to WeCom and come back through the cache
    const modified = await client.call('lives.modify', { livingid: created.livingid, theme: '季度培训（改）' });
    expect(modified.live.theme).toBe('季度培训（改）');
    expect(sim.state.lives.get(created.livingid)?.theme).toBe('季度培训（改）');
    await client.call('lives.cancel', { livingid: created.livingid });
    expect((await client.call('lives.get', { livingid: created.livingid })).live.status).toBe(4);
    const again = await rejection(client.call('lives.cancel', { livingid: created.livingid }));
    expect(again.error).toMatchObject({ kind: 'wecom', code: 'WECOM_92006', errcode: 92006 });
  });

  it("lives.modify changes only what it names: a synced live keeps WeCom's reminder, type and description", async () => {
    // a reserved live made in WeCom, not by this app: get_living_info does not say its reminder
    const inWeCom = [...sim.state.lives.values()].find((l) => !l.cancelled)!;
    const start = Math.floor(systemClock.now() / 1000) + 3 * 86_400;
    Object.assign(inWeCom, { living_start: start, reserve_start: start, remind_time: 600, description: '在企业微信里写的介绍', type: 3 });
    const { livingid, remind_time, description, type, theme, anchor_userid, living_duration } = inWeCom;
    // as a lives sync stores it: living_info, which has no remind_time
    services.runtime.core.context.cache().upsertLives([{ livingid, theme, anchor_userid, living_start: start, living_duration, status: 0, description, type }]);
    expect((await client.call('lives.get', { livingid })).live.remindTime).toBeNull();
    // what the form sends for such a live: every field it shows, and no reminder
    const modified = await client.call('lives.modify', { livingid, theme: '改过的主题' });
    expect(modified.live.theme).toBe('改过的主题');
    expect(sim.state.lives.get(livingid)).toMatchObject({ theme: '改过的主题', remind_time, description, type });
    expect(modified.live.remindTime).toBeNull();
  });

  it('absentees of a past live are the audience members without a watch row', async () => {
    const ended = (await client.call('lives.list', { status: [2] })).lives.find((l) => l.viewerNum > 5)!;
    const viewers = (await client.call('lives.watchStats', { livingid: ended.livingid, kind: 'internal', limit: 1000 })).rows.map((r) => r.id);
    const watched = new Set(viewers);
    // people who left (status 5) are nobody's absentees
    const all = (await client.call('users.search', { status: 1, limit: 1000 })).rows.map((u) => u.userid);
    const absent = all.filter((u) => !watched.has(u)).slice(0, 2);
    services.runtime.core.context.cache().setLiveAudience(ended.livingid, { userids: [...viewers.slice(0, 2), ...absent], departmentIds: [], tagIds: [] });
    const result = await client.call('lives.absentees', { livingid: ended.livingid });
    expect(result.total).toBe(2);
    expect(result.byDepartment.flatMap((d) => d.users.map((u) => u.userid)).sort()).toEqual([...absent].sort());
    const analytics = await client.call('lives.analytics', { livingid: ended.livingid });
    expect(analytics.attendance).toEqual({ audience: 4, attended: 2, absent: 2 });
  });

  it('messages.send records partial failures; an all-invalid send fails and records nothing', async () => {
    const result = await client.call('messages.send', {
      recipients: { userids: [people[1]!, 'ghost-user'], departmentIds: [1, 99999], tagIds: [99999] },
      body: { msgtype: 'text', content: '部分失败测试' },
    });
    expect(result.invalidUsers).toEqual(['ghost-user']);
    expect(result.invalidParties).toEqual(['99999']);
    expect(result.invalidTags).toEqual(['99999']);
    const history = await client.call('messages.history', { limit: 5 });
    expect(history.rows[0]).toMatchObject({ id: result.id, origin: 'manual', summary: '部分失败测试' });
    expect(history.rows[0]!.result.invalidUsers).toEqual(['ghost-user']);

    const all = await rejection(
      client.call('messages.send', { recipients: { ...nobody, userids: ['ghost-a', 'ghost-b'] }, body: { msgtype: 'text', content: 'x' } }),
    );
    expect(all.error).toMatchObject({ kind: 'wecom', errcode: 81013 });
    expect((await client.call('messages.history', {})).total).toBe(history.total);

    await client.call('messages.recall', { msgid: result.msgid! });
    expect((await client.call('messages.history', { limit: 5 })).rows[0]!.recalledAt).not.toBeNull();
  });

  it('media.upload then an image message; app chats', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(64).fill(7)]);
    const media = await client.call('media.upload', { type: 'image', filename: 'notice.png', contentType: 'image/png', data: png });
    expect(sim.state.media.has(media.mediaId)).toBe(true);
    const sent = await client.call('messages.send', {
      recipients: { ...nobody, userids: [people[2]!] },
      body: { msgtype: 'image', mediaId: media.mediaId },
    });
    expect(sent.msgid).toBeTruthy();

    const { chat } = await client.call('appchat.create', { name: '培训群', userlist: people.slice(0, 3) });
    expect(chat.owner).not.toBe('');
    expect(sim.state.appchats.get(chat.chatid)?.name).toBe('培训群');
    const updated = await client.call('appchat.update', { chatid: chat.chatid, addUsers: [people[4]!] });
    expect(updated.chat.userlist).toContain(people[4]);
    expect((await client.call('appchat.list', {})).chats.map((c) => c.chatid)).toEqual([chat.chatid]);
    const before = sim.state.appchatMessages.length;
    await client.call('appchat.send', { chatid: chat.chatid, body: { msgtype: 'markdown', content: '**开课啦**' } });
    expect(sim.state.appchatMessages.length).toBe(before + 1);
  });

  it('a cancelled call rejects with kind cancelled', async () => {
    const fault = sim.faults.add({ kind: 'latency', path: '/cgi-bin/message/get_statistics', latencyMs: 5_000 });
    try {
      const controller = new AbortController();
      const call = client.call('messages.statistics', { timeType: 0 }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(call);
      expect(error.error.kind).toBe('cancelled');
    } finally {
      sim.faults.remove(fault);
    }
    const stats = await client.call('messages.statistics', { timeType: 0 });
    expect(stats.rows.some((r) => r.agentid === sim.apps[0]!.agentId)).toBe(true);
  });

  it('apiUsage.stats reports calls, budgets and the last errors with their explanation', async () => {
    const stats = await client.call('apiUsage.stats', {});
    // this connection's calls, and it says since when
    expect(stats.period).toBe('session');
    expect(stats.since).toBeLessThanOrEqual(Date.now());
    expect(stats.total).toBeGreaterThan(10);
    expect(stats.success + stats.errors).toBe(stats.total);
    expect(stats.endpoints.some((e) => e.endpoint.includes('message/send'))).toBe(true);
    expect(stats.budgets.length).toBeGreaterThan(0);
    const invalid = stats.lastErrors.find((e) => e.errcode === 81013);
    expect(invalid?.message).toMatch(/81013/);
    expect(invalid?.hint).toBeTruthy();
    // nothing secret in the answer
    expect(JSON.stringify(stats)).not.toContain(sim.apps[0]!.secret);
  });

  it('connection.test uses inline credentials once and stores nothing', async () => {
    const good = await client.call('connection.test', { corpId: sim.corpId, agentId: sim.apps[0]!.agentId, secret: sim.apps[0]!.secret, baseUrl: sim.url });
    expect(good.ok).toBe(true);
    const bad = await client.call('connection.test', { corpId: sim.corpId, agentId: sim.apps[0]!.agentId, secret: 'wrong-secret', baseUrl: sim.url });
    expect(bad).toMatchObject({ ok: false, errcode: 40001 });
    const status = await client.call('secrets.status', { profileId: 'acme' });
    expect(JSON.stringify(status)).not.toContain('wrong-secret');
    expect(await services.runtime.core.context.vault.get('acme', 'connection-test')).toBeNull();
  });

  it('cache.info and cache.clear', async () => {
    const info = await client.call('cache.info', {});
    expect(info.bytes).toBeGreaterThan(0);
    expect(Object.values(info.rows).some((n) => n > 0)).toBe(true);
    await client.call('cache.clear', {});
    expect((await client.call('lives.list', {})).lives).toEqual([]);
  });
});
