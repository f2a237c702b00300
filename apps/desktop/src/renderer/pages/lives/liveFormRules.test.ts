import { describe, expect, it } from 'vitest';
import { descriptionRule, durationRule, measureTheme, startRule, themeRule } from './liveFormRules.ts';

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
