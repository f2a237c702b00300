// When a live was planned to start and for how long. A live that took place reports when it really
// began and how long it really ran (a few minutes late, cut short); its reservation keeps the plan.
// A copy or a repeat of a weekly course follows the plan, not last week's delay. The repeat's starts are
// reckoned here once, for the dialog that lists them and the services that create them.
import dayjs from 'dayjs';
import type { Live } from './models.ts';

export function plannedSchedule(live: Pick<Live, 'status' | 'livingStart' | 'livingDuration' | 'reserveStart' | 'reserveLivingDuration'>): { start: number; duration: number } {
  // a live yet to start (or never started, or cancelled) reports its plan as its start and length, as
  // changed last; only one that took place (living, ended) reports what really happened
  const tookPlace = live.status === 1 || live.status === 2;
  return {
    start: tookPlace && live.reserveStart !== null && live.reserveStart > 0 ? live.reserveStart : live.livingStart,
    duration: tookPlace && live.reserveLivingDuration !== null && live.reserveLivingDuration > 0 ? live.reserveLivingDuration : live.livingDuration,
  };
}

/** The starts of the next `count` lives after a live's planned start, a week or a calendar month apart (local time). */
export function repeatStarts(live: Parameters<typeof plannedSchedule>[0], every: 'week' | 'month', count: number): number[] {
  const { start } = plannedSchedule(live);
  return Array.from({ length: count }, (_, i) => dayjs.unix(start).add(i + 1, every).unix());
}
