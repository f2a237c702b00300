// API usage: how the app is using WeCom's API right now — calls, success rate, latency per endpoint,
// token activity, rate-limit budgets and the last errors with what they mean.
import { Button, Flex, Skeleton, Switch, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatTime } from '../../format.ts';
import { useAnsweredAt } from '../../hooks/useAnsweredAt.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useAfterFirstCommit } from '../../hooks/useAfterFirstCommit.ts';
import { API_USAGE_POLL_MS, useApiUsageStore } from '../../stores/apiUsage.ts';
import { TotalsCards } from './TotalsCards.tsx';
import { EndpointCharts } from './EndpointCharts.tsx';
import { EndpointTable } from './EndpointTable.tsx';
import { BudgetList } from './BudgetList.tsx';
import { LastErrors } from './LastErrors.tsx';

export default function ApiUsagePage() {
  const { t } = useTranslation('apiUsage');
  const paused = useApiUsageStore((s) => s.paused);
  const setPaused = useApiUsageStore((s) => s.setPaused);
  // Polled while shown and the window is visible (a hidden window costs nothing); the last figures
  // stay on screen when a poll fails, and the error says why they are not moving.
  const { data: stats, error, refetch: poll } = useServiceQuery('apiUsage.stats', {}, { pollMs: paused ? undefined : API_USAGE_POLL_MS });
  const updatedAt = useAnsweredAt('apiUsage.stats', {});
  // the tables under the charts are out of the first screen: they follow the first paint
  const below = useAfterFirstCommit();

  const extra = (
    <>
      <Typography.Text type="secondary" data-testid="api-usage-updated">
        {updatedAt ? t('updatedAt', { time: formatTime(updatedAt) }) : t('waiting')}
      </Typography.Text>
      <Flex align="center" gap={6}>
        <Switch
          size="small"
          checked={!paused}
          onChange={(on) => setPaused(!on)}
          aria-label={t('live')}
          data-testid="api-usage-live"
        />
        <Typography.Text>{t('live')}</Typography.Text>
      </Flex>
      <Button icon={<ReloadOutlined />} onClick={poll}>
        {t('refresh')}
      </Button>
    </>
  );

  return (
    <div data-testid="api-usage-page">
      <PageHeader title={t('title')} subTitle={t('subtitle')} extra={extra} />
      <Flex vertical gap={12}>
        {error ? <ErrorAlert error={error} onRetry={poll} /> : null}
        {!stats ? (
          error ? null : <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <>
            {/* the figures are this connection's, or the last day's log before its first call: said, never left to guess */}
            <Typography.Text type="secondary" data-testid="api-usage-period">
              {stats.period === 'session' ? t('period.session', { time: formatDateTime(stats.since) }) : t('period.day')}
            </Typography.Text>
            <TotalsCards stats={stats} />
            <EndpointCharts stats={stats} />
            {below ? (
              <>
                <Flex gap={12} wrap>
                  <div style={{ flex: '2 1 520px', minWidth: 0 }}>
                    <EndpointTable stats={stats} />
                  </div>
                  <div style={{ flex: '1 1 320px', minWidth: 0 }}>
                    <BudgetList budgets={stats.budgets} />
                  </div>
                </Flex>
                <LastErrors errors={stats.lastErrors} />
              </>
            ) : null}
          </>
        )}
      </Flex>
    </div>
  );
}
