// Notices (created / changed / cancelled) and reminders against the simulator: sent once, a lost
// answer is recorded as unknown and a retry cannot deliver twice, the live's calendar schedule
// follows it, and reminders fire on the services' clock across a restart (missed ones are marked).
import { manualClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { reminderRunnerOf } from '../../src/services/notices/reminder-runner.ts';
import { connectClient, rejection, startCorpServices, startCorpSuite, stopCorpSuite, tempDir, waitFor } from './helpers.ts';
import { systemClock } from '@wld/clock';

const MINUTE = 60_000;

describe('notices and reminders', () => {
  const clock = manualClock(systemClock.now());
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();
  let people: string[] = [];

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path, { now: clock.now }));
    people = (await client.call('users.search', { status: 1, sort: 'userid', limit: 10 })).rows.map((u) => u.userid);
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  const runner = () => reminderRunnerOf(services.runtime.core.context);
  const sentWith = (text: string) => sim.state.messages.filter((m) => JSON.stringify(m.body).includes(text));

  async function createLive(theme: string, startInMinutes: number, audienceSize = 3) {
    const { livingid } = await client.call('lives.create', {
      anchorUserid: people[0]!,
      theme,
      livingStart: Math.floor((clock.now() + startInMinutes * MINUTE) / 1000),
      livingDuration: 3600,
      audience: { userids: people.slice(0, audienceSize), departmentIds: [], tagIds: [] },
    });
    return livingid;
  }

  it('previews and sends a change notice once, readable in the history', async () => {
    const livingid = await createLive('消防演练', 3 * 24 * 60);
    await client.call('lives.modify', { livingid, theme: '消防演练（改期）', livingStart: Math.floor((clock.now() + 4 * 86_400_000) / 1000) });

    const preview = await client.call('notices.preview', { livingid, kind: 'changed' });
    expect(preview.recipientCount).toBe(3);
    expect(preview.body).toMatchObject({ msgtype: 'textcard', title: 'Live changed: 消防演练（改期）' });

    const { notice } = await client.call('notices.send', { livingid, kind: 'changed', addToCalendar: false });
    expect(notice).toMatchObject({ status: 'sent', recipientCount: 3, retry: { allowed: false } });
    const sent = sentWith('Live changed: 消防演练（改期）');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body.textcard).toMatchObject(preview.body.msgtype === 'textcard' ? { title: preview.body.title, description: preview.body.description } : {});
    expect([...sent[0]!.recipients].sort()).toEqual(people.slice(0, 3).map((p) => p.toLowerCase()).sort());

    const history = (await client.call('messages.history', {})).rows[0]!;
    expect(history).toMatchObject({ id: notice.messageIds[0], origin: 'live-notice', msgtype: 'textcard' });
    expect(history.summary).not.toMatch(/<div|&lt;/);
    expect(history.summary).toContain('消防演练（改期）');

    const retry = await rejection(client.call('notices.retry', { id: notice.id }));
    expect(retry.error).toMatchObject({ kind: 'validation' });
    expect(sentWith('Live changed: 消防演练（改期）')).toHaveLength(1);
  });

  it('a lost answer is recorded as unknown; the retry does not deliver twice', async () => {
    const livingid = await createLive('信息安全意识', 2 * 24 * 60);
    await client.call('lives.cancel', { livingid });
    const fault = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/message/send', count: 1 });
    const historyBefore = (await client.call('messages.history', {})).total;
    const { notice } = await client.call('notices.send', { livingid, kind: 'cancelled', addToCalendar: false });
    sim.faults.remove(fault);

    // WeCom acted, the app could not know: it says so, and the history has no row it cannot vouch for
    expect(notice.status).toBe('unknown');
    expect(notice.error).toMatchObject({ code: 'NOTICE_UNKNOWN_OUTCOME' });
    expect(notice.retry.allowed).toBe(true);
    expect(sentWith('Live cancelled: 信息安全意识')).toHaveLength(1);
    expect((await client.call('messages.history', {})).total).toBe(historyBefore);

    const retried = (await client.call('notices.retry', { id: notice.id })).notice;
    expect(retried.status).toBe('sent');
    expect(sentWith('Live cancelled: 信息安全意识')).toHaveLength(1);
    const history = await client.call('messages.history', {});
    expect(history.total).toBe(historyBefore + 1);
    expect(history.rows[0]!.msgid).toBe(sentWith('Live cancelled: 信息安全意识')[0]!.msgid);
  });

  it('a refusal is failed (nothing sent) and a retry sends it; after 4 hours an unknown is not retried', async () => {
    const livingid = await createLive('安全生产', 2 * 24 * 60);
    const fault = sim.faults.add({ kind: 'errcode', errcode: 40058, path: '/cgi-bin/message/send', count: 1 });
    const { notice } = await client.call('notices.send', { livingid, kind: 'created', addToCalendar: false });
    sim.faults.remove(fault);
    expect(notice.status).toBe('failed');
    expect(sentWith('Live invitation: 安全生产')).toHaveLength(0);
    expect((await client.call('notices.retry', { id: notice.id })).notice.status).toBe('sent');
    expect(sentWith('Live invitation: 安全生产')).toHaveLength(1);

    sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/message/send', count: 1 });
    const lost = (await client.call('notices.send', { livingid, kind: 'changed', addToCalendar: false })).notice;
    expect(lost.status).toBe('unknown');
    clock.advance(4 * 60 * MINUTE);
    const listed = (await client.call('notices.list', { livingid })).notices.find((n) => n.id === lost.id)!;
    expect(listed.retry).toMatchObject({ allowed: false });
    expect(listed.retry.reason).toBe('window');
    expect((await rejection(client.call('notices.retry', { id: lost.id }))).error).toMatchObject({ kind: 'validation', code: 'NOTICE_RETRY_WINDOW' });
    expect(sentWith('Live changed: 安全生产')).toHaveLength(1);
  });

  it('adds the live to the attendees’ calendars, updates it with the live and cancels it with the live', async () => {
    const livingid = await createLive('新员工入职培训（第3期）', 5 * 24 * 60);
    const { calendar } = await client.call('notices.send', { livingid, kind: 'created', addToCalendar: true });
    expect(calendar).toMatchObject({ state: 'added', error: null });
    const schedule = sim.state.schedules.get(calendar!.scheduleId!)!;
    expect(schedule).toMatchObject({ summary: '新员工入职培训（第3期）', status: 0 });
    expect([...schedule.attendees].sort()).toEqual(people.slice(0, 3).sort());

    const later = Math.floor((clock.now() + 6 * 86_400_000) / 1000);
    await client.call('lives.modify', { livingid, livingStart: later });
    expect(sim.state.schedules.get(calendar!.scheduleId!)).toMatchObject({ startTime: later, endTime: later + 3600 });

    await client.call('lives.cancel', { livingid });
    expect(sim.state.schedules.get(calendar!.scheduleId!)!.status).toBe(1);
    expect((await client.call('notices.list', { livingid })).calendar).toMatchObject({ state: 'cancelled' });
  });

  it('fires a before-start reminder once at its time on the services’ clock', async () => {
    const livingid = await createLive('季度合规培训', 120);
    const { notice } = await client.call('reminders.schedule', { livingid, kind: 'before-start', offsetMinutes: 30, note: '' });
    const live = (await client.call('lives.get', { livingid })).live;
    expect(notice).toMatchObject({ status: 'scheduled', dueAt: (live.livingStart - 30 * 60) * 1000 });
    await runner().tick();
    expect(sentWith('季度合规培训')).toHaveLength(0);

    clock.set(notice.dueAt!);
    await runner().tick();
    await runner().tick();
    const sent = sentWith('季度合规培训');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.msgtype).toBe('text');
    expect((sent[0]!.body.text as { content: string }).content).toMatch(/^Reminder: "季度合规培训" starts .* \(in 30 min\)/);
    const listed = (await client.call('notices.list', { livingid })).notices[0]!;
    expect(listed).toMatchObject({ id: notice.id, status: 'sent', recipientCount: 3 });
    expect((await client.call('messages.history', {})).rows[0]).toMatchObject({ origin: 'live-reminder' });

    // a reminder whose time has passed cannot be scheduled
    const late = await rejection(client.call('reminders.schedule', { livingid, kind: 'before-start', offsetMinutes: 60, note: '' }));
    expect(late.error).toMatchObject({ kind: 'validation' });
  });

  it('across a restart: a due reminder still in time is sent once, one too late is marked missed', async () => {
    const soon = await createLive('数据安全', 60);
    const replay = await createLive('反洗钱培训', 30);
    const early = (await client.call('reminders.schedule', { livingid: soon, kind: 'before-start', offsetMinutes: 50, note: '' })).notice;
    const missed = (await client.call('reminders.schedule', { livingid: soon, kind: 'before-start', offsetMinutes: 20, note: '' })).notice;
    const after = (await client.call('reminders.schedule', { livingid: replay, kind: 'after-end', offsetMinutes: 60, note: '请本周内看完回放' })).notice;

    // a send interrupted by a crash: it may have gone out, so it is never sent again by itself
    const interrupted = services.runtime.core.context.cache().addNotice({ livingid: soon, kind: 'changed', status: 'sending', language: 'en-US' });

    client.close();
    await services.stop();
    // while the app is off: the first reminder's time comes, and the live starts; the replay
    // reminder comes due and is still within its 24 hours
    clock.advance(3 * 60 * MINUTE);
    services = startCorpServices(sim, dir.path, { now: clock.now });
    await services.initialized();
    client = connectClient(services);

    const statusOf = async (livingid: string, id: number) => (await client.call('notices.list', { livingid })).notices.find((n) => n.id === id)!;
    await waitFor(async () => (await statusOf(replay, after.id)).status === 'sent', 'the replay reminder sent at start');
    expect((await statusOf(soon, early.id)).status).toBe('missed');
    expect((await statusOf(soon, missed.id)).error).toMatchObject({ code: 'REMINDER_MISSED' });
    expect(sentWith('数据安全')).toHaveLength(0);
    const replaySent = sentWith('反洗钱培训');
    expect(replaySent).toHaveLength(1);
    expect((replaySent[0]!.body.text as { content: string }).content).toMatch(/^Replay reminder: "反洗钱培训" .*\n请本周内看完回放$/s);

    await runner().tick();
    expect(sentWith('反洗钱培训')).toHaveLength(1);
    expect(await statusOf(soon, interrupted.id)).toMatchObject({ status: 'unknown', retry: { allowed: true } });

    // a missed reminder can be sent by hand, once
    expect((await client.call('notices.retry', { id: early.id })).notice.status).toBe('sent');
    expect(sentWith('数据安全')).toHaveLength(1);
  });

  it('a reminder to absentees at a time already passed goes out now, once, and says so', async () => {
    const livingid = await createLive('消防知识回放', 10);
    const empty = await createLive('无人应参加', 10, 0);
    // the live started 10 min later and lasted an hour: it ended 2 h 50 min ago
    clock.advance(4 * 60 * MINUTE);
    const { notice } = await client.call('reminders.schedule', { livingid, kind: 'after-end', offsetMinutes: 30, note: '请本周内看完回放' });
    // not kept as 'scheduled' (the runner would have marked it missed, "the app was not running")
    expect(notice).toMatchObject({ status: 'sent', kind: 'after-end', recipientCount: 3, offsetSeconds: 1800 });
    expect(sentWith('消防知识回放')).toHaveLength(1);
    expect([...sentWith('消防知识回放')[0]!.recipients].sort()).toEqual(people.slice(0, 3).map((p) => p.toLowerCase()).sort());
    await runner().tick();
    expect(sentWith('消防知识回放')).toHaveLength(1);
    expect((await client.call('notices.list', { livingid })).notices).toMatchObject([{ id: notice.id, status: 'sent' }]);

    // nobody to remind: refused, nothing recorded or sent
    const none = await rejection(client.call('reminders.schedule', { livingid: empty, kind: 'after-end', offsetMinutes: 30, note: '' }));
    expect(none.error).toMatchObject({ kind: 'validation', code: 'REMINDER_NO_ABSENTEES' });
    expect((await client.call('notices.list', { livingid: empty })).notices).toEqual([]);
    expect(sentWith('无人应参加')).toHaveLength(0);

    // a time after the end still to come is scheduled as before
    const later = (await client.call('reminders.schedule', { livingid, kind: 'after-end', offsetMinutes: 4 * 60, note: '' })).notice;
    expect(later.status).toBe('scheduled');
  });

  it('cancels a scheduled reminder, and a cancelled live cancels its reminders', async () => {
    const livingid = await createLive('保密培训', 3 * 60);
    const a = (await client.call('reminders.schedule', { livingid, kind: 'before-start', offsetMinutes: 60, note: '' })).notice;
    const b = (await client.call('reminders.schedule', { livingid, kind: 'after-end', offsetMinutes: 60, note: '' })).notice;
    expect((await client.call('reminders.cancel', { id: a.id })).notice.status).toBe('cancelled');
    await client.call('lives.cancel', { livingid });
    await runner().tick();
    const listed = (await client.call('notices.list', { livingid })).notices;
    expect(listed.find((n) => n.id === b.id)).toMatchObject({ status: 'cancelled' });
    expect((await rejection(client.call('reminders.cancel', { id: a.id }))).error.kind).toBe('validation');
  });

  it('a reminder that finds nobody at its time is not sent and says so; sent again once learners are set, it reaches them', async () => {
    const livingid = await createLive('无人应参加的培训', 90, 0);
    const { notice } = await client.call('reminders.schedule', { livingid, kind: 'before-start', offsetMinutes: 30, note: '' });
    const messagesBefore = sim.state.messages.length;
    clock.set(notice.dueAt!);
    await runner().tick();
    expect(sim.state.messages.length).toBe(messagesBefore);
    const listed = (await client.call('notices.list', { livingid })).notices.find((n) => n.id === notice.id)!;
    // not "sent to 0 people"
    expect(listed).toMatchObject({ status: 'failed', recipientCount: 0, error: { code: 'REMINDER_NO_AUDIENCE' }, retry: { allowed: true } });

    await client.call('training.setRequired', { livingid, required: { departments: [], tagIds: [], userids: people.slice(0, 2) } });
    const retried = (await client.call('notices.retry', { id: notice.id })).notice;
    expect(retried).toMatchObject({ status: 'sent', recipientCount: 2 });
    const sent = sentWith('无人应参加的培训');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.recipients.length).toBe(2);
  });
});
