import { beforeEach, describe, expect, it } from 'vitest';
import i18n from './i18n/index.ts';
import { axisNumber, formatDuration, formatPercent, liveStatusLabel, liveTypeLabel, replayStatusLabel } from './format.ts';

beforeEach(async () => {
  await i18n.changeLanguage('zh-CN');
});

describe('format', () => {
  it('durations in words', async () => {
    expect(formatDuration(3900)).toBe('1小时5分');
    expect(formatDuration(3600)).toBe('1小时');
    expect(formatDuration(125)).toBe('2分5秒');
    expect(formatDuration(42)).toBe('42秒');
    expect(formatDuration(null)).toBe('–');
    // a live's total watch time runs to thousands of hours
    expect(formatDuration(1525 * 3600 + 44 * 60)).toBe('1,525小时44分');
    await i18n.changeLanguage('en-US');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(1525 * 3600 + 44 * 60)).toBe('1,525 h 44 min');
  });

  it('chart ticks grouped by thousands, with the decimals a scale of hours needs', () => {
    expect(axisNumber(1800)).toBe('1,800');
    expect(axisNumber(0)).toBe('0');
    expect(axisNumber(0.5)).toBe('0.5');
    expect(axisNumber(12500.25)).toBe('12,500.25');
  });

  it('WeCom codes in words', async () => {
    expect(liveStatusLabel(1)).toBe('直播中');
    expect(liveTypeLabel(3)).toBe('企业培训');
    expect(replayStatusLabel(1)).toBe('回放生成中');
    expect(replayStatusLabel(null)).toBe('未开启回放');
    expect(replayStatusLabel(0, false)).toBe('未开启回放');
    // a live still to come, or one cancelled, has no replay to watch whatever WeCom's replay_status says
    expect(replayStatusLabel(0, true, 0)).toBe('直播结束后才有回放');
    expect(replayStatusLabel(0, true, 4)).toBe('直播未举行，无回放');
    expect(replayStatusLabel(0, true, 2)).toBe('回放可看');
    await i18n.changeLanguage('en-US');
    expect(liveStatusLabel(4)).toBe('Cancelled');
  });

  it('percent', () => {
    expect(formatPercent(0.853)).toBe('85.3%');
  });
});
