// Calendar logic shared by the services and the renderer: days, weeks and months in the local time
// zone, the first day of the week per language, and how times are written for people and for file
// names. Both sides run on the same machine, so "local" is the same zone for both; what is shown or
// exported says which zone that is.
import dayjs, { type Dayjs } from 'dayjs';

export type WeekStartDay = 0 | 1;

/** WeCom admins in China start weeks on Monday; English (US) calendars on Sunday. */
export function weekStartsOn(language: string): WeekStartDay {
  return language.toLowerCase().startsWith('en') ? 0 : 1;
}

/** 'YYYY-MM-DD' of the local day holding `ms`. */
export const dayKey = (ms: number): string => dayjs(ms).format('YYYY-MM-DD');

export function startOfDay(ms: number): Dayjs {
  return dayjs(ms).startOf('day');
}

/** 00:00 of the first day of the week holding `ms`. */
export function startOfWeek(ms: number, firstDay: WeekStartDay): Dayjs {
  const d = startOfDay(ms);
  return d.subtract((d.day() - firstDay + 7) % 7, 'day');
}

/** The 6-week grid a month calendar draws: [first shown day, first day after], unix seconds. */
export function monthGrid(ms: number, firstDay: WeekStartDay): [number, number] {
  const from = startOfWeek(dayjs(ms).startOf('month').valueOf(), firstDay);
  return [from.unix(), from.add(42, 'day').unix()];
}

/** The local zone's offset from UTC at `ms`, in seconds (east positive). */
export function utcOffsetSeconds(ms: number): number {
  return dayjs(ms).utcOffset() * 60;
}

/** A day for file names: '20261206'. */
export const fileDay = (ms: number): string => dayjs(ms).format('YYYYMMDD');

/** 'UTC+08:00' for the local zone at `ms`. */
export const utcOffsetLabel = (ms: number): string => `UTC${dayjs(ms).format('Z')}`;

/**
 * A live's time for a message, e.g. "2026/12/7 周一 09:00–10:00 (UTC+08:00)": people reading it on a
 * phone in another zone see which zone the times are in.
 */
export function formatTimeSpanForPeople(startMs: number, endMs: number, language: string): string {
  const day = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).format(startMs);
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false });
  return `${day} ${time.format(startMs)}–${time.format(endMs)} (${utcOffsetLabel(startMs)})`;
}
