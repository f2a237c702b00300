// The week view left open while the clock moves on: today's "+ New" goes when the day stops taking
// new lives (23:21), and at midnight "today" is the next day, with no other render.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { useLivesStore } from '../../stores/lives.ts';
import { LivesWeek } from './LivesWeek.tsx';

afterEach(() => {
  vi.useRealTimers();
});

const dayColumn = (day: string) => screen.getByRole('region', { name: new RegExp(day) });

describe('week view over time', () => {
  it('drops today\'s "+ New" at 23:21 and moves "today" at midnight', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: new Date(2026, 11, 9, 23, 20, 58) });
    useLivesStore.setState({ cursor: Date.now() });
    render(
      <AntApp>
        <MemoryRouter>
          <LivesWeek lives={[]} />
        </MemoryRouter>
      </AntApp>,
    );
    expect(screen.getByTestId('create-on-2026-12-09')).toBeInTheDocument();
    expect(dayColumn('2026-12-09')).toHaveAttribute('aria-current', 'date');

    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.queryByTestId('create-on-2026-12-09')).not.toBeInTheDocument();
    expect(screen.getByTestId('create-on-2026-12-10')).toBeInTheDocument();
    expect(dayColumn('2026-12-09')).toHaveAttribute('aria-current', 'date');

    act(() => vi.advanceTimersByTime(39 * 60_000));
    expect(dayColumn('2026-12-10')).toHaveAttribute('aria-current', 'date');
    expect(dayColumn('2026-12-09')).not.toHaveAttribute('aria-current');
  });
});
