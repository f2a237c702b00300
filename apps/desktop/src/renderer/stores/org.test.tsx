import { Profiler } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import '../i18n/index.ts';
import '../test-support/jsdom.ts';
import { fakeApi } from '../test-support/fakeApi.ts';
import { renderWithQueries } from '../test-support/queries.tsx';
import type { User } from '../../shared/models.ts';
import { initialUserFilters, useOrgStore, usersSearchInput } from './org.ts';
import { SEARCH_DEBOUNCE_MS, UsersTable } from '../pages/org/UsersTable.tsx';

vi.mock('../api/client.ts', async () => (await import('../test-support/fakeApi.ts')).fakeClientModule());

const user = (i: number): User => ({
  userid: `u${i}`,
  name: `成员${i}`,
  position: '工程师',
  status: 1,
  mainDepartment: 2,
  departments: [2],
});

beforeEach(() => {
  fakeApi.reset();
  useOrgStore.setState({ filters: initialUserFilters, openUserid: null, tab: 'users', selectedTagId: null });
});

describe('org store filters → users.search input', () => {
  it('maps every filter onto the users.search input, trimming the query', () => {
    const s = useOrgStore.getState();
    s.setQuery('  张 ');
    s.setDepartment(12);
    s.setStatus(2);
    s.setRecursive(false);
    s.setSort('position');
    expect(usersSearchInput(useOrgStore.getState().filters, 400, 200)).toEqual({
      query: '张',
      departmentId: 12,
      recursive: false,
      status: 2,
      sort: 'position',
      desc: false,
      offset: 400,
      limit: 200,
    });
  });

  it('flips the direction when the same column is sorted again, and starts ascending on a new one', () => {
    const s = useOrgStore.getState();
    s.setSort('name');
    expect(useOrgStore.getState().filters).toMatchObject({ sort: 'name', desc: true });
    s.setSort('status');
    expect(useOrgStore.getState().filters).toMatchObject({ sort: 'status', desc: false });
    s.setSort('status', true);
    expect(useOrgStore.getState().filters.desc).toBe(true);
  });

  it('keeps the input inside the contract limits and gives equal filters equal inputs', () => {
    const input = usersSearchInput({ ...initialUserFilters, query: 'x'.repeat(150) }, 0, 5000);
    expect(input.query).toHaveLength(100);
    expect(input.limit).toBe(1000);
    expect(usersSearchInput({ ...initialUserFilters, query: '张 ' }, 0, 50)).toEqual(usersSearchInput({ ...initialUserFilters, query: '张' }, 0, 50));
    expect(usersSearchInput({ ...initialUserFilters, status: 1 }, 0, 50)).not.toEqual(usersSearchInput(initialUserFilters, 0, 50));
  });
});

describe('users table search', () => {
  it('queries once the typing pauses, with the typed text, and shows the rows', async () => {
    fakeApi.handle('users.search', (input) => {
      const rows = input.query === '成员7' ? [user(7)] : [user(1), user(2), user(3)];
      return { asOf: 1, stale: false, total: rows.length, rows };
    });
    renderWithQueries(
      <AntApp>
        <UsersTable departmentNames={new Map([[2, '研发部']])} />
      </AntApp>,
    );
    expect(await screen.findByTestId('row-u1')).toHaveTextContent('研发部');
    const search = screen.getByTestId('users-search');
    expect(search.tagName).toBe('INPUT');
    expect(search).toHaveAttribute('data-page-search');

    // Keystrokes on a frozen clock: nothing is queried until the pause has passed.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const typed of ['成', '成员', '成员7']) fireEvent.change(search, { target: { value: typed } });
      await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 10));
      expect(fakeApi.callsOf('users.search').map((c) => (c.input as { query: string }).query)).toEqual(['']);
      await act(() => vi.advanceTimersByTimeAsync(20));
      // the query cache tells React about the answer on a zero-delay timer: let it run while faked
      await act(() => vi.advanceTimersByTimeAsync(10));
    } finally {
      vi.useRealTimers();
    }

    await waitFor(() => expect(screen.getByTestId('row-u7')).toBeInTheDocument());
    expect(screen.queryByTestId('row-u1')).not.toBeInTheDocument();
    expect(fakeApi.callsOf('users.search').map((c) => (c.input as { query: string }).query)).toEqual(['', '成员7']);
    expect(useOrgStore.getState().filters.query).toBe('成员7');
  });

  it('reads the rows again in place when the services say users changed', async () => {
    let name = '成员';
    fakeApi.handle('users.search', () => ({ asOf: 1, stale: false, total: 1, rows: [{ ...user(1), name: `${name}1` }] }));
    renderWithQueries(
      <AntApp>
        <UsersTable departmentNames={new Map([[2, '研发部']])} />
      </AntApp>,
    );
    expect(await screen.findByTestId('row-u1')).toHaveTextContent('成员1');
    name = '新名';
    act(() => fakeApi.emit('changed', { topics: ['users'] }));
    await waitFor(() => expect(screen.getByTestId('row-u1')).toHaveTextContent('新名1'));
    expect(fakeApi.callsOf('users.search')).toHaveLength(2);
  });

  it('shows the count in the commit that shows the rows, and the new count with the rows of a new filter', async () => {
    fakeApi.handle('users.search', (input) => {
      const rows = input.query === '成员7' ? [user(7)] : [user(1), user(2), user(3)];
      return { asOf: 1, stale: false, total: rows.length === 1 ? 1 : 1234, rows };
    });
    // what each commit put on screen: the rows and the count
    const commits: Array<{ rows: string[]; total: string }> = [];
    const onRender = () =>
      commits.push({
        rows: screen.queryAllByTestId(/^row-/).map((row) => row.getAttribute('data-testid') ?? ''),
        total: screen.queryByTestId('users-total')?.textContent ?? '',
      });
    renderWithQueries(
      <AntApp>
        <Profiler id="users" onRender={onRender}>
          <UsersTable departmentNames={new Map([[2, '研发部']])} />
        </Profiler>
      </AntApp>,
    );
    await screen.findByTestId('row-u1');
    await waitFor(() => expect(screen.getByTestId('users-total')).toHaveTextContent('共 1,234 人'));
    const first = commits.find((c) => c.rows.includes('row-u1'));
    expect(first?.total, JSON.stringify(commits)).toBe('共 1,234 人');

    fireEvent.change(screen.getByTestId('users-search'), { target: { value: '成员7' } });
    await screen.findByTestId('row-u7');
    const filtered = commits.find((c) => c.rows.includes('row-u7'));
    expect(filtered?.total, JSON.stringify(commits)).toBe('共 1 人');
    // no commit shows rows beside another answer's count
    for (const c of commits.filter((c) => c.rows.includes('row-u1'))) expect(c.total).toBe('共 1,234 人');
    for (const c of commits.filter((c) => c.rows.includes('row-u7'))) expect(c.total).toBe('共 1 人');
  });
});
