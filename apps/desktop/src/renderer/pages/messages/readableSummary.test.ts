import { describe, expect, it } from 'vitest';
import { readableSummary } from './readableSummary.ts';

describe('readableSummary', () => {
  it('shows a recorded textcard description as lines of text', () => {
    const recorded = '直播邀请：季度培训 — <div class="gray">2026/12/8 周二 14:00–15:30</div><div class="normal">季度培训</div><div class="highlight">请准时&amp;参加</div>';
    expect(readableSummary(recorded)).toEqual({
      line: '直播邀请：季度培训 — 2026/12/8 周二 14:00–15:30 · 季度培训 · 请准时&参加',
      full: '直播邀请：季度培训\n2026/12/8 周二 14:00–15:30\n季度培训\n请准时&参加',
    });
  });

  it('leaves plain summaries alone, even with a < in them', () => {
    expect(readableSummary('3 < 5 的说明')).toEqual({ line: '3 < 5 的说明', full: '3 < 5 的说明' });
  });
});
