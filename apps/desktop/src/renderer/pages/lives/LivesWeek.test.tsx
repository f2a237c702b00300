// The week view left open while the clock moves on: today's "+ New" goes when the day stops taking
// new lives (23:21), and at midnight "today" is the next day, with no other render.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import dayjs from 'dayjs';
import { MemoryRouter } from 'react-router';
import { now } from '@wld/clock';
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
    // the app's clock (Date.now, or a pinned start run on by performance.now) moves with the fake timers
    vi.useFakeTimers({ toFake: ['Date', 'performance', 'setTimeout', 'clearTimeout'] });
    const start = dayjs(now());
    let target = start.hour(23).minute(20).second(58).millisecond(0);
    if (!target.isAfter(start)) target = target.add(1, 'day');
    vi.advanceTimersByTime(target.valueOf() - start.valueOf());
    expect(now()).toBe(target.valueOf());
    const today = target.format('YYYY-MM-DD');
    const tomorrow = target.add(1, 'day').format('YYYY-MM-DD');

    useLivesStore.setState({ cursor: now() });
    render(
      <AntApp>
        <MemoryRouter>
          <LivesWeek lives={[]} />
        </MemoryRouter>
      </AntApp>,
    );
    expect(screen.getByTestId(`create-on-${today}`)).toBeInTheDocument();
    expect(dayColumn(today)).toHaveAttribute('aria-current', 'date');

    act(() => vi.advanceTimersByTime(3_000));
    expect(screen.queryByTestId(`create-on-${today}`)).not.toBeInTheDocument();
    expect(dayColumn(today)).toHaveAttribute('aria-current', 'date');

    // the next day may be in the next week (the view stays on the week it showed)
    act(() => vi.advanceTimersByTime(39 * 60_000));
    expect(dayColumn(today)).not.toHaveAttribute('aria-current');
    if (screen.queryByRole('region', { name: new RegExp(tomorrow) })) {
      expect(dayColumn(tomorrow)).toHaveAttribute('aria-current', 'date');
      expect(screen.getByTestId(`create-on-${tomorrow}`)).toBeInTheDocument();
    }
  });
});
