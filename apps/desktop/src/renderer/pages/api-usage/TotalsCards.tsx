// The headline numbers: calls, success rate, errors and token activity.
import { Card, Statistic } from 'antd';
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
    // a grid, not wrapping flex: the five fit one row at 1024 px, and a narrower window wraps them in
    // equal columns instead of leaving the last one alone across the whole row
    <div data-testid="api-usage-totals" style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))' }}>
      {items.map((item) => (
        <div key={item.key}>
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
    </div>
  );
}
