import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../src/index.ts';
import type { SimServer } from '../src/index.ts';
import { connect } from './helpers.ts';
import type { TestClient } from './helpers.ts';

let sim: SimServer;
let app: TestClient;
let other: TestClient;
let members: string[];
const start = 1_900_000_000;

beforeAll(async () => {
  sim = await startSimulator({ seed: 41, size: { users: 40, departments: 3, lives: 2, maxViewers: 5 } });
  app = await connect(sim);
  other = await connect(sim, sim.apps[1]!.secret);
  members = sim.state.userList
    .filter((u) => u.status !== 5)
    .slice(0, 4)
    .map((u) => u.userid);
});
afterAll(() => sim.close());

const schedule = (extra: Record<string, unknown> = {}) => ({
  start_time: start,
  end_time: start + 3600,
  attendees: members.slice(0, 2).map((userid) => ({ userid })),
  summary: '安全生产培训',
  description: '直播：安全生产培训',
  location: '企业微信直播',
  reminders: { is_remind: 1, remind_before_event_secs: 900 },
  ...extra,
});

describe('oa/schedule', () => {
  it('adds, reads, updates and cancels a schedule', async () => {
    const added = await app.post('oa/schedule/add', { schedule: schedule() });
    expect(added.errcode).toBe(0);
    expect(added.schedule_id).toMatch(/^\w{16,}$/);
    const id = added.schedule_id as string;

    const got = await app.post('oa/schedule/get', { schedule_id_list: [id] });
    expect(got.schedule_list).toHaveLength(1);
    expect(got.schedule_list[0]).toMatchObject({
      schedule_id: id,
      summary: '安全生产培训',
      start_time: start,
      end_time: start + 3600,
      status: 0,
      attendees: members.slice(0, 2).map((userid) => ({ userid, response_status: 0 })),
      reminders: { is_remind: 1, remind_before_event_secs: 900 },
    });

    const updated = await app.post('oa/schedule/update', {
      schedule: { ...schedule({ start_time: start + 7200, end_time: start + 9000 }), schedule_id: id, attendees: [{ userid: members[3] }] },
    });
    expect(updated).toMatchObject({ errcode: 0, schedule_id: id });
    const after = (await app.post('oa/schedule/get', { schedule_id_list: [id] })).schedule_list[0];
    expect(after).toMatchObject({ start_time: start + 7200, end_time: start + 9000, attendees: [{ userid: members[3] }] });

    await app.post('oa/schedule/update', { skip_attendees: 1, schedule: { ...schedule(), schedule_id: id, attendees: [] } });
    expect((await app.post('oa/schedule/get', { schedule_id_list: [id] })).schedule_list[0].attendees).toEqual([
      { userid: members[3], response_status: 0 },
    ]);

    expect(await app.post('oa/schedule/del', { schedule_id: id })).toMatchObject({ errcode: 0 });
    // cancelled schedules are still returned, with status 1
    expect((await app.post('oa/schedule/get', { schedule_id_list: [id] })).schedule_list[0].status).toBe(1);
    expect((await app.post('oa/schedule/update', { schedule: { ...schedule(), schedule_id: id } })).errcode).toBe(90466);
  });

  it('defaults the summary to 新建事件', async () => {
    const { schedule_id } = await app.post('oa/schedule/add', { schedule: { start_time: start, end_time: start + 60 } });
    const got = await app.post('oa/schedule/get', { schedule_id_list: [schedule_id] });
    expect(got.schedule_list[0]).toMatchObject({ summary: '新建事件', attendees: [] });
  });

  it('refuses bad parameters with 40058 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ start_time: undefined }, /start_time is required/],
      [{ end_time: start - 1 }, /end_time is before start_time/],
      [{ summary: '训'.repeat(129) }, /summary exceeds 128/],
      [{ description: 'x'.repeat(1001) }, /description exceeds 1000/],
      [{ location: 'x'.repeat(129) }, /location exceeds 128/],
      [{ reminders: { is_remind: 1, remind_before_event_secs: 600 } }, /remind_before_event_secs/],
      [{ attendees: [{ userid: 'nobody-here' }] }, /unknown userid "nobody-here"/],
      [{ admins: members }, /admins: at most 3/],
    ];
    for (const [extra, detail] of cases) {
      const answer = await app.post('oa/schedule/add', { schedule: schedule(extra) });
      expect(answer.errcode, JSON.stringify(extra).slice(0, 60)).toBe(40058);
      expect(answer.errmsg).toMatch(detail);
    }
    expect((await app.post('oa/schedule/get', { schedule_id_list: [] })).errcode).toBe(40058);
    expect((await app.post('oa/schedule/get', { schedule_id_list: Array.from({ length: 1001 }, (_, i) => `s${i}`) })).errcode).toBe(40058);
  });

  it('keeps a schedule to the app that created it (90466) and knows no unknown id', async () => {
    const { schedule_id } = await app.post('oa/schedule/add', { schedule: schedule() });
    expect((await other.post('oa/schedule/get', { schedule_id_list: [schedule_id] })).errcode).toBe(90466);
    expect((await other.post('oa/schedule/del', { schedule_id })).errcode).toBe(90466);
    expect((await app.post('oa/schedule/del', { schedule_id: 'no-such-schedule' })).errcode).toBe(90466);
    expect((await app.post('oa/schedule/del', { schedule_id, op_mode: 1 })).errcode).toBe(90485);
  });

  it('answers the contacts-sync token with 48002 and a GET with 40035', async () => {
    const contacts = await connect(sim, sim.contactsSecret);
    expect((await contacts.post('oa/schedule/add', { schedule: schedule() })).errcode).toBe(48002);
    expect((await app.get('oa/schedule/get')).errcode).toBe(40035);
  });

  it('acts on a write whose answer is lost (lostAnswer fault)', async () => {
    const before = sim.state.schedules.size;
    const fault = sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/oa/schedule/add', count: 1 });
    await expect(app.post('oa/schedule/add', { schedule: schedule() })).rejects.toThrow();
    sim.faults.remove(fault);
    expect(sim.state.schedules.size).toBe(before + 1);
  });
});
