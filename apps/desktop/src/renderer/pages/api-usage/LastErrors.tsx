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
        return (
          <div data-testid="error-explanation">
            <Typography.Text>{help?.meaning ?? r.message}</Typography.Text>
            {help?.fix ? (
              <div>
                <Typography.Text type="success">{help.fix}</Typography.Text>
              </div>
            ) : null}
            {r.errcode === null ? (
              <div>
                <Typography.Text type="secondary">
                  {t('errors.detail')}: {r.message}
                </Typography.Text>
              </div>
            ) : null}
            {r.hint ? (
              <div>
                <Typography.Text type="secondary">
                  {t('errors.requestId')}: {r.hint}
                </Typography.Text>
              </div>
            ) : null}
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
