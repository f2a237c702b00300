// Training through the services against the simulator: required learners on a synced, ended live
// (a department with its sub-departments + one person), absentees and the reminder following them,
// series from a repeated live (each create sent once; a failure mid-way says what was created).
import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimLive, SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { rejection, startCorpSuite, stopCorpSuite, tempDir, waitFor } from './helpers.ts';

const CREATE = '/cgi-bin/living/create';

describe('training', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
    // the start-up refresh writes watch rows: compare figures only once it is over
    await waitFor(async () => (await client.call('sync.status', {})).jobs.every((j) => j.state !== 'running'), 'the start-up sync to end');
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  it('required learners of a synced, ended live: statuses, absentees and the reminder', async () => {
    const ended = (await client.call('lives.list', { status: [2] })).lives.find((l) => l.viewerNum > 5)!;
    const before = await client.call('training.live', { livingid: ended.livingid });
    expect(before).toMatchObject({ required: null, ended: true, counts: { required: 0 } });

    const { departments } = await client.call('org.departments', {});
    const parent = departments.find((d) => d.parentId !== 0 && departments.some((c) => c.parentId === d.id))!;
    const outsider = (await client.call('users.search', { status: 1, limit: 1000 })).rows.find(
      (u) => !u.departments.some((id) => id === parent.id || departments.some((c) => c.id === id && c.parentId === parent.id)),
    )!;
    await client.call('training.setRequired', {
      livingid: ended.livingid,
      required: { departments: [{ id: parent.id, withSub: true }], tagIds: [], userids: [outsider.userid] },
    });
    const after = await client.call('training.live', { livingid: ended.livingid });
    expect(after.requiredSource).toBe('live');
    expect(after.learners.map((l) => l.userid)).toContain(outsider.userid);
    const { counts } = after;
    expect(counts.required).toBeGreaterThan(1);
    expect(counts.completed + counts.partial + counts.absent).toBe(counts.required);
    expect(after.learners.every((l) => l.departmentPath.includes(' / ') || !l.departmentPath)).toBe(true);

    const absentees = await client.call('lives.absentees', { livingid: ended.livingid });
    expect(absentees.total).toBe(counts.absent);
    const analytics = await client.call('lives.analytics', { livingid: ended.livingid });
    expect(analytics.attendance).toEqual({ audience: counts.required, attended: counts.completed + counts.partial, absent: counts.absent });
    if (counts.absent > 0) {
      const reminded = await client.call('lives.remindAbsentees', { livingid: ended.livingid });
      const sent = sim.state.messages.find((m) => m.msgid === reminded.msgid)!;
      // it counts those it reached; those WeCom could not reach (not activated, unlicensed) are named
      expect(reminded.recipients).toBe(sent.recipients.length);
      expect(sent.recipients.length + reminded.invalidUsers.length + reminded.unlicensedUsers.length).toBe(counts.absent);
    }

    // a reminder after the end goes to everyone who has not completed the live: the partly watched too
    expect(counts.partial).toBeGreaterThan(0);
    const notCompleted = after.learners.filter((l) => l.status !== 'completed').map((l) => l.userid.toLowerCase());
    const partlyWatched = after.learners.filter((l) => l.status === 'partial').map((l) => l.userid.toLowerCase());

    // sent by hand to those who have not completed: the same people, in the after-end reminder's words
    const beforeManual = sim.state.messages.length;
    // the preview sends nothing, and shows what goes out
    const preview = await client.call('lives.remindPreview', { livingid: ended.livingid, who: 'incomplete', message: '请本周内看完回放' });
    expect(preview.recipientCount).toBe(notCompleted.length);
    expect(sim.state.messages.length).toBe(beforeManual);
    const manual = await client.call('lives.remindAbsentees', { livingid: ended.livingid, who: 'incomplete', message: '请本周内看完回放' });
    const manualSent = sim.state.messages.slice(beforeManual);
    expect(manualSent).toHaveLength(1);
    const manualReached = manualSent[0]!.recipients;
    expect(manual.recipients).toBe(manualReached.length);
    expect(manualReached.length + manual.invalidUsers.length + manual.unlicensedUsers.length).toBe(notCompleted.length);
    expect(manualReached.every((userid) => notCompleted.includes(userid))).toBe(true);
    expect(manualReached.some((userid) => partlyWatched.includes(userid))).toBe(true);
    const content = (manualSent[0]!.body.text as { content: string }).content;
    expect(content).toMatch(/you have not finished watching it|你尚未完成观看/);
    expect(content).toContain('请本周内看完回放');
    expect(preview.body).toEqual({ msgtype: 'text', content });
    const messagesBefore = sim.state.messages.length;
    const { notice } = await client.call('reminders.schedule', { livingid: ended.livingid, kind: 'after-end', offsetMinutes: 1, note: '' });
    expect(notice.status).toBe('sent');
    const reminders = sim.state.messages.slice(messagesBefore);
    expect(reminders).toHaveLength(1);
    // WeCom delivers to those it can reach (the rest are named not activated or unlicensed)
    const reached = [...reminders[0]!.recipients].map((r) => r.toLowerCase());
    expect(reached.length).toBeGreaterThan(notCompleted.length * 0.9);
    expect(reached.every((userid) => notCompleted.includes(userid))).toBe(true);
    const partly = after.learners.filter((l) => l.status === 'partial').map((l) => l.userid.toLowerCase());
    expect(reached.some((userid) => partly.includes(userid))).toBe(true);
  });

  it('a message its people had within WeCom\'s 4 hours is not sent again, and the person is told when it went', async () => {
    // another ended live than the test above (whose after-end reminder has the words of a hand reminder without a note)
    const ended = (await client.call('lives.list', { status: [2] })).lives.filter((l) => l.viewerNum > 5)[1]!;
    const { departments } = await client.call('org.departments', {});
    const top = departments.filter((d) => d.parentId === 1).sort((a, b) => b.totalUserCount - a.totalUserCount)[0]!;
    await client.call('training.setRequired', { livingid: ended.livingid, required: { departments: [{ id: top.id, withSub: true }], tagIds: [], userids: [] } });
    const notCompleted = (await client.call('training.live', { livingid: ended.livingid })).learners.filter((l) => l.status !== 'completed');
    expect(notCompleted.length).toBeGreaterThan(0);

    // by hand to those who have not completed, without a note: sent once
    const first = sim.state.messages.length;
    expect((await client.call('lives.remindPreview', { livingid: ended.livingid, who: 'incomplete' })).repeatOf).toBeNull();
    await client.call('lives.remindAbsentees', { livingid: ended.livingid, who: 'incomplete' });
    expect(sim.state.messages.length).toBe(first + 1);
    const sentAt = (await client.call('messages.history', { limit: 1 })).rows[0]!.sentAt;

    // the same again: the preview says when it went, the send refuses before anything goes out
    const preview = await client.call('lives.remindPreview', { livingid: ended.livingid, who: 'incomplete' });
    expect(preview.repeatOf).toEqual({ sentAt, until: sentAt + 4 * 3600_000 });
    const refused = await rejection(client.call('lives.remindAbsentees', { livingid: ended.livingid, who: 'incomplete' }));
    expect(refused.error).toMatchObject({ kind: 'validation', code: 'MESSAGE_REPEATED', params: { sentAt, until: sentAt + 4 * 3600_000, context: 'reminder' } });
    // the after-end reminder in the same words to the same people: not sent, and not listed as sent
    const { notice } = await client.call('reminders.schedule', { livingid: ended.livingid, kind: 'after-end', offsetMinutes: 1, note: '' });
    expect(notice).toMatchObject({ status: 'failed', error: { code: 'MESSAGE_REPEATED', params: { sentAt, context: 'reminder' } } });
    expect(sim.state.messages.length).toBe(first + 1);

    // a note makes it another message: sent
    expect((await client.call('lives.remindPreview', { livingid: ended.livingid, who: 'incomplete', message: '周五前看完' })).repeatOf).toBeNull();
    await client.call('lives.remindAbsentees', { livingid: ended.livingid, who: 'incomplete', message: '周五前看完' });
    expect(sim.state.messages.length).toBe(first + 2);

    // a message from the composer: the same text to the same person twice is refused the second time
    const recipients = { userids: [notCompleted[0]!.userid], departmentIds: [], tagIds: [] };
    const body = { msgtype: 'text' as const, content: '明天 9:00 复训' };
    await client.call('messages.send', { recipients, body });
    const again = await rejection(client.call('messages.send', { recipients, body }));
    expect(again.error.code).toBe('MESSAGE_REPEATED');
    expect(sim.state.messages.length).toBe(first + 3);
    const history = (await client.call('messages.history', { limit: 10 })).rows.filter((m) => m.summary === body.content);
    expect(history).toHaveLength(1);
  });

  it('repeats a live weekly into its series: each create sent once; a failure stops and says what was created', async () => {
    const anchor = (await client.call('users.search', { status: 1, limit: 1 })).rows[0]!.userid;
    const start = Math.floor(systemClock.now() / 1000) + 3 * 86_400;
    const { livingid } = await client.call('lives.create', { anchorUserid: anchor, theme: '安全生产（第1期）', livingStart: start, livingDuration: 3600, type: 3 });
    const { id: seriesId } = await client.call('training.seriesSave', { name: '安全生产', livingids: [livingid], threshold: 0.9 });
    await client.call('training.setRequired', { livingid, required: { departments: [], tagIds: [], userids: [anchor] } });

    const creates = sim.stats.calls(CREATE);
    // the second create is refused (no privilege): the third is never sent
    sim.faults.add({ kind: 'errcode', path: CREATE, errcode: 60011, skip: 1, count: 1 });
    const result = await client.call('training.repeatLive', { livingid, every: 'week', count: 3, seriesId: null });
    expect(sim.stats.calls(CREATE) - creates).toBe(2);
    expect(result.created).toHaveLength(1);
    expect(result.created[0]!.livingStart).toBe(start + 7 * 86_400);
    expect(result.failed).toMatchObject({ livingStart: start + 14 * 86_400 });
    expect(result.failed!.error).toMatchObject({ kind: 'wecom', errcode: 60011 });
    expect(result.notAttempted).toEqual([start + 21 * 86_400]);

    // the created live joined the series with the source's required learners
    const series = await client.call('training.seriesGet', { id: seriesId });
    expect(series.lives.map((l) => l.livingid)).toEqual([livingid, result.created[0]!.livingid]);
    expect(series.lives.every((l) => !l.ended && l.counts.required === 1)).toBe(true);
    expect(series.learners.map((l) => [l.userid, l.sessions])).toEqual([[anchor, ['required', 'required']]]);
    expect(series.series.threshold).toBe(0.9);

    // a monthly repeat keeps the day of the month
    const monthly = await client.call('training.repeatLive', { livingid, every: 'month', count: 1, seriesId });
    expect(monthly.failed).toBeNull();
    expect(new Date(monthly.created[0]!.livingStart * 1000).getDate()).toBe(new Date(start * 1000).getDate());
  });

  it('refuses what cannot be done in sentences', async () => {
    const missing = await rejection(client.call('training.seriesGet', { id: 987_654 }));
    expect(missing.error).toMatchObject({ kind: 'not_found', code: 'SERIES_NOT_FOUND' });
    const live = await rejection(client.call('training.setRequired', { livingid: 'no-such-live', required: null }));
    expect(live.error).toMatchObject({ kind: 'not_found', code: 'LIVE_NOT_FOUND' });
    // a second series of a name already kept (spaces and letter case aside); a series keeps its own name
    const first = await client.call('training.seriesSave', { id: null, name: 'Onboarding 入职培训', threshold: null, required: null });
    const taken = await rejection(client.call('training.seriesSave', { id: null, name: '  onboarding 入职培训 ', threshold: null, required: null }));
    expect(taken.error).toMatchObject({ kind: 'validation', code: 'SERIES_NAME_TAKEN', params: { name: 'onboarding 入职培训' } });
    const other = await client.call('training.seriesSave', { id: null, name: 'Onboarding 2', threshold: null, required: null });
    const renamed = await rejection(client.call('training.seriesSave', { id: other.id, name: 'ONBOARDING 入职培训', threshold: null, required: null }));
    expect(renamed.error).toMatchObject({ code: 'SERIES_NAME_TAKEN' });
    await client.call('training.seriesSave', { id: first.id, name: 'Onboarding 入职培训', threshold: 0.7, required: null });
    const names = (await client.call('training.seriesList', {})).series.map((s) => s.name).filter((n) => /onboarding/i.test(n));
    expect(names.sort()).toEqual(['Onboarding 2', 'Onboarding 入职培训']);
  });
});

