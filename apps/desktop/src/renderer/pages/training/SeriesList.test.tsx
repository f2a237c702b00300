import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { renderWithQueries } from '../../test-support/queries.tsx';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { useConnectionStore } from '../../stores/connection.ts';
import { SeriesList } from './SeriesList.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const fresh = { asOf: 1_700_000_000_000, stale: false };

beforeEach(() => {
  fakeApi.reset();
  fakeApi.handle('training.seriesList', () => ({ ...fresh, series: [] }) as never);
  fakeApi.handle('training.seriesSuggestions', () => ({ suggestions: [] }) as never);
  useConnectionStore.setState({ state: 'online', servicesState: null });
});

describe('SeriesList', () => {
  it('creates one series when Enter is pressed twice before the answer comes', async () => {
    const user = userEvent.setup();
    let answer: (value: { id: number }) => void = () => undefined;
    fakeApi.handle('training.seriesSave', () => new Promise((resolve) => (answer = resolve)) as never);
    renderWithQueries(
      <AntApp>
        <MemoryRouter initialEntries={['/training']}>
          <SeriesList />
        </MemoryRouter>
      </AntApp>,
    );
    await user.click(screen.getByTestId('series-new'));
    await user.type(await screen.findByTestId('series-name'), '新员工培训{Enter}{Enter}');
    await user.click(screen.getByTestId('series-create'));
    await waitFor(() => expect(fakeApi.callsOf('training.seriesSave')).toHaveLength(1));
    answer({ id: 7 });
    expect(await screen.findByText('系列已创建')).toBeInTheDocument();
    expect(fakeApi.callsOf('training.seriesSave')).toHaveLength(1);
    expect(fakeApi.callsOf('training.seriesSave')[0]?.input).toEqual({ name: '新员工培训', livingids: [] });
  });

  it('says what a series is when there is none, and points at the suggestions when there are some', async () => {
    const page = () => (
      <AntApp>
        <MemoryRouter initialEntries={['/training']}>
          <SeriesList />
        </MemoryRouter>
      </AntApp>
    );
    const { unmount } = renderWithQueries(page());
    expect(await screen.findByText(/系列把一门课的各期直播归在一起/)).toBeInTheDocument();
    unmount();
    fakeApi.handle('training.seriesSuggestions', () => ({ suggestions: [{ name: '新员工入职培训', livingids: ['a', 'b'], themes: ['新员工入职培训（第1期）', '新员工入职培训（第2期）'] }] }) as never);
    renderWithQueries(page());
    expect(await screen.findByText(/或采用下方建议的系列/)).toBeInTheDocument();
    expect(screen.getByTestId('series-suggestions')).toHaveTextContent('新员工入职培训');
  });
});
