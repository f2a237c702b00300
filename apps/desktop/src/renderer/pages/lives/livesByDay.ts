// Groups lives by local calendar day ('YYYY-MM-DD'), each day sorted by start time.
import { dayKey } from '../../../shared/dates.ts';
import type { Live } from '../../../shared/models.ts';

export { dayKey };

export function livesByDay(lives: Live[]): Map<string, Live[]> {
  const days = new Map<string, Live[]>();
  for (const live of lives) {
    const key = dayKey(live.livingStart * 1000);
    const list = days.get(key);
    if (list) list.push(live);
    else days.set(key, [live]);
  }
  for (const list of days.values()) list.sort((a, b) => a.livingStart - b.livingStart);
  return days;
}
