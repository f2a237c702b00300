import { describe, expect, it } from 'vitest';
import type { WatchStatUser } from '../../src/models/living.ts';
import {
  COMPLETION_EDGES,
  WatchTotalsAccumulator,
  completionRate,
  departmentWatchRows,
  distribution,
  summarizeByDepartment,
  watchTotals,
} from '../../src/services/statistics.ts';

const users: WatchStatUser[] = [
  { userid: 'a', watch_time: 600, is_comment: 1, is_mic: 0 },
  { userid: 'b', watch_time: 3600, is_comment: 0, is_mic: 1 },
  { userid: 'c', watch_time: 0, is_comment: 0, is_mic: 0 },
];

describe('watch statistics helpers', () => {
  it('clamps completion to 0..1 and guards a missing length', () => {
    expect(completionRate(900, 1800)).toBe(0.5);
    expect(completionRate(7200, 1800)).toBe(1);
    expect(completionRate(-5, 1800)).toBe(0);
    expect(completionRate(100, 0)).toBe(0);
    expect(completionRate(100, Number.NaN)).toBe(0);
  });

  it('totals internal and external viewers', () => {
    const totals = watchTotals(users, [
      { external_userid: 'wm1', watch_time: 400, is_comment: 1, is_mic: 1 },
    ]);
    expect(totals).toEqual({
      viewers: 4,
      internalViewers: 3,
      externalViewers: 1,
      totalWatchSeconds: 4600,
      averageWatchSeconds: 1150,
      commenters: 2,
      micUsers: 2,
    });
    expect(watchTotals([]).averageWatchSeconds).toBe(0);
  });

  it('accumulates page by page to the same totals', () => {
    const accumulator = new WatchTotalsAccumulator();
    accumulator.addPage({ stat_info: { users: users.slice(0, 1), external_users: [] } });
    accumulator.addPage({ stat_info: { users: [], external_users: [] } });
    accumulator.addPage({ stat_info: { users: users.slice(1), external_users: [] } });
    expect(accumulator.totals()).toEqual(watchTotals(users));
  });

  it('makes per-department rows, unknown users in department 0', () => {
    const departments: Record<string, number[]> = { a: [2, 3], b: [3] };
    const rows = departmentWatchRows(users, (id) => departments[id], 3600);
    expect(rows.map((r) => [r.department, r.userid])).toEqual([
      [2, 'a'],
      [3, 'a'],
      [3, 'b'],
      [0, 'c'],
    ]);
    expect(departmentWatchRows(users, (id) => departments[id], 3600, { mainOnly: true })).toHaveLength(3);
    const summary = summarizeByDepartment(rows);
    expect(summary[0]).toEqual({
      department: 3,
      viewers: 2,
      totalWatchSeconds: 4200,
      averageCompletion: (600 / 3600 + 1) / 2,
    });
    expect(summary.map((s) => s.department)).toEqual([3, 0, 2]);
  });

  it('buckets values so that counts add up, edges included in the last bucket', () => {
    const values = [0, 0.1, 0.25, 0.5, 0.74, 0.75, 1, 1.2, -0.1];
    const buckets = distribution(values, COMPLETION_EDGES);
    expect(buckets.map((b) => b.count)).toEqual([3, 1, 2, 3]);
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
    expect(() => distribution([1], [1])).toThrow(RangeError);
    expect(() => distribution([1], [0, 2, 1])).toThrow(RangeError);
  });
});
