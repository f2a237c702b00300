// WeCom's send statistics (`messages.statistics`): successful person-times per app, today or yesterday.
import { useState } from 'react';
import { Card, Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';

export function SendStatistics() {
  const { t } = useTranslation('messages');
  const [timeType, setTimeType] = useState<0 | 1>(0);
  const stats = useServiceQuery('messages.statistics', { timeType }, { topics: ['messages'] });

  return (
    <Card
      size="small"
      title={t('stats.title')}
      extra={
        <Segmented<0 | 1>
          size="small"
          value={timeType}
          onChange={setTimeType}
          options={[
            { value: 0, label: t('stats.today') },
            { value: 1, label: t('stats.yesterday') },
          ]}
          data-testid="send-stats-day"
        />
      }
    >
      {stats.error ? <ErrorAlert error={stats.error} onRetry={stats.refetch} compact /> : null}
      <Table
        size="small"
        rowKey="agentid"
        loading={stats.loading}
        pagination={false}
        dataSource={stats.data?.rows ?? []}
        data-testid="send-stats"
        locale={{ emptyText: t('stats.empty') }}
        columns={[
          { key: 'app', title: t('stats.app'), render: (_: unknown, r) => `${r.appName} (${r.agentid})` },
          { key: 'count', title: t('stats.count'), align: 'right', render: (_: unknown, r) => formatNumber(r.count) },
        ]}
      />
    </Card>
  );
}
