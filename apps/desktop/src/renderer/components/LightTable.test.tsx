import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import '../i18n/index.ts';
import '../test-support/jsdom.ts';
import { LightTable, type LightColumn, type LightSort } from './LightTable.tsx';

interface Row {
  id: string;
  name: string;
  seconds: number;
}

const columns: LightColumn<Row>[] = [
  { key: 'name', title: 'Name', width: 200, fixed: 'start', ellipsis: true, render: (r) => r.name },
  {
    key: 'seconds',
    title: 'Seconds',
    width: 120,
    align: 'right',
    sortable: true,
    render: (r) => `${r.seconds}s`,
  },
  {
    key: 'level',
    title: 'Level',
    width: 100,
    sortable: true,
    render: (r) => (r.seconds > 60 ? 'long' : 'short'),
  },
  {
    key: 'actions',
    title: 'Actions',
    width: 90,
    fixed: 'end',
    render: (r) => <button type="button">open {r.id}</button>,
  },
];
const rows: Row[] = [
  { id: 'a', name: 'Alpha', seconds: 30 },
  { id: 'b', name: 'Beta', seconds: 90 },
];

function renderTable(props: Partial<Parameters<typeof LightTable<Row>>[0]> = {}) {
  return render(
    <LightTable<Row>
      data-testid="table"
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      rowTestId={(r) => `row-${r.id}`}
      {...props}
    />,
  );
}

describe('LightTable', () => {
  it('draws a semantic table: column headers, one row per item in order, each cell rendered', () => {
    renderTable();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Seconds', 'Level', 'Actions']);
    const body = within(table).getAllByRole('row').slice(1);
    expect(body.map((tr) => tr.getAttribute('data-testid'))).toEqual(['row-a', 'row-b']);
    expect(
      within(screen.getByTestId('row-b'))
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['Beta', '90s', 'long', 'open b']);
    // the table is as wide as its columns, so the columns between the fixed ones scroll sideways
    expect(table.style.width).toBe('510px');
  });

  it('keeps the fixed columns in view at their side, with the offsets of the fixed columns before them', () => {
    renderTable({
      columns: [{ key: 'id', title: 'Id', width: 60, fixed: 'start', render: (r: Row) => r.id }, ...columns],
    });
    const [id, name] = within(screen.getByTestId('row-a')).getAllByRole('cell');
    expect(id!.className).toContain('ant-table-cell-fix-start');
    expect(id!.style.insetInlineStart).toBe('0px');
    expect(name!.style.insetInlineStart).toBe('60px');
    // the shadow belongs to the last fixed column of the start side only
    expect(id!.className).not.toContain('fix-start-shadow');
    expect(name!.className).toContain('ant-table-cell-fix-start-shadow');
    const actions = within(screen.getByTestId('row-a')).getAllByRole('cell').at(-1)!;
    expect(actions.className).toContain('ant-table-cell-fix-end');
    expect(actions.style.insetInlineEnd).toBe('0px');
  });

  it('tells the sort by aria-sort; a header pressed sorts by its column, descending first, and the same header flips it', () => {
    const onSortChange = vi.fn<(sort: LightSort) => void>();
    const { rerender } = renderTable({ sort: { key: 'seconds', desc: true }, onSortChange });
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((th) => th.getAttribute('aria-sort'))).toEqual([null, 'descending', 'none', null]);

    // the sorted column is shaded in its header and its cells; only headers take the sorter's look
    expect(headers[1]!.className).toContain('ant-table-column-sort');
    const secondsCell = within(screen.getByTestId('row-a')).getAllByRole('cell')[1]!;
    expect(secondsCell.className).toContain('ant-table-column-sort');
    expect(secondsCell.className).not.toContain('has-sorters');

    fireEvent.click(within(headers[1]!).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'seconds', desc: false });
    fireEvent.click(within(headers[2]!).getByRole('button'));
    expect(onSortChange).toHaveBeenLastCalledWith({ key: 'level', desc: true });

    rerender(
      <LightTable<Row>
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        sort={{ key: 'seconds', desc: false }}
        onSortChange={onSortChange}
      />,
    );
    expect(screen.getAllByRole('columnheader')[1]!.getAttribute('aria-sort')).toBe('ascending');
    // a column that does not sort has no button to press
    expect(within(screen.getAllByRole('columnheader')[0]!).queryByRole('button')).toBeNull();
  });

  it('says the table is loading while it has no rows yet, and what is missing once it has none', () => {
    const { rerender } = renderTable({ rows: [], loading: true });
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('table')).toHaveTextContent('加载中');

    rerender(
      <LightTable<Row>
        columns={columns}
        rows={[]}
        rowKey={(r) => r.id}
        emptyText="No lives match the filters"
      />,
    );
    expect(screen.getByRole('table').getAttribute('aria-busy')).toBeNull();
    expect(screen.getByRole('table')).toHaveTextContent('No lives match the filters');
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });
});
