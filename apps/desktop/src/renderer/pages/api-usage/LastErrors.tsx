// The most recent failed calls: when, which endpoint, WeCom's errcode and hint, and what it means for
// the admin (with a fix) in plain words.
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
      width: 200,
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
      key: 'message',
      title: t('errors.message'),
      render: (_: unknown, r) => (
        <div>
          <Typography.Text>{r.message}</Typography.Text>
          {r.hint ? (
            <div>
              <Typography.Text type="secondary">
                {t('errors.hint')}: {r.hint}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'explanation',
      title: t('errors.explanation'),
      render: (_: unknown, r) => {
        const help = r.errcode === null ? networkHelp(t) : errcodeHelp(t, r.errcode, r.endpoint, r.message);
        if (!help) return <Typography.Text type="secondary">{t('errors.noExplanation')}</Typography.Text>;
        return (
          <div data-testid="error-explanation">
            <Typography.Text>{help.meaning}</Typography.Text>
            <div>
              <Typography.Text type="success">{help.fix}</Typography.Text>
            </div>
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
