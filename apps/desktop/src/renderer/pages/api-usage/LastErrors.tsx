// The most recent failed calls: when, which endpoint, WeCom's errcode, and what it means for the admin
// (with a fix) in plain words, with WeCom's request id to quote to its support.
import { Card, Empty, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiStats } from '../../stores/apiUsage.ts';
import { formatDateTime } from '../../format.ts';
import { shortEndpoint } from './EndpointCharts.tsx';
import { errcodeHelp, networkHelp } from './wecomErrorHelp.ts';

type ErrorRow = ApiStats['lastErrors'][number];

export function LastErrors({ errors }: { errors: ApiStats['lastErrors'] }) {
  const { t } = useTranslation('apiUsage');
  const rows = [...errors].sort((a, b) => b.at - a.at);
  const columns: TableColumnsType<ErrorRow> = [
    { key: 'at', title: t('errors.at'), dataIndex: 'at', width: 150, render: (v: number) => formatDateTime(v) },
    {
      key: 'endpoint',
      title: t('errors.endpoint'),
      dataIndex: 'endpoint',
      width: 180,
      render: (v: string) => <Typography.Text code>{shortEndpoint(v)}</Typography.Text>,
    },
    {
      key: 'errcode',
      title: t('errors.errcode'),
      dataIndex: 'errcode',
      width: 90,
      render: (v: number | null) => (v === null ? <Tag>{t('errors.noErrcode')}</Tag> : <Tag color="red">{v}</Tag>),
    },
    {
      // what it means and what to do, from the one errcode table; WeCom's request id under it (the
      // services' own message said the same as the table, so it is not repeated beside it)
      key: 'explanation',
      title: t('errors.explanation'),
      render: (_: unknown, r) => {
        const help = r.errcode === null ? networkHelp(t) : errcodeHelp(t, r.errcode, r.endpoint, r.message);
        // under the meaning, each on a line of its own: the fix, a network failure's own words, the request id
        const lines: Array<{ key: string; type: 'success' | 'secondary'; text: string }> = [];
        if (help?.fix) lines.push({ key: 'fix', type: 'success', text: help.fix });
        if (r.errcode === null) lines.push({ key: 'detail', type: 'secondary', text: `${t('errors.detail')}: ${r.message}` });
        if (r.hint) lines.push({ key: 'requestId', type: 'secondary', text: `${t('errors.requestId')}: ${r.hint}` });
        return (
          <div data-testid="error-explanation">
            <Typography.Text>{help?.meaning ?? r.message}</Typography.Text>
            {lines.map((line) => (
              <div key={line.key}>
                <Typography.Text type={line.type}>{line.text}</Typography.Text>
              </div>
            ))}
          </div>
        );
      },
    },
  ];
  return (
    <Card size="small" title={t('errors.title')}>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('errors.none')} />
      ) : (
        <Table<ErrorRow>
          size="small"
          rowKey={(r) => `${r.at}-${r.endpoint}-${r.errcode ?? 'x'}`}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
          data-testid="api-usage-errors"
        />
      )}
    </Card>
  );
}
