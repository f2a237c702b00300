// A simulator started again over the same seed with the writes of the one before (what the app's Demo
// does at every start): what the API created or changed is there again, answered over HTTP as before,
// and the ids it draws next never repeat one already given out.
import { afterEach, describe, expect, it } from 'vitest';
import { parseSimWrites, startSimulator } from '../src/index.ts';
import type { SimServer, SimWrites } from '../src/index.ts';
import { connect, manualClock } from './helpers.ts';

const SEED = 23;
const SIZE = { users: 60, departments: 5, lives: 8, maxViewers: 20 };
const running: SimServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function start(options: { writes?: SimWrites; onWrite?: () => void; now: () => number }): Promise<SimServer> {
  const sim = await startSimulator({ seed: SEED, size: SIZE, ...options });
  running.push(sim);
  return sim;
}

describe('saved writes', () => {
  it('bring back created and changed lives, messages, chats and schedules, and no id is given out twice', async () => {
    const clock = manualClock();
    let writes = 0;
    const first = await start({ now: clock.now, onWrite: () => writes++ });
    const app = await connect(first);
    const people = first.state.userList.filter((u) => u.status === 1).map((u) => u.userid);
    const nowS = Math.floor(clock.now() / 1000);

    const created = await app.post('living/create', { anchor_userid: people[0], theme: '本机创建的直播', living_start: nowS + 7200, living_duration: 1800 });
    expect(created.errcode).toBe(0);
    const generated = [...first.state.lives.values()].find((l) => first.state.liveStatus(l) === 0 && l.creatorAgentId === first.apps[0]!.agentId)!;
    expect((await app.post('living/modify', { livingid: generated.livingid, theme: '改过的主题' })).errcode).toBe(0);
    const sent = await app.post('message/send', { touser: people.slice(0, 2).join('|'), msgtype: 'text', agentid: first.apps[0]!.agentId, text: { content: '通知' } });
    expect(sent.errcode).toBe(0);
    const chat = await app.post('appchat/create', { name: '周会群', userlist: people.slice(0, 3) });
    expect(chat.errcode).toBe(0);
    const schedule = await app.post('oa/schedule/add', { schedule: { start_time: nowS + 7200, end_time: nowS + 9000, summary: '直播', attendees: [{ userid: people[1] }] } });
    expect(schedule.errcode).toBe(0);
    // reads are not writes
    await app.get('living/get_living_info', { livingid: created.livingid });
    expect(writes).toBe(5);

    // through JSON, as a file keeps them, and an hour later
    const saved = parseSimWrites(JSON.parse(JSON.stringify(first.exportWrites())));
    if (!('writes' in saved)) throw new Error(saved.error);
    await first.close();
    running.splice(0);
    clock.advance(3600_000);
    const second = await start({ now: clock.now, writes: saved.writes });
    const again = await connect(second);

    const live = await again.get('living/get_living_info', { livingid: created.livingid });
    expect(live.errcode).toBe(0);
    expect(live.living_info).toMatchObject({ theme: '本机创建的直播', living_start: nowS + 7200, living_duration: 1800 });
    const listed = await again.post('living/get_user_all_livingid', { userid: people[0] });
    expect(listed.livingid_list).toContain(created.livingid);
    expect((await again.get('living/get_living_info', { livingid: generated.livingid })).living_info.theme).toBe('改过的主题');
    expect((await again.get('appchat/get', { chatid: chat.chatid })).chat_info).toMatchObject({ name: '周会群', userlist: people.slice(0, 3) });
    expect((await again.post('oa/schedule/get', { schedule_id_list: [schedule.schedule_id] })).schedule_list[0]).toMatchObject({ summary: '直播' });
    // the message sent before the restart is recalled, once
    expect((await again.post('message/recall', { msgid: sent.msgid })).errcode).toBe(0);
    expect((await again.post('message/recall', { msgid: sent.msgid })).errcode).toBe(42052);

    // the seeded ids start over: the next live and message must not take the ids given out before
    const next = await again.post('living/create', { anchor_userid: people[0], theme: '重启后创建', living_start: nowS + 10_800, living_duration: 1800 });
    expect(next.errcode).toBe(0);
    expect(next.livingid).not.toBe(created.livingid);
    const nextMessage = await again.post('message/send', { touser: people[0], msgtype: 'text', agentid: second.apps[0]!.agentId, text: { content: '又一条' } });
    expect(nextMessage.msgid).not.toBe(sent.msgid);
    expect((await again.get('living/get_living_info', { livingid: created.livingid })).living_info.theme).toBe('本机创建的直播');
  });

  it('refuses a file that is not its writes with a sentence, and another seed\'s writes', async () => {
    expect(parseSimWrites({ version: 1, seed: SEED, lives: [{ livingid: '' }] })).toEqual({
      error: expect.stringMatching(/^not a simulator's saved writes \(version 1\): lives\.0\.livingid: /),
    });
    expect(parseSimWrites('{}')).toEqual({ error: expect.stringContaining('the file') });
    const clock = manualClock();
    const other = await startSimulator({ seed: SEED + 1, size: SIZE, now: clock.now });
    running.push(other);
    await expect(start({ now: clock.now, writes: other.exportWrites() })).rejects.toThrow(`the saved writes are of the simulator with seed ${SEED + 1}, not ${SEED}`);
  });
});
