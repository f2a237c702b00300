// Lives per week from the overview's days, in weeks that start on the UI language's first day, as the
// lives calendar's weeks do (Monday in 中文, Sunday in English). The services answer per day, so the
// answer does not depend on the language and the start-up query stays the same.
import { startOfWeek, type WeekStartDay } from '../../../shared/dates.ts';
import type { Overview } from './types.ts';

const NOON_MS = 12 * 3600 * 1000;

export interface WeekLives {
  /** 00:00 of the week's first day, unix seconds. */
  weekStart: number;
  lives: number;
}

export function livesPerWeek(trend: Overview['trend'], firstDay: WeekStartDay): WeekLives[] {
  const weeks = new Map<number, number>();
  for (const day of trend) {
    // the day's noon: the services' day starts use one UTC offset, which a DST change moves by an hour
    const week = startOfWeek(day.day * 1000 + NOON_MS, firstDay).unix();
    weeks.set(week, (weeks.get(week) ?? 0) + day.lives);
  }
  return [...weeks].sort((a, b) => a[0] - b[0]).map(([weekStart, lives]) => ({ weekStart, lives }));
}
