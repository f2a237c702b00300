// The same days grouped into Monday weeks (中文) and Sunday weeks (English), empty weeks kept.
import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { livesPerWeek } from './livesPerWeek.ts';

const day = (date: string, lives: number) => ({ day: dayjs(date).unix(), lives, viewers: 0, watchHours: 0 });
const week = (date: string, lives: number) => ({ weekStart: dayjs(date).unix(), lives });

// Saturday 2026-11-28 to Tuesday 2026-12-08: lives on Sunday 29th, Monday 30th (two) and Sunday 6th
const trend = [
  day('2026-11-28', 0),
  day('2026-11-29', 1),
  day('2026-11-30', 2),
  ...['12-01', '12-02', '12-03', '12-04', '12-05'].map((d) => day(`2026-${d}`, 0)),
  day('2026-12-06', 1),
  day('2026-12-07', 0),
  day('2026-12-08', 0),
];

describe('livesPerWeek', () => {
  it('starts weeks on Monday for 中文: a Sunday counts with the week before it', () => {
    expect(livesPerWeek(trend, 1)).toEqual([week('2026-11-23', 1), week('2026-11-30', 3), week('2026-12-07', 0)]);
  });

  it('starts weeks on Sunday for English, as the lives calendar does', () => {
    expect(livesPerWeek(trend, 0)).toEqual([week('2026-11-22', 0), week('2026-11-29', 3), week('2026-12-06', 1)]);
  });

  it('puts a day whose start a DST change moved by an hour into its own week', () => {
    // the services' midnight of Sunday 11-29 under the offset before a change: Saturday 23:00 local
    const shifted = { day: dayjs('2026-11-29').unix() - 3600, lives: 1, viewers: 0, watchHours: 0 };
    expect(livesPerWeek([shifted], 0)).toEqual([week('2026-11-29', 1)]);
  });

  it('keeps every live counted, whichever day starts the week', () => {
    const total = trend.reduce((n, d) => n + d.lives, 0);
    for (const firstDay of [0, 1] as const) expect(livesPerWeek(trend, firstDay).reduce((n, w) => n + w.lives, 0)).toBe(total);
  });
});
