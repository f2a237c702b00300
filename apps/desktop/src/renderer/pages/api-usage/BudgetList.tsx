// Rate-limit budget in use per bucket: how close each one is to WeCom's limit in its window.
import { Card, Empty, Flex, Progress, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiStats } from '../../stores/apiUsage.ts';
import { formatDuration, formatNumber } from '../../format.ts';
import { shortEndpoint } from './EndpointCharts.tsx';

type Budget = ApiStats['budgets'][number];

/** Share of the budget in use, 0..100; a zero limit counts as full. */
export function budgetPercent(b: Budget): number {
  if (b.limit <= 0) return 100;
  return Math.min(100, Math.round((b.used / b.limit) * 1000) / 10);
}

export function budgetStatus(percent: number): 'normal' | 'exception' | 'active' {
  if (percent >= 90) return 'exception';
  if (percent >= 70) return 'active';
  return 'normal';
}

export function BudgetList({ budgets }: { budgets: ApiStats['budgets'] }) {
  const { t } = useTranslation('apiUsage');
  return (
    <Card size="small" title={t('budgets.title')} extra={<Typography.Text type="secondary">{t('budgets.hint')}</Typography.Text>}>
      {budgets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />
      ) : (
        <Flex vertical gap={10} data-testid="api-usage-budgets">
          {budgets.map((b) => {
            const percent = budgetPercent(b);
            const label = t('budgets.usage', {
              used: formatNumber(b.used),
              limit: formatNumber(b.limit),
              window: formatDuration(b.windowSeconds),
            });
            return (
              <div key={b.bucket} data-testid={`budget-${b.bucket}`}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text code title={b.bucket}>
                    {shortEndpoint(b.bucket)}
                  </Typography.Text>
                  <Typography.Text type="secondary">{label}</Typography.Text>
                </Flex>
                <Tooltip title={label}>
                  <Progress
                    percent={percent}
                    status={budgetStatus(percent)}
                    size="small"
                    aria-label={`${b.bucket}: ${label}`}
                  />
                </Tooltip>
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
