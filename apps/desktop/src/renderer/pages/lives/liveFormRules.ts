// WeCom's limits for a live, checked as the user types (LIVING_LIMITS from @wld/wecom-core/rules, durations from the contract): theme and
// description in characters AND UTF-8 bytes (a Chinese character is 3 bytes), duration bounds, a start
// in the future. Each check returns an i18n key (namespace `lives`) with its values, or null.
import { LIVE_LIMITS } from '../../../shared/live-limits.ts';
import { LIVING_LIMITS, charCount, utf8Bytes } from '@wld/wecom-core/rules';
import { now as clockNow } from '@wld/clock';
import dayjs, { type Dayjs } from 'dayjs';

export interface RuleError {
  key: string;
  values: Record<string, number>;
}

export interface TextMeasure {
  chars: number;
  bytes: number;
  maxChars: number;
  maxBytes: number;
  over: boolean;
}

export function measureText(text: string, maxChars: number, maxBytes: number): TextMeasure {
  const chars = charCount(text);
  const bytes = utf8Bytes(text);
  return { chars, bytes, maxChars, maxBytes, over: chars > maxChars || bytes > maxBytes };
}

export const measureTheme = (theme: string): TextMeasure =>
  measureText(theme.trim(), LIVING_LIMITS.themeChars, LIVING_LIMITS.themeBytes);

export const measureDescription = (description: string): TextMeasure =>
  measureText(description, LIVING_LIMITS.descriptionChars, LIVING_LIMITS.descriptionBytes);

export function themeRule(theme: string | undefined): RuleError | null {
  const text = (theme ?? '').trim();
  if (text === '') return { key: 'form.themeRequired', values: {} };
  const m = measureTheme(text);
  if (m.chars > m.maxChars) return { key: 'form.themeTooManyChars', values: { max: m.maxChars, count: m.chars } };
  if (m.bytes > m.maxBytes) return { key: 'form.themeTooManyBytes', values: { max: m.maxBytes, count: m.bytes } };
  return null;
}

export function descriptionRule(description: string | undefined): RuleError | null {
  const m = measureDescription(description ?? '');
  if (m.chars > m.maxChars) return { key: 'form.descriptionTooManyChars', values: { max: m.maxChars, count: m.chars } };
  if (m.bytes > m.maxBytes) return { key: 'form.descriptionTooManyBytes', values: { max: m.maxBytes, count: m.bytes } };
  return null;
}

export const MIN_DURATION_MINUTES = Math.ceil(LIVE_LIMITS.minDurationSeconds / 60);
export const MAX_DURATION_MINUTES = Math.floor(LIVE_LIMITS.maxDurationSeconds / 60);

export function durationRule(minutes: number | null | undefined): RuleError | null {
  if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return { key: 'form.durationRequired', values: {} };
  if (!Number.isInteger(minutes) || minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
    return { key: 'form.durationRange', values: { min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES } };
  }
  return null;
}

/** The default start of a new live: the next full half hour at least 10 minutes after `nowMs`. */
export function nextStartAfter(nowMs: number): number {
  const start = dayjs(nowMs).add(10, 'minute');
  const rounded = start.minute() <= 30 ? start.minute(30) : start.add(1, 'hour').minute(0);
  return rounded.second(0).millisecond(0).valueOf();
}

const WORKDAY_START_HOUR = 9;

/**
 * The start a live created on `day` from the calendar gets: today the next free half hour, a later
 * day 09:00; null when the day has passed, or is today with no half hour left in it (at 23:50 the
 * next start is tomorrow's 00:30, which is not the day that was picked).
 */
export function startOnDay(day: Dayjs, nowMs: number): number | null {
  const today = dayjs(nowMs).startOf('day');
  const target = day.startOf('day');
  if (target.isBefore(today)) return null;
  if (!target.isSame(today)) return target.hour(WORKDAY_START_HOUR).valueOf();
  const start = nextStartAfter(nowMs);
  return dayjs(start).isSame(today, 'day') ? start : null;
}

/**
 * The first instant (ms) from which `day` takes no new live (startOnDay is null): its last free
 * half hour is gone. Found by bisection over the day, so it follows startOnDay whatever its rule.
 */
export function createClosesAt(day: Dayjs): number {
  let open = day.startOf('day').valueOf() - 1;
  let closed = day.startOf('day').add(1, 'day').valueOf();
  while (closed - open > 1) {
    const middle = Math.floor((open + closed) / 2);
    if (startOnDay(day, middle) === null) closed = middle;
    else open = middle;
  }
  return closed;
}

/** `startMs` and `nowMs` in epoch milliseconds. */
export function startRule(startMs: number | null | undefined, nowMs: number = clockNow()): RuleError | null {
  if (startMs === null || startMs === undefined) return { key: 'form.startRequired', values: {} };
  if (startMs <= nowMs) return { key: 'form.startInPast', values: {} };
  return null;
}


/** Reminder choices in seconds before the start (0 = none). */
export const REMIND_CHOICES = [0, 5 * 60, 15 * 60, 30 * 60, 3600, 2 * 3600, 86_400] as const;
