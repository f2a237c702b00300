import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { renderWithQueries } from '../../test-support/queries.tsx';
import { RpcError } from '../../../shared/rpc-wire.ts';
import { API_USAGE_POLL_MS, useApiUsageStore } from '../../stores/apiUsage.ts';
import type { ApiStats } from '../../stores/apiUsage.ts';
import ApiUsagePage from './ApiUsagePage.tsx';
import { budgetPercent, budgetStatus } from './BudgetList.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const AT = new Date(2026, 10, 21, 9, 30).getTime();

const stats = (over: Partial<ApiStats> = {}): ApiStats => ({
  period: 'session',
  since: AT - 3_600_000,
  total: 1200,
  success: 1188,
  errors: 12,
  successRate: 0.99,
  tokenFetches: 3,
  tokenRefreshes: 1,
  endpoints: [
    { endpoint: '/cgi-bin/user/list_id', calls: 800, errors: 2, p50: 35, p95: 120, p99: 300 },
    { endpoint: '/cgi-bin/living/get_watch_stat', calls: 400, errors: 10, p50: 50, p95: 200, p99: 410 },
  ],
  budgets: [
    { bucket: 'corp-api-minute', used: 950, limit: 1000, windowSeconds: 60 },
    { bucket: 'message-send-day', used: 10, limit: 2000, windowSeconds: 86_400 },
  ],
  lastErrors: [
    {
      at: AT,
      endpoint: '/cgi-bin/gettoken',
      errcode: 40001,
      message: '应用的 Secret 无效',
      hint: 'invalid credential, hint: [1700000000_12_abc]',
    },
    { at: AT - 60_000, endpoint: '/cgi-bin/user/list_id', errcode: null, message: '连接被重置', hint: null },
    { at: AT - 120_000, endpoint: '/cgi-bin/living/get_watch_stat', errcode: 99999, message: '未知错误', hint: 'odd' },
  ],
  ...over,
});

function renderPage() {
  return renderWithQueries(
    <AntApp>
      <ApiUsagePage />
    </AntApp>,
  );
}

beforeEach(() => {
  fakeApi.reset();
  useApiUsageStore.setState({ paused: false });
});
afterEach(() => vi.useRealTimers());

describe('API usage', () => {
  it('shows the last errors explained, with a fix and WeCom\'s request id', async () => {
    fakeApi.handle('apiUsage.stats', () => stats());
    renderPage();
    const table = await screen.findByTestId('api-usage-errors');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    // newest first
    expect(rows[0]).toHaveTextContent('gettoken');
    expect(rows[0]).toHaveTextContent('40001');
    expect(rows[0]).toHaveTextContent('企业微信请求 ID（联系企业微信客服时提供）: invalid credential, hint: [1700000000_12_abc]');
    // the services' message is the table's text again: not shown twice
    expect(rows[0]).not.toHaveTextContent('应用的 Secret 无效');
    // explained from the one errcode table
    expect(within(rows[0]!).getByTestId('error-explanation')).toHaveTextContent('Secret 不正确或凭证无效');
    expect(rows[0]).toHaveTextContent('检查应用的 Secret 是否正确（重置后需更新），并确认应用已启用。');
    // no errcode: a network failure, explained as such
    expect(rows[1]).toHaveTextContent('网络');
    expect(rows[1]).toHaveTextContent('网络请求失败，没有收到企业微信的答复。');
    expect(rows[1]).toHaveTextContent('详情: 连接被重置');
    // an errcode the table does not know: named, with where to look it up
    expect(rows[2]).toHaveTextContent('企业微信错误 99999');
    expect(rows[2]).toHaveTextContent('open.work.weixin.qq.com/devtool/query?e=99999');
  });

  it('shows totals, success rate and the budgets against their limits', async () => {
    fakeApi.handle('apiUsage.stats', () => stats());
    renderPage();
    expect(await screen.findByTestId('api-usage-total-total')).toHaveTextContent('1,200');
    expect(screen.getByTestId('api-usage-total-successRate')).toHaveTextContent('99%');
    expect(screen.getByTestId('api-usage-total-tokenRefreshes')).toHaveTextContent('1');
    const minute = screen.getByTestId('budget-corp-api-minute');
    expect(minute).toHaveTextContent('950 / 1,000（每 1分）');
    expect(minute.querySelector('.ant-progress-status-exception')).not.toBeNull();
    expect(screen.getByTestId('budget-message-send-day').querySelector('.ant-progress-status-exception')).toBeNull();
    expect(within(screen.getByTestId('api-usage-endpoints')).getByText('living/get_watch_stat')).toBeInTheDocument();
  });

  it('says what the figures cover: this connection since when, or the last day of the call log', async () => {
    let answer = stats();
    fakeApi.handle('apiUsage.stats', () => answer);
    const { unmount } = renderPage();
    expect(await screen.findByTestId('api-usage-period')).toHaveTextContent('自 2026-11-21 08:30 连接企业微信以来的调用');
    unmount();
    answer = stats({ period: 'day', since: AT - 86_400_000 });
    renderPage();
    expect(await screen.findByTestId('api-usage-period')).toHaveTextContent('最近 24 小时的调用（本机调用日志；本次连接尚未调用）');
  });

  it('polls again every few seconds and keeps the last numbers on an error', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let calls = 0;
    fakeApi.handle('apiUsage.stats', () => {
      calls += 1;
      if (calls === 2) throw new RpcError({ kind: 'offline', code: 'OFFLINE', params: { context: 'read' }, message: 'Offline: WeCom cannot be reached' });
      return stats({ total: 1000 * calls });
    });
    renderPage();
    expect(await screen.findByTestId('api-usage-total-total')).toHaveTextContent('1,000');
    await act(() => vi.advanceTimersByTimeAsync(API_USAGE_POLL_MS));
    expect(await screen.findByTestId('error-alert')).toHaveTextContent('当前离线：无法连接企业微信，请在连接恢复后重试');
    expect(screen.getByTestId('api-usage-total-total')).toHaveTextContent('1,000');
    await act(() => vi.advanceTimersByTimeAsync(API_USAGE_POLL_MS));
    expect(await screen.findByText('3,000')).toBeInTheDocument();
    expect(screen.queryByTestId('error-alert')).not.toBeInTheDocument();
  });
});

describe('budget levels', () => {
  it('marks 90% and more as exceeded-soon and treats a zero limit as full', () => {
    expect(budgetPercent({ bucket: 'b', used: 45, limit: 50, windowSeconds: 60 })).toBe(90);
    expect(budgetStatus(90)).toBe('exception');
    expect(budgetStatus(75)).toBe('active');
    expect(budgetStatus(10)).toBe('normal');
    expect(budgetPercent({ bucket: 'b', used: 0, limit: 0, windowSeconds: 60 })).toBe(100);
    expect(budgetPercent({ bucket: 'b', used: 3000, limit: 1000, windowSeconds: 60 })).toBe(100);
  });
});
