// Rows per table of a local store (the cache, this corp's local records): a name and a count.
import type { CSSProperties } from 'react';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../format.ts';

export interface RowCount {
  table: string;
  /** The table's name for people; the table's own name when absent. */
  label?: string;
  count: number;
}

export function RowCountTable({ rows, countTestId, style }: { rows: RowCount[]; countTestId?: (table: string) => string; style?: CSSProperties }) {
  const { t } = useTranslation('settings');
  return (
    <Table
      size="small"
      rowKey="table"
      pagination={false}
      dataSource={rows}
      columns={[
        { key: 'table', title: t('cache.table'), // a readable name; the SQLite table's own name on hover, for support
          render: (_: unknown, row: RowCount) => <span title={row.table}>{row.label ?? t(`cache.tables.${row.table}`, { defaultValue: row.table })}</span>,
        },
        {
          key: 'count',
          title: t('cache.rows'),
          dataIndex: 'count',
          align: 'right',
          render: (v: number, row: RowCount) => <span data-testid={countTestId?.(row.table)}>{formatNumber(v)}</span>,
        },
      ]}
      {...(style ? { style } : {})}
    />
  );
}