describe('a repeat of a live that began late', () => {
  const dir = tempDir();
  let suite: Awaited<ReturnType<typeof startCorpSuite>>;
  let source: SimLive;

  beforeAll(async () => {
    suite = await startCorpSuite(dir.path, (sim) => {
      const nowS = Math.floor(systemClock.now() / 1000);
      // an ended live of the last days, made to have begun 4 minutes late and run 10 minutes short
      // before the services first read it
      source = [...sim.state.lives.values()].find(
        (l) => !l.cancelled && !l.neverStarted && l.reserve_start > nowS - 6 * 86_400 && l.reserve_start + l.reserve_living_duration < nowS - 3600 && l.reserve_living_duration > 1800,
      )!;
      expect(source, 'an ended live of the last six days').toBeDefined();
      source.living_start = source.reserve_start + 240;
      source.living_duration = source.reserve_living_duration - 600;
      return {};
    });
    await waitFor(async () => (await suite.client.call('sync.status', {})).jobs.every((j) => j.state !== 'running'), 'the start-up sync to end');
  });
  afterAll(() => stopCorpSuite(suite, dir));

  it('follows its plan: the planned start and length, not the late start and the short run', async () => {
    const { client, sim } = suite;
    expect((await client.call('lives.get', { livingid: source.livingid })).live).toMatchObject({ livingStart: source.reserve_start + 240, reserveStart: source.reserve_start });
    const result = await client.call('training.repeatLive', { livingid: source.livingid, every: 'week', count: 1, seriesId: null });
    expect(result.failed).toBeNull();
    const created = sim.state.lives.get(result.created[0]!.livingid)!;
    expect(created.living_start).toBe(source.reserve_start + 7 * 86_400);
    expect(created.living_duration).toBe(source.reserve_living_duration);
  });
});
