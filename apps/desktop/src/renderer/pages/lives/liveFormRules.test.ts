import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { createClosesAt, descriptionRule, durationRule, measureTheme, startOnDay, startRule, themeRule } from './liveFormRules.ts';

describe('live form rules (WeCom limits)', () => {
  it('theme: required, ≤ 20 characters and ≤ 60 UTF-8 bytes', () => {
    expect(themeRule('   ')?.key).toBe('form.themeRequired');
    expect(themeRule('a'.repeat(20))).toBeNull();
    expect(themeRule('a'.repeat(21))).toEqual({ key: 'form.themeTooManyChars', values: { max: 20, count: 21 } });
    expect(themeRule('培'.repeat(20))).toBeNull(); // 60 bytes exactly
    expect(themeRule('😀'.repeat(16))).toEqual({ key: 'form.themeTooManyBytes', values: { max: 60, count: 64 } });
    expect(measureTheme('  新员工 ')).toMatchObject({ chars: 3, bytes: 9, over: false });
  });

  it('description: ≤ 100 characters and ≤ 300 bytes, empty allowed', () => {
    expect(descriptionRule('')).toBeNull();
    expect(descriptionRule('说'.repeat(100))).toBeNull();
    expect(descriptionRule('说'.repeat(101))?.key).toBe('form.descriptionTooManyChars');
    expect(descriptionRule('😀'.repeat(76))).toEqual({ key: 'form.descriptionTooManyBytes', values: { max: 300, count: 304 } });
  });

  it('duration: whole minutes from 1 to 1440', () => {
    expect(durationRule(null)?.key).toBe('form.durationRequired');
    expect(durationRule(0)?.key).toBe('form.durationRange');
    expect(durationRule(1)).toBeNull();
    expect(durationRule(1440)).toBeNull();
    expect(durationRule(1441)?.key).toBe('form.durationRange');
    expect(durationRule(1.5)?.key).toBe('form.durationRange');
  });

  it('start: required and in the future', () => {
    const now = 1_763_700_000_000;
    expect(startRule(null, now)?.key).toBe('form.startRequired');
    expect(startRule(now, now)?.key).toBe('form.startInPast');
    expect(startRule(now + 60_000, now)).toBeNull();
  });
});

describe('a live created on a day picked in the calendar', () => {
  const at = (text: string) => dayjs(text).valueOf();
  const format = (ms: number | null) => (ms === null ? null : dayjs(ms).format('YYYY-MM-DD HH:mm'));

  it('starts today at the next free half hour, a later day at 09:00, never on a past day', () => {
    const now = at('2026-12-06T14:05:00');
    expect(format(startOnDay(dayjs('2026-12-06'), now))).toBe('2026-12-06 14:30');
    expect(format(startOnDay(dayjs('2026-12-07'), now))).toBe('2026-12-07 09:00');
    expect(startOnDay(dayjs('2026-12-05'), now)).toBeNull();
  });

  it('does not take today once no half hour is left in it (Sunday 23:50: the next start is tomorrow)', () => {
    expect(format(startOnDay(dayjs('2026-12-06'), at('2026-12-06T23:20:00')))).toBe('2026-12-06 23:30');
    expect(startOnDay(dayjs('2026-12-06'), at('2026-12-06T23:21:00'))).toBeNull();
    expect(startOnDay(dayjs('2026-12-06'), at('2026-12-06T23:50:00'))).toBeNull();
    expect(format(startOnDay(dayjs('2026-12-07'), at('2026-12-06T23:50:00')))).toBe('2026-12-07 09:00');
    // the last day of a month: the next day is the 1st
    expect(format(startOnDay(dayjs('2027-01-01'), at('2026-12-31T23:30:00')))).toBe('2027-01-01 09:00');
  });

  it('names the instant a day stops taking new lives: the first at which startOnDay is null', () => {
    for (const day of ['2026-12-06', '2026-12-31', '2027-02-28']) {
      const closes = createClosesAt(dayjs(day));
      expect(dayjs(closes).format('YYYY-MM-DD HH:mm:ss.SSS')).toBe(`${day} 23:21:00.000`);
      expect(startOnDay(dayjs(day), closes - 1)).not.toBeNull();
      expect(startOnDay(dayjs(day), closes)).toBeNull();
    }
  });
});
