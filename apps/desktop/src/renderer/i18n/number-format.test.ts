// Counts in sentences are grouped by thousands as the app's other numbers are, in both languages;
// plural forms still follow the number, and codes (errcode) are written as they are.
import { afterAll, describe, expect, it } from 'vitest';
import i18n from './index.ts';

afterAll(() => i18n.changeLanguage('zh-CN'));

describe('counts in sentences', () => {
  it('groups them by thousands in both languages', async () => {
    await i18n.changeLanguage('en-US');
    expect(i18n.t('org:users.total', { count: 20_000 })).toBe('20,000 users');
    expect(i18n.t('lives:count', { count: 2_000 })).toBe('2,000 lives');
    expect(i18n.t('lives:detail.absentees.remindTitle', { count: 1 })).toBe(
      'Send a reminder to the 1 member who did not watch?',
    );
    expect(i18n.t('lives:detail.absentees.remindTitle', { count: 12_345 })).toBe(
      'Send a reminder to 12,345 members who did not watch?',
    );
    expect(i18n.t('common:sync.note.WAIT_RATE_LIMIT', { errcode: 45009, until: '10:00' })).toContain(
      '(45009)',
    );
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('org:users.total', { count: 100_000 })).toBe('共 100,000 人');
  });

  it('leaves a count given as text as it is', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('org:users.total', { count: '1,234' as unknown as number })).toBe('共 1,234 人');
  });
});
