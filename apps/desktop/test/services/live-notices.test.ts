import { describe, expect, it } from 'vitest';
import { absenteeReminder } from '../../src/services/handlers/live-notices.ts';

const live = { theme: '年中大促直播', livingStart: 1_796_000_000, livingDuration: 3600, description: '' };

describe('absenteeReminder', () => {
  it('is worded in the language it is sent in, with that language\'s punctuation', () => {
    const zh = absenteeReminder(live, 'zh-CN', undefined).content;
    const en = absenteeReminder(live, 'en-US', undefined).content;
    expect(zh).toMatch(/^您尚未观看直播「年中大促直播」（.+）$/);
    expect(en).toMatch(/^You have not watched the live "年中大促直播" \(.+\)$/);
    expect(en).not.toMatch(/[「」（）]/);
  });

  it('puts the live after a note of the admin\'s own', () => {
    expect(absenteeReminder(live, 'en-US', 'Please watch the replay').content).toMatch(/^Please watch the replay\n"年中大促直播" \(.+\)$/);
  });
});
