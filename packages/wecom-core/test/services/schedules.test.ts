import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WeComClientError, WeComInputError, WeComNetworkError } from '../../src/errors/errors.ts';
import type { ScheduleFields } from '../../src/models/schedule.ts';
import { SCHEDULE_LIMITS } from '../../src/rules/limits.ts';
import { countCalls, rejectionOf, startSimEnv, type SimEnv } from './sim-env.ts';

let env: SimEnv;
let members: string[];
const start = 1_900_000_000;

beforeAll(async () => {
  env = await startSimEnv({ size: { users: 40, departments: 3, lives: 2, maxViewers: 5 } });
  members = env.sim.state.userList.filter((u) => u.status === 1).map((u) => u.userid);
});
afterAll(() => env?.close());

const fields = (extra: Partial<ScheduleFields> = {}): ScheduleFields => ({
  start_time: start,
  end_time: start + 3600,
  attendees: members.slice(0, 3).map((userid) => ({ userid })),
  summary: '新员工入职培训（第3期）',
  description: '企业微信直播',
  reminders: { is_remind: 1, remind_before_event_secs: 900 },
  ...extra,
});

describe('schedules', () => {
  it('adds, reads, updates and cancels a schedule', async () => {
    const id = await env.client.schedules.add(fields());
    const [got] = await env.client.schedules.get([id]);
    expect(got).toMatchObject({ schedule_id: id, summary: '新员工入职培训（第3期）', start_time: start, status: 0 });
    expect(got!.attendees.map((a) => a.userid)).toEqual(members.slice(0, 3));

    expect(await env.client.schedules.update(id, fields({ start_time: start + 600, end_time: start + 4200 }))).toBe(id);
    expect((await env.client.schedules.get([id]))[0]).toMatchObject({ start_time: start + 600, end_time: start + 4200 });

    await env.client.schedules.cancel(id);
    expect((await env.client.schedules.get([id]))[0]!.status).toBe(1);
  });

  it('checks the documented limits before sending anything', async () => {
    const bad: Array<[Partial<ScheduleFields>, string]> = [
      [{ end_time: start - 1 }, 'end_time'],
      [{ summary: '训'.repeat(SCHEDULE_LIMITS.summaryChars + 1) }, 'summary'],
      [{ description: 'x'.repeat(SCHEDULE_LIMITS.descriptionChars + 1) }, 'description'],
      [{ reminders: { is_remind: 1, remind_before_event_secs: 600 } }, 'reminders.remind_before_event_secs'],
      [{ attendees: Array.from({ length: SCHEDULE_LIMITS.attendees + 1 }, (_, i) => ({ userid: `u${i}` })) }, 'attendees'],
      [{ attendees: [{ userid: '张三' }] }, 'attendees[0]'],
      [{ admins: members.slice(0, 4) }, 'admins'],
    ];
    for (const [extra, field] of bad) {
      const { value, calls } = await countCalls(env.sim, () => rejectionOf(env.client.schedules.add(fields(extra))));
      expect(value).toBeInstanceOf(WeComInputError);
      expect((value as WeComInputError).field).toBe(field);
      expect(calls).toBe(0);
    }
    expect(await rejectionOf(env.client.schedules.get([]))).toBeInstanceOf(WeComInputError);
  });

  it('maps another app’s schedule to 90466 with a hint', async () => {
    const id = await env.client.schedules.add(fields());
    const other = env.client.forApp(env.sim.apps[1]!.name);
    const error = await rejectionOf(other.schedules.cancel(id));
    expect(error).toBeInstanceOf(WeComClientError);
    expect((error as WeComClientError).errcode).toBe(90466);
  });

  it('sends an add once when the answer is lost, and retries a read', async () => {
    const before = env.sim.state.schedules.size;
    const fault = env.sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/oa/schedule/add', count: 1 });
    const { value, calls } = await countCalls(env.sim, () => rejectionOf(env.client.schedules.add(fields())));
    env.sim.faults.remove(fault);
    expect(value).toBeInstanceOf(WeComNetworkError);
    expect(calls).toBe(1);
    expect(env.sim.state.schedules.size).toBe(before + 1);

    const id = await env.client.schedules.add(fields());
    env.sim.faults.add({ kind: 'drop', path: '/cgi-bin/oa/schedule/get', count: 1 });
    const read = await countCalls(env.sim, () => env.client.schedules.get([id]));
    expect(read.value[0]!.schedule_id).toBe(id);
    expect(read.calls).toBe(2);
  });
});
