// The AI bot in the services, against the simulator over a real socket: settings and Secret, status
// events, the trainees' three questions answered from the cache, sign-up / sign-in cards stored per
// live, the offline log, and another PC taking the bot over.
import { BotConnection } from '@wld/wecom-core';
import type { SimServer } from '@wld/wecom-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { BOT_URL_ENV } from '../../src/services/bot/bot-host.ts';
import { startCorpSuite, stopCorpSuite, tempDir } from './helpers.ts';

describe('AI bot', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();
  const previousUrl = process.env[BOT_URL_ENV];

  const nextStatus = (state: string): Promise<void> =>
    new Promise((resolve) => {
      const off = client.on('bot.status', (s) => {
        if (s.state !== state) return;
        off();
        resolve();
      });
    });

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
    process.env[BOT_URL_ENV] = sim.aibotUrl;
    await client.call('sync.start', { scope: 'all' });
  });
  afterAll(async () => {
    if (previousUrl === undefined) delete process.env[BOT_URL_ENV];
    else process.env[BOT_URL_ENV] = previousUrl;
    await stopCorpSuite({ sim, services, client }, dir);
  });

  it('is disabled until configured; BotID, Secret and "this PC hosts the bot" bring it online', async () => {
    expect(await client.call('bot.status', {})).toMatchObject({
      state: 'disabled',
      hostHere: false,
      hasSecret: false,
    });
    const online = nextStatus('online');
    const subscribed = sim.aibot.whenSubscribed();
    const status = await client.call('bot.configure', {
      botId: sim.bots[0]!.botId,
      hostHere: true,
      secret: sim.bots[0]!.secret,
    });
    expect(status).toMatchObject({ botId: sim.bots[0]!.botId, hostHere: true, hasSecret: true });
    expect(JSON.stringify(status)).not.toContain(sim.bots[0]!.secret);
    await Promise.all([online, subscribed]);
    expect(await client.call('bot.status', {})).toMatchObject({ state: 'online', message: null });
  });

  it('answers "when is the next training" from the cache', async () => {
    const { upcoming } = await client.call('lives.now', { horizonHours: 72 });
    const userid = (await client.call('users.search', { status: 1, limit: 1 })).rows[0]!.userid;
    const conversation = sim.aibot.userSays('下一场培训什么时候', { userid });
    await conversation.finished();
    const reserved = upcoming.filter((l) => l.status === 0).sort((a, b) => a.livingStart - b.livingStart);
    const living = (await client.call('lives.now', { horizonHours: 1 })).live;
    if (living.length > 0) expect(conversation.text).toContain('live now');
    else if (reserved[0]) expect(conversation.text).toContain(reserved[0].theme);
    else expect(conversation.text).toMatch(/Next training|No upcoming training/);
    expect(conversation.replies[0]?.body.stream).toMatchObject({ finish: true });
  });

  it('answers "my learning record" with the lives the trainee watched', async () => {
    const users = (await client.call('users.search', { status: 1, limit: 200 })).rows;
    let watcher: { userid: string; watched: number } | null = null;
    for (const u of users) {
      const detail = await client.call('users.get', { userid: u.userid });
      if (detail.watched.length > 0) {
        watcher = { userid: u.userid, watched: detail.watched.length };
        break;
      }
    }
    expect(watcher).not.toBeNull();
    const conversation = sim.aibot.userSays('我的学习记录', { userid: watcher!.userid });
    await conversation.finished();
    expect(conversation.text).toContain(`${watcher!.watched} lives watched`);
    const todo = sim.aibot.userSays('我还有哪些没完成', { userid: watcher!.userid });
    await todo.finished();
    expect(todo.text).toMatch(/^\*\*(Not finished\*\*: \d+|All your trainings are done)/);
  });

  it('a sign-up card pushed into a group: clicks are stored per live and the card is updated', async () => {
    const { lives } = await client.call('lives.list', {});
    const live = lives[0]!;
    sim.aibot.addGroup('wrTrainingGroup');
    await client.call('bot.sendLiveCard', { livingid: live.livingid, chatid: 'wrTrainingGroup' });
    const pushed = sim.aibot.pushes.at(-1)!;
    expect(pushed.chatid).toBe('wrTrainingGroup');
    const card = pushed.body.template_card as { task_id: string; button_list: Array<{ key: string }> };
    expect(card.button_list.map((b) => b.key)).toEqual([
      `signup:${live.livingid}`,
      `signin:${live.livingid}`,
    ]);

    const [a, b] = (await client.call('users.search', { status: 1, limit: 2 })).rows;
    const clicks = [
      sim.aibot.clickCard(`signup:${live.livingid}`, card.task_id, {
        userid: a!.userid,
        chatid: 'wrTrainingGroup',
      }),
      sim.aibot.clickCard(`signup:${live.livingid}`, card.task_id, {
        userid: b!.userid,
        chatid: 'wrTrainingGroup',
      }),
      sim.aibot.clickCard(`signin:${live.livingid}`, card.task_id, {
        userid: a!.userid,
        chatid: 'wrTrainingGroup',
      }),
    ];
    const updates = await Promise.all(clicks.map((c) => c.finished()));
    expect(updates.map((u) => u[0]?.cmd)).toEqual([
      'aibot_respond_update_msg',
      'aibot_respond_update_msg',
      'aibot_respond_update_msg',
    ]);
    expect(updates[0]![0]?.body).toMatchObject({
      userids: [a!.userid],
      template_card: { button_list: [{ text: 'Signed up' }] },
    });

    const signups = await client.call('bot.signups', { livingid: live.livingid });
    expect(signups).toMatchObject({ signedUp: 2, signedIn: 1 });
    expect(signups.rows.find((r) => r.userid === a!.userid)).toMatchObject({ name: a!.name });
  });

  it('reminds the absentees of an ended live in a group chat, with their mentions', async () => {
    const ended = (await client.call('lives.list', { status: [2] })).lives.find((l) => l.viewerNum > 0)!;
    const watched = new Set(
      (
        await client.call('lives.watchStats', { livingid: ended.livingid, kind: 'internal', limit: 1000 })
      ).rows.map((r) => r.id),
    );
    const absent = (await client.call('users.search', { status: 1, limit: 1000 })).rows
      .map((u) => u.userid)
      .filter((u) => !watched.has(u))
      .slice(0, 3);
    services.runtime.core.context
      .cache()
      .setLiveAudience(ended.livingid, { userids: absent, departmentIds: [], tagIds: [] });
    const target = { livingid: ended.livingid, total: absent.length, first: absent[0]! };
    sim.aibot.addGroup('wrReminderGroup');
    const result = await client.call('bot.remindAbsentees', {
      livingid: target.livingid,
      chatid: 'wrReminderGroup',
    });
    expect(result).toEqual({ ok: true, absentees: target.total });
    const pushed = sim.aibot.pushes.at(-1)!;
    expect(pushed.chatid).toBe('wrReminderGroup');
    const content = (pushed.body.markdown as { content: string }).content;
    expect(content).toContain(`${target.total} people have not watched`);
    expect(content).toContain(`<@${target.first}>`);
  });

  it('keeps a browsable log of conversations and events', async () => {
    const conversation = sim.aibot.userSays('hello bot', { userid: sim.state.userList[4]!.userid });
    await conversation.finished();
    const all = await client.call('bot.log', { limit: 500 });
    expect(all.rows.map((r) => r.kind)).toEqual(
      expect.arrayContaining(['state', 'message', 'reply', 'card', 'push']),
    );
    const found = await client.call('bot.log', { query: 'hello bot' });
    expect(found.rows).toHaveLength(1);
    expect(found.rows[0]).toMatchObject({
      kind: 'message',
      direction: 'in',
      userid: sim.state.userList[4]!.userid,
    });
    const replies = await client.call('bot.log', { kind: 'reply', limit: 500 });
    expect(replies.rows.every((r) => r.kind === 'reply')).toBe(true);
    expect(replies.rows[0]?.text).toContain('training assistant');
  });

  it('another PC taking the bot over shows as such; bot.reconnect takes it back', async () => {
    const other = new BotConnection({
      botId: sim.bots[0]!.botId,
      secret: sim.bots[0]!.secret,
      url: sim.aibotUrl,
    });
    const takenOver = nextStatus('taken_over');
    other.start();
    await other.whenOnline();
    await takenOver;
    const status = await client.call('bot.status', {});
    expect(status).toMatchObject({ state: 'taken_over' });
    expect(status.message?.en).toContain('Another PC took over this bot');
    expect(status.message?.zh).toContain('另一台电脑接管了此机器人');

    const otherOut = new Promise<void>((resolve) =>
      other.on('state', (s) => s.state === 'taken_over' && resolve()),
    );
    const back = nextStatus('online');
    await client.call('bot.reconnect', {});
    await Promise.all([back, otherOut]);
    other.stop();
  });

  it('turning "this PC hosts the bot" off closes the connection; the Secret stays in the vault', async () => {
    const disabled = nextStatus('disabled');
    await client.call('bot.configure', { botId: sim.bots[0]!.botId, hostHere: false });
    await disabled;
    expect(await client.call('bot.status', {})).toMatchObject({
      state: 'disabled',
      hasSecret: true,
      hostHere: false,
    });
  });
});
