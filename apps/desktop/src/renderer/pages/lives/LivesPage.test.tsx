import { systemClock } from '@wld/clock';
import type { MethodInput } from '../../../shared/contract.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries } from '../../test-support/queries.tsx';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { liveFixture } from '../../test-support/live.ts';
import { useConnectionStore } from '../../stores/connection.ts';
import { initialLiveFilters, initialLivesPage, useLivesStore } from '../../stores/lives.ts';
import { useLiveStatusStore } from '../../stores/liveStatus.ts';
import LivesPage from './LivesPage.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const now = Math.floor(systemClock.now() / 1000);
const reserved = liveFixture('lv_reserved');
const onAir = liveFixture('lv_live', { status: 1, livingStart: now - 600, onlineCount: 120 });
const ended = liveFixture('lv_ended', { status: 2, livingStart: now - 86_400, viewerNum: 321, replayStatus: 0 });

beforeEach(() => {
  fakeApi.reset();
  useConnectionStore.setState({ state: 'online', servicesState: null });
  useLivesStore.setState({ filters: initialLiveFilters, page: initialLivesPage, view: 'list', editor: null });
  useLiveStatusStore.setState({ byId: {} });
  fakeApi.handle('lives.list', (input) => {
    const lives = [reserved, onAir, ended].filter((l) => !input.status?.length || input.status.includes(l.status));
    return { asOf: systemClock.now(), stale: false, total: lives.length, lives };
  });
  fakeApi.handle('lives.now', () => ({ asOf: systemClock.now(), stale: false, live: [onAir], upcoming: [reserved] }));
  fakeApi.handle('org.departments', () => ({ asOf: null, stale: false, departments: [] }));
  fakeApi.handle('tags.list', () => ({ asOf: null, stale: false, tags: [] }));
  fakeApi.handle('users.search', () => ({ asOf: null, stale: false, total: 0, rows: [] }));
});

const renderPage = () =>
  renderWithQueries(
    <AntApp>
      <MemoryRouter initialEntries={['/lives']}>
        <LivesPage />
      </MemoryRouter>
    </AntApp>,
  );

describe('LivesPage', () => {
  it('lists lives with their state-dependent actions and live online counts', async () => {
    renderPage();
    const row = await screen.findByTestId('live-row-lv_reserved');
    expect(row).toHaveTextContent('预约中');
    expect(row).toHaveTextContent('企业培训');
    expect(within(row).getByTestId('edit-live-lv_reserved')).toBeEnabled();
    expect(within(screen.getByTestId('live-row-lv_ended')).getByTestId('edit-live-lv_ended')).toBeDisabled();
    expect(within(screen.getByTestId('live-row-lv_ended')).getByTestId('delete-replay-lv_ended')).toBeEnabled();

    // The live-now panel follows live.status events.
    const panel = await screen.findByTestId('live-now-lv_live');
    expect(within(panel).getByTestId('online-count')).toHaveTextContent('120');
    act(() => useLiveStatusStore.getState().apply({ livingid: 'lv_live', status: 1, previousStatus: 1, onlineCount: 345 }));
    expect(within(screen.getByTestId('live-now-lv_live')).getByTestId('online-count')).toHaveTextContent('345');
  });

  it('opens the create form, and disables writes offline with the reason', async () => {
    renderPage();
    await screen.findByTestId('live-row-lv_reserved');
    fireEvent.click(screen.getByTestId('create-live'));
    expect(await screen.findByTestId('live-form')).toBeInTheDocument();

    act(() => useConnectionStore.setState({ state: 'offline' }));
    await waitFor(() => expect(screen.getByTestId('create-live')).toBeDisabled());
    expect(within(screen.getByTestId('live-row-lv_reserved')).getByTestId('cancel-live-lv_reserved')).toBeDisabled();
    expect(screen.getByTestId('live-submit')).toBeDisabled();
  });

  it('asks the services for the page and the sort the admin picks: a new sort starts at the first page', async () => {
    const many = Array.from({ length: 45 }, (_, i) =>
      liveFixture(`lv_${String(i).padStart(2, '0')}`, { status: 2, viewerNum: i }),
    );
    fakeApi.handle('lives.list', (input) => {
      const page = input.page ?? { offset: 0, limit: 20 };
      return {
        asOf: systemClock.now(),
        stale: false,
        total: many.length,
        lives: many.slice(page.offset, page.offset + page.limit),
      };
    });
    renderPage();
    await screen.findByTestId('live-row-lv_00');
    const lastPage = () => (fakeApi.callsOf('lives.list').at(-1)?.input as MethodInput<'lives.list'> | undefined)?.page;
    expect(lastPage()).toMatchObject({ offset: 0, limit: 20, sort: 'start', desc: true });

    fireEvent.click(within(screen.getByTestId('lives-pagination')).getByTitle('2'));
    await screen.findByTestId('live-row-lv_20');
    expect(lastPage()).toMatchObject({ offset: 20, limit: 20, sort: 'start', desc: true });

    const viewers = screen.getByTestId('sort-viewers');
    fireEvent.click(viewers);
    await waitFor(() => expect(lastPage()).toMatchObject({ offset: 0, sort: 'viewers', desc: true }));
    expect(viewers.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(viewers);
    await waitFor(() => expect(lastPage()).toMatchObject({ offset: 0, sort: 'viewers', desc: false }));
    expect(screen.getByTestId('sort-viewers').closest('th')?.getAttribute('aria-sort')).toBe('ascending');
  });

  it('says how far the search for lives has come until every member was asked once, and an empty list without filters is not "no match"', async () => {
    const discovery = { members: 20_000, asked: 1_500, rounds: 0, perHour: 1_500, lastSweepAt: systemClock.now() };
    fakeApi.handle('lives.discovery', () => ({ ...discovery }));
    fakeApi.handle('lives.list', () => ({ asOf: systemClock.now(), stale: false, total: 0, lives: [] }));
    const { unmount } = renderPage();
    const note = await screen.findByTestId('lives-discovery');
    expect(note).toHaveTextContent('已询问 1,500 / 20,000 名成员（8%）');
    expect(note).toHaveTextContent('每小时最多询问 1,500 名成员');
    expect(note).toHaveTextContent('约 13 小时后问完所有成员');
    expect(within(note).getByRole('link', { name: '常用主播' })).toHaveAttribute('href', '/settings');
    expect(await screen.findByText('还没有直播：新建一场，或等同步找到后在此显示')).toBeInTheDocument();
    unmount();

    // a filter set: the same empty list is "nothing matches"; every member asked once: no note
    discovery.rounds = 1;
    useLivesStore.setState({ filters: { ...initialLiveFilters, query: '安全' } });
    renderPage();
    expect(await screen.findByText('没有符合条件的直播')).toBeInTheDocument();
    await waitFor(() => expect(fakeApi.callsOf('lives.discovery').length).toBeGreaterThan(1));
    await waitFor(() => expect(screen.queryByTestId('lives-discovery')).toBeNull());
  });
});
