import { systemClock } from '@wld/clock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import '../test-support/jsdom.ts';
import { fakeApi } from '../test-support/fakeApi.ts';
import { defaultSettings } from '../../shared/settings.ts';
import type { ConnectionState } from '../../shared/models.ts';
import { initialConnectionState, useConnectionStore } from '../stores/connection.ts';
import { App } from './App.tsx';

vi.mock('../api/client.ts', async () => (await import('../test-support/fakeApi.ts')).fakeClientModule());

const offline: ConnectionState = {
  state: 'offline',
  asOf: new Date(2026, 10, 20, 9, 30).getTime(),
  since: systemClock.now(),
  lastError: { kind: 'network', code: 'NETWORK', message: '无法连接 qyapi.weixin.qq.com' },
};

beforeEach(() => {
  fakeApi.reset();
  useConnectionStore.setState(initialConnectionState);
  window.location.hash = '#/';
  fakeApi.handleMain('settings.get', () => defaultSettings());
  fakeApi.handleMain('window.ready', () => ({ ok: true }));
  fakeApi.handle('connection.state', () => offline);
  fakeApi.handle('sync.status', () => ({ jobs: [], lastSync: {} }));
  fakeApi.handle('stats.home', () => ({
    asOf: offline.asOf,
    stale: false,
    liveNow: [],
    next: [],
    last30Days: { lives: 12, viewers: 3456, watchHours: 789.5, averageCompletion: 0.62 },
    lastSync: { org: null, lives: null, watch: null },
  }));
  fakeApi.handle('lives.list', () => ({ asOf: offline.asOf, stale: false, total: 0, lives: [] }));
  fakeApi.handle('lives.now', () => ({ asOf: offline.asOf, stale: false, live: [], upcoming: [] }));
});

describe('App shell', () => {
  it('shows the offline banner with the data time, reconnects, and tells main it painted', async () => {
    fakeApi.handle('connection.reconnect', () => ({ ...offline, state: 'online', lastError: null }));
    render(<App />);
    const banner = await screen.findByTestId('offline-banner');
    expect(banner).toHaveTextContent('离线：显示的是缓存数据，更新于 2026-11-20 09:30');
    expect(banner).toHaveTextContent('无法连接 qyapi.weixin.qq.com');
    expect(screen.getByTestId('sync-button')).toBeDisabled();
    await waitFor(() => expect(fakeApi.mainCalls.map((c) => c.method)).toContain('window.ready'));
    // Pages are lazy chunks: the first import can take a while on a busy machine.
    expect(await screen.findByTestId('home-stat-viewers', {}, { timeout: 10_000 })).toHaveTextContent('3,456');

    fireEvent.click(within(banner).getByTestId('reconnect-button'));
    await waitFor(() => expect(screen.queryByTestId('offline-banner')).toBeNull());
    expect(screen.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
  });

  it('an address that leads to no page says so and leads home', async () => {
    window.location.hash = '#/no-such-page';
    render(<App />);
    const notFound = await screen.findByTestId('page-not-found', {}, { timeout: 10_000 });
    expect(notFound).toHaveTextContent('页面不存在');
    expect(notFound).not.toHaveTextContent('暂无数据');
    fireEvent.click(within(notFound).getByRole('button', { name: '返回首页' }));
    expect(await screen.findByTestId('page-home', {}, { timeout: 10_000 })).toBeInTheDocument();
  });

  it('switches pages with Ctrl+2 and follows the language from settings.changed', async () => {
    render(<App />);
    await screen.findByTestId('page-home', {}, { timeout: 10_000 });
    fireEvent.keyDown(window, { key: '2', ctrlKey: true });
    await screen.findByTestId('page-lives', {}, { timeout: 10_000 });
    expect(window.location.hash).toBe('#/lives');

    act(() => fakeApi.emitMain('settings.changed', { ...defaultSettings(), language: 'en-US' }));
    await waitFor(() => expect(screen.getByTestId('nav-lives')).toHaveTextContent('Lives'));
  });

  it('announces a services restart', async () => {
    render(<App />);
    await screen.findByTestId('page-home', {}, { timeout: 10_000 });
    act(() => fakeApi.emitMain('services.state', { state: 'restarting', restarts: 2, message: null }));
    expect(await screen.findByTestId('services-notice')).toHaveTextContent('正在重启（第 2 次）');
    act(() => fakeApi.emitMain('services.state', { state: 'running', restarts: 2, message: null }));
    await waitFor(() => expect(screen.queryByTestId('services-notice')).toBeNull());
    expect(await screen.findByText('后台服务已重启，数据已重新加载')).toBeInTheDocument();
  });

  it('does not call a corp switch a crash: no restart banner, no "restarted" message', async () => {
    render(<App />);
    await screen.findByTestId('page-home', {}, { timeout: 10_000 });
    act(() => fakeApi.emitMain('services.state', { state: 'restarting', cause: 'profileSwitch', restarts: 1, message: 'Switching to the profile "Beta".' }));
    expect(screen.queryByTestId('services-notice')).toBeNull();
    act(() => fakeApi.emitMain('services.state', { state: 'running', restarts: 1, message: null }));
    // a crash after it is still told
    act(() => fakeApi.emitMain('services.state', { state: 'restarting', cause: 'crash', restarts: 2, message: null }));
    expect(await screen.findByTestId('services-notice')).toHaveTextContent('正在重启（第 2 次）');
    expect(screen.queryByText('后台服务已重启，数据已重新加载')).toBeNull();
  });
});
