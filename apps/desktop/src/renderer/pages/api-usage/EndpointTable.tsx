// Every endpoint with its numbers, for when the chart's top entries are not enough.
import { Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiStats } from '../../stores/apiUsage.ts';
import { formatNumber, formatPercent } from '../../format.ts';
import { shortEndpoint } from './EndpointCharts.tsx';

type EndpointRow = ApiStats['endpoints'][number];

export function EndpointTable({ stats }: { stats: ApiStats }) {
  const { t } = useTranslation('apiUsage');
  const ms = (v: number) => `${formatNumber(v, 1)} ms`;
  const columns: TableColumnsType<EndpointRow> = [
    {
      key: 'endpoint',
      title: t('table.endpoint'),
      dataIndex: 'endpoint',
      width: 240,
      ellipsis: true,
      render: (v: string) => <Typography.Text code title={v}>{shortEndpoint(v)}</Typography.Text>,
      sorter: (a, b) => a.endpoint.localeCompare(b.endpoint),
    },
    { key: 'calls', title: t('table.calls'), dataIndex: 'calls', align: 'right', render: (v: number) => formatNumber(v), sorter: (a, b) => a.calls - b.calls, defaultSortOrder: 'descend' },
    { key: 'errors', title: t('table.errors'), dataIndex: 'errors', align: 'right', render: (v: number) => formatNumber(v), sorter: (a, b) => a.errors - b.errors },
    {
      key: 'errorRate',
      title: t('table.errorRate'),
      align: 'right',
      render: (_: unknown, r) => (r.calls > 0 ? formatPercent(r.errors / r.calls, 1) : '–'),
      sorter: (a, b) => (a.calls ? a.errors / a.calls : 0) - (b.calls ? b.errors / b.calls : 0),
    },
    { key: 'p50', title: 'p50', dataIndex: 'p50', align: 'right', render: ms, sorter: (a, b) => a.p50 - b.p50 },
    { key: 'p95', title: 'p95', dataIndex: 'p95', align: 'right', render: ms, sorter: (a, b) => a.p95 - b.p95 },
    { key: 'p99', title: 'p99', dataIndex: 'p99', align: 'right', render: ms, sorter: (a, b) => a.p99 - b.p99 },
  ];
  return (
    <Card size="small" title={t('table.title')}>
      <Table<EndpointRow>
        size="small"
        rowKey="endpoint"
        columns={columns}
        dataSource={stats.endpoints}
        pagination={false}
        scroll={{ y: 320 }}
        data-testid="api-usage-endpoints"
        locale={{ emptyText: t('empty') }}
      />
    </Card>
  );
}
