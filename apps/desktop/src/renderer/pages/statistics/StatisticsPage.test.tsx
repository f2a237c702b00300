import { systemClock } from '@wld/clock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../../test-support/queries.tsx';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { MemoryRouter, Route, Routes, useParams } from 'react-router';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { exportRows } from '../../export/exportRows.ts';
import { useStatisticsStore } from '../../stores/statistics.ts';
import StatisticsPage from './StatisticsPage.tsx';
import type { Overview } from './types.ts';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());
vi.mock('../../export/exportRows.ts', () => ({ exportRows: vi.fn(async () => {}) }));

const overview: Overview = {
  asOf: systemClock.now(),
  stale: false,
  trend: [{ day: 1_763_913_600, lives: 3, viewers: 120, watchHours: 33.5 }],
  completionByDepartment: [{ departmentId: 2, name: '研发部', path: '总公司 / 研发部', direct: false, averageCompletion: 0.8, viewers: 40 }],
  share: { internal: 75, external: 25 },
  topLives: [{ livingid: 'lv-1', theme: '季度复盘', livingStart: 1_763_913_600, viewers: 100, watchHours: 50 }],
  totals: { lives: 3, viewers: 1234, watchHours: 50 },
  unsynced: { lives: 0, viewers: 0, counted: true },
};

function LiveStub() {
  return <div data-testid="live-detail">{useParams().livingid}</div>;
}

function renderPage() {
  renderWithQueries(
    <AntApp>
      <MemoryRouter initialEntries={['/statistics']}>
        <Routes>
          <Route path="/statistics" element={<StatisticsPage />} />
          <Route path="/lives/:livingid" element={<LiveStub />} />
        </Routes>
      </MemoryRouter>
    </AntApp>,
  );
}

beforeEach(() => {
  fakeApi.reset();
  vi.mocked(exportRows).mockClear();
  useStatisticsStore.getState().resetFilters();
  fakeApi.handle('stats.overview', () => overview);
  fakeApi.handle('org.departments', () => ({ asOf: 1, stale: false, departments: [] }));
  fakeApi.handle('users.search', () => ({ asOf: 1, stale: false, total: 0, rows: [] }));
});

describe('statistics page', () => {
  it('asks for the last 30 days, then the last 7 when that preset is picked', async () => {
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByTestId('stats-total-viewers')).toHaveTextContent('1,234');
    expect(screen.getByTestId('stats-total-external')).toHaveTextContent('25%');
    const first = fakeApi.callsOf('stats.overview')[0]?.input as { from: number; to: number };
    expect(Math.round((first.to - first.from) / 86_400)).toBe(30);

    await user.click(screen.getByTestId('stats-preset-7'));
    await waitFor(() => expect(fakeApi.callsOf('stats.overview')).toHaveLength(2));
    const second = fakeApi.callsOf('stats.overview')[1]?.input as { from: number; to: number; type: null };
    expect(Math.round((second.to - second.from) / 86_400)).toBe(7);
    expect(second.type).toBeNull();
  });

  it('opens a live from the top lives table', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByTestId('top-live-lv-1'));
    expect(await screen.findByTestId('live-detail')).toHaveTextContent('lv-1');
  });

  it('exports the chosen data set', async () => {
    const user = userEvent.setup();
    renderPage();
    await screen.findByTestId('top-lives');
    await user.click(screen.getByTestId('export-csv'));
    await waitFor(() => expect(exportRows).toHaveBeenCalledTimes(1));
    const call = vi.mocked(exportRows).mock.calls[0]?.[0];
    expect(call?.format).toBe('csv');
    expect(call?.filename).toMatch(/^观看最多的直播_\d{8}-\d{8}$/);
    expect(call?.rows).toEqual([{ theme: '季度复盘', livingStart: expect.any(String), viewers: 100, watchHours: 50, livingid: 'lv-1' }]);
  });

  it('says which lives count without their watch statistics, and shows their watch hours as unknown', async () => {
    fakeApi.handle('stats.overview', () => ({
      ...overview,
      topLives: [...overview.topLives, { livingid: 'lv-2', theme: '新员工培训', livingStart: 1_763_913_600, viewers: 80, watchHours: null }],
      unsynced: { lives: 1, viewers: 80, counted: true },
    }));
    renderPage();
    expect(await screen.findByTestId('stats-unsynced')).toHaveTextContent('有 1 场直播的观看统计尚未同步：其 80 观看人次取自直播信息');
    expect((await screen.findByTestId('top-live-lv-2')).querySelectorAll('td')[3]).toHaveTextContent(/^–$/);
    expect(screen.getByTestId('top-live-lv-1').querySelectorAll('td')[3]).toHaveTextContent(/^50$/);
  });

  it("says the lives not synced are not counted when the answer is by viewers' department", async () => {
    fakeApi.handle('stats.overview', () => ({ ...overview, unsynced: { lives: 2, viewers: 0, counted: false } }));
    renderPage();
    expect(await screen.findByTestId('stats-unsynced')).toHaveTextContent('有 2 场直播的观看统计尚未同步，未计入');
  });
});
