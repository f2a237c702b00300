// A running sync that waits for a rate-limit window says so in the header, with its reason and end.
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import i18n from '../i18n/index.ts';
import '../test-support/jsdom.ts';
import { useSyncStore } from '../stores/sync.ts';
import { SyncButton } from './SyncButton.tsx';
import { formatDateTime } from '../format.ts';

vi.mock('../api/client.ts', async () => (await import('../test-support/fakeApi.ts')).fakeClientModule());

describe('SyncButton', () => {
  it('shows why a running sync waits, and until when, in the app’s language', async () => {
    await i18n.changeLanguage('en-US');
    const until = 1_800_000_000_000;
    const message = 'WeCom rate limit (45009) on /cgi-bin/user/list: waiting until 10:31:00, then continuing';
    useSyncStore.setState({
      current: {
        jobId: 'sync-org-1',
        scope: 'org',
        state: 'running',
        phase: 'org:users',
        done: 9,
        total: 60,
        label: 'org',
        error: null,
        note: { code: 'WAIT_RATE_LIMIT', params: { errcode: 45009, endpoint: '/cgi-bin/user/list' }, message, until },
        left: 51,
        calls: 12,
      },
    });
    const view = render(
      <AntApp>
        <SyncButton />
      </AntApp>,
    );
    const note = screen.getByTestId('sync-note');
    expect(note).toHaveTextContent(`WeCom rate limit (45009) on /cgi-bin/user/list: waiting until ${formatDateTime(until)}, then continuing`);
    expect(note.dataset['code']).toBe('WAIT_RATE_LIMIT');
    expect(screen.getByTestId('sync-progress')).toHaveTextContent('Syncing: Organisation');
    expect(screen.getByTestId('sync-progress')).toHaveTextContent('15%');
    await i18n.changeLanguage('zh-CN');
    view.rerender(
      <AntApp>
        <SyncButton />
      </AntApp>,
    );
    expect(screen.getByTestId('sync-note')).toHaveTextContent(`企业微信频率限制（45009）/cgi-bin/user/list：等待至 ${formatDateTime(until)} 后继续`);
    expect(screen.getByTestId('sync-progress')).toHaveTextContent('同步中：组织架构');
  });

  it('says "Sync finished" for a sync the person started, not for the services\' own refreshes', async () => {
    await i18n.changeLanguage('en-US');
    const job = (jobId: string, state: 'running' | 'done') =>
      ({ jobId, scope: 'all', state, phase: '', done: state === 'done' ? 1 : 0, total: 1, label: state === 'done' ? 'done' : 'org', error: null }) as const;
    useSyncStore.setState({ current: job('refresh-1', 'running'), startedHere: null });
    render(
      <AntApp>
        <SyncButton />
      </AntApp>,
    );
    // a refresh the services started on their own ends quietly
    useSyncStore.setState({ current: job('refresh-1', 'done') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText('Sync finished')).toBeNull();
    // the one started from the button is announced, even when its end came before sync.start's answer
    useSyncStore.setState({ current: job('mine-2', 'done') });
    useSyncStore.setState({ startedHere: 'mine-2' });
    expect(await screen.findByText('Sync finished')).toBeInTheDocument();
    await i18n.changeLanguage('zh-CN');
  });

  it('says a sync stopped by a rebuilt connection is interrupted, not failed', async () => {
    await i18n.changeLanguage('en-US');
    const job = { jobId: 'sync-all-9', scope: 'all', phase: 'org:users', done: 3, total: 60, label: 'org', note: null, left: 57, calls: 4 } as const;
    useSyncStore.setState({ current: { ...job, state: 'running', error: null } as never });
    render(
      <AntApp>
        <SyncButton />
      </AntApp>,
    );
    useSyncStore.setState({ current: { ...job, state: 'failed', error: { kind: 'cancelled', code: 'CANCELLED', message: 'The request was cancelled' } } as never });
    expect(await screen.findByText(/The sync stopped because the connection to WeCom was set up again/)).toBeInTheDocument();
    expect(screen.queryByText(/Sync failed/)).toBeNull();
    await i18n.changeLanguage('zh-CN');
  });
});
