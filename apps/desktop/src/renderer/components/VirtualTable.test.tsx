import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import '../i18n/index.ts';
import '../test-support/jsdom.ts';
import { RpcError } from '../../shared/rpc-wire.ts';
import { fakeApi } from '../test-support/fakeApi.ts';
import { renderWithQueries } from '../test-support/queries.tsx';
import { VirtualTable } from './VirtualTable.tsx';
import type { VirtualColumn, VirtualSort } from './VirtualTable.tsx';

interface Row {
  id: string;
  name: string;
  seconds: number;
}

vi.mock('../api/client.ts', async () => (await import('../test-support/fakeApi.ts')).fakeClientModule());

beforeEach(() => fakeApi.reset());

const TOTAL = 100_000;
const columns: VirtualColumn<Row>[] = [
  { key: 'name', title: 'Name', sortable: true },
  { key: 'seconds', title: 'Seconds', align: 'right', sortable: true, render: (r) => `${r.seconds}s` },
];

function fakeSource(total = TOTAL) {
  const calls: { offset: number; limit: number }[] = [];
  const fetchPage = vi.fn(async (offset: number, limit: number) => {
    calls.push({ offset, limit });
    const rows: Row[] = [];
    for (let i = offset; i < Math.min(total, offset + limit); i++) rows.push({ id: `u${i}`, name: `User ${i}`, seconds: i });
    return { total, rows };
  });
  return { fetchPage, calls };
}

const bodyRows = (grid: HTMLElement) => within(grid).getAllByRole('row').filter((r) => r.getAttribute('aria-rowindex') !== '1');

function scrollGridTo(grid: HTMLElement, top: number) {
  Object.defineProperty(grid, 'scrollTop', { configurable: true, value: top });
  fireEvent.scroll(grid);
}

describe('VirtualTable', () => {
  it('renders only the visible rows of 100k and fetches only the first page', async () => {
    const { fetchPage, calls } = fakeSource();
    renderWithQueries(<VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['q1'], fetchPage: fetchPage }} height={400} rowHeight={40} />);

    await screen.findByTestId('row-u0');
    const grid = screen.getByRole('grid');
    expect(grid).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    const rows = bodyRows(grid);
    // 10 rows fit in 400 px; a few more are kept around for smooth scrolling, never thousands.
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.length).toBeLessThan(30);
    expect(calls).toEqual([{ offset: 0, limit: 200 }]);
    expect(screen.getByTestId('table-count')).toHaveTextContent('100,000');
    expect(within(rows[3]!).getAllByRole('gridcell')[1]).toHaveTextContent('3s');
  });

  it('fetches the page a scroll lands in, and only that page', async () => {
    const { fetchPage, calls } = fakeSource();
    renderWithQueries(<VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['q1'], fetchPage: fetchPage }} height={400} rowHeight={40} />);
    await screen.findByTestId('row-u0');
    const grid = screen.getByRole('grid');

    // Rows 50,100… with their overscan all fall in the page starting at 50,000.
    act(() => scrollGridTo(grid, 50_100 * 40));
    await screen.findByTestId('row-u50100');
    expect(calls.map((c) => c.offset)).toEqual([0, 50_000]);
    expect(bodyRows(grid).length).toBeLessThan(30);
    expect(screen.queryByTestId('row-u0')).toBeNull();
  });

  it('starts over with the first page when the query key changes', async () => {
    const first = fakeSource();
    const { rerender } = renderWithQueries(
      <VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['all'], fetchPage: first.fetchPage }} height={400} rowHeight={40} />,
    );
    await screen.findByTestId('row-u0');
    const filtered = fakeSource(3);
    rerender(
      <VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['filtered'], fetchPage: filtered.fetchPage }} height={400} rowHeight={40} />,
    );
    await waitFor(() => expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', '4'));
    expect(filtered.calls).toEqual([{ offset: 0, limit: 200 }]);
    expect(bodyRows(screen.getByRole('grid'))).toHaveLength(3);
  });

  it('refreshes the pages on screen in place when a changed event names its topics', async () => {
    let suffix = '';
    const calls: number[] = [];
    const fetchPage = async (offset: number, limit: number) => {
      calls.push(offset);
      const rows: Row[] = [];
      for (let i = offset; i < Math.min(5, offset + limit); i++) rows.push({ id: `u${i}`, name: `User ${i}${suffix}`, seconds: i });
      return { total: 5, rows };
    };
    renderWithQueries(<VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['t'], fetchPage, topics: ['users'] }} />);
    await screen.findByText('User 0');
    suffix = ' (synced)';
    act(() => fakeApi.emit('changed', { topics: ['lives'] }));
    expect(calls).toEqual([0]);
    act(() => fakeApi.emit('changed', { topics: ['users'] }));
    expect(await screen.findByText('User 0 (synced)')).toBeInTheDocument();
    expect(calls).toEqual([0, 0]);
  });

  it('sorts through the header and reports aria-sort', async () => {
    const { fetchPage } = fakeSource(5);
    const onSortChange = vi.fn<(s: VirtualSort) => void>();
    renderWithQueries(
      <VirtualTable<Row>
        columns={columns}
        rowKey={(r) => r.id}
        source={{ key: ['q'], fetchPage }}
        sort={{ key: 'seconds', desc: true }}
        onSortChange={onSortChange}
      />,
    );
    await screen.findByTestId('row-u0');
    const headers = screen.getAllByRole('columnheader');
    expect(headers[1]).toHaveAttribute('aria-sort', 'descending');
    expect(headers[0]).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(screen.getByTestId('sort-seconds'));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'seconds', desc: false });
    fireEvent.click(screen.getByTestId('sort-name'));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'name', desc: true });
  });

  it('moves the active row with the keyboard and opens it with Enter', async () => {
    const { fetchPage } = fakeSource(50);
    const onRowClick = vi.fn<(r: Row) => void>();
    renderWithQueries(<VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['q'], fetchPage: fetchPage }} height={400} rowHeight={40} onRowClick={onRowClick} />);
    await screen.findByTestId('row-u0');
    const grid = screen.getByRole('grid');
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    const activeId = grid.getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    expect(document.getElementById(activeId!)).toBe(screen.getByTestId('row-u1'));
    expect(screen.getByTestId('row-u1')).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onRowClick).toHaveBeenCalledWith({ id: 'u1', name: 'User 1', seconds: 1 });
  });

  it('shows the empty text for no rows and the service error with a retry', async () => {
    const empty = fakeSource(0);
    const { unmount } = renderWithQueries(
      <VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['none'], fetchPage: empty.fetchPage }} emptyText="Nobody watched" />,
    );
    expect(await screen.findByText('Nobody watched')).toBeInTheDocument();
    unmount();

    let fail = true;
    const fetchPage = vi.fn(async (offset: number, limit: number) => {
      if (fail) throw new RpcError({ kind: 'offline', code: 'OFFLINE', message: '缓存中没有这场直播的观看数据' });
      return fakeSource(2).fetchPage(offset, limit);
    });
    renderWithQueries(<VirtualTable<Row> columns={columns} rowKey={(r) => r.id} source={{ key: ['err'], fetchPage: fetchPage }} />);
    const alert = await screen.findByTestId('error-alert');
    expect(alert).toHaveTextContent('缓存中没有这场直播的观看数据');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: /重\s?试/ }));
    await screen.findByTestId('row-u1');
    expect(screen.queryByTestId('error-alert')).toBeNull();
  });
});
