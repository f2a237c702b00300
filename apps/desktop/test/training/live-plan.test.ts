// A copy or a repeat follows a live's plan: WeCom's reservation where it has one, else its start and length.
import { describe, expect, it } from 'vitest';
import { plannedSchedule, repeatStarts } from '../../src/shared/live-plan.ts';

const at = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

describe('a live as planned', () => {
  it('takes the reservation over the real start and length, and the live itself when there is none', () => {
    const ended = { status: 2 as const, livingStart: at('2026-12-06T12:03:00+08:00'), livingDuration: 86 * 60, reserveStart: at('2026-12-06T12:00:00+08:00'), reserveLivingDuration: 90 * 60 };
    expect(plannedSchedule(ended)).toEqual({ start: at('2026-12-06T12:00:00+08:00'), duration: 90 * 60 });
    expect(plannedSchedule({ ...ended, reserveStart: null, reserveLivingDuration: 0 })).toEqual({ start: ended.livingStart, duration: 86 * 60 });
    // not yet started: its start and length are the plan, as last changed (a reservation may be the first plan)
    expect(plannedSchedule({ ...ended, status: 0 })).toEqual({ start: ended.livingStart, duration: 86 * 60 });
  });

  it('repeats from the planned start, a week or a calendar month apart', () => {
    const live = { status: 2 as const, livingStart: at('2027-01-31T09:05:00+08:00'), livingDuration: 3600, reserveStart: at('2027-01-31T09:00:00+08:00'), reserveLivingDuration: 3600 };
    expect(repeatStarts(live, 'week', 2)).toEqual([at('2027-02-07T09:00:00+08:00'), at('2027-02-14T09:00:00+08:00')]);
    // the end of a month stays the end of the shorter month (dayjs), not a day in the next one
    const monthly = repeatStarts(live, 'month', 1)[0]!;
    expect(new Date(monthly * 1000).getUTCMonth()).toBe(1);
  });
});
