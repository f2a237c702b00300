// The headline numbers: calls, success rate, errors and token activity.
import { Card, Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiStats } from '../../stores/apiUsage.ts';
import { formatNumber, formatPercent } from '../../format.ts';

export function TotalsCards({ stats }: { stats: ApiStats }) {
  const { t } = useTranslation('apiUsage');
  const items = [
    { key: 'total', title: t('totals.calls'), value: formatNumber(stats.total) },
    { key: 'successRate', title: t('totals.successRate'), value: stats.total > 0 ? formatPercent(stats.successRate, 2) : '–' },
    { key: 'errors', title: t('totals.errors'), value: formatNumber(stats.errors), danger: stats.errors > 0 },
    { key: 'tokenFetches', title: t('totals.tokenFetches'), value: formatNumber(stats.tokenFetches) },
    { key: 'tokenRefreshes', title: t('totals.tokenRefreshes'), value: formatNumber(stats.tokenRefreshes) },
  ];
  return (
    <Flex gap={12} wrap data-testid="api-usage-totals">
      {items.map((item) => (
        <div key={item.key} style={{ flex: '1 1 160px' }}>
          <Card size="small">
            <Statistic
              title={item.title}
              value={item.value}
              data-testid={`api-usage-total-${item.key}`}
              styles={item.danger ? { content: { color: 'var(--ant-color-error)' } } : undefined}
            />
          </Card>
        </div>
      ))}
    </Flex>
  );
}
