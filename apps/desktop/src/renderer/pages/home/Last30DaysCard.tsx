// The last 30 days at a glance.
import { Card, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatPercent } from '../../format.ts';

export interface Last30Days {
  lives: number;
  viewers: number;
  watchHours: number;
  averageCompletion: number | null;
}

export function Last30DaysCard({ data, loading }: { data: Last30Days | undefined; loading: boolean }) {
  const { t } = useTranslation('home');
  const items = [
    { key: 'lives', title: t('lives'), value: formatNumber(data?.lives) },
    { key: 'viewers', title: t('viewers'), value: formatNumber(data?.viewers) },
    { key: 'watchHours', title: t('watchHours'), value: formatNumber(data?.watchHours, 1) },
    { key: 'completion', title: t('completion'), value: formatPercent(data?.averageCompletion) },
  ];
  return (
    <Card
      title={t('last30Days')}
      size="small"
      loading={loading && !data}
      extra={<Link to="/statistics">{t('openStatistics')}</Link>}
      data-testid="home-last30"
    >
      <div className="wld-home-grid wld-home-figures">
        {items.map((item) => (
          <Statistic key={item.key} title={item.title} value={item.value} data-testid={`home-stat-${item.key}`} />
        ))}
      </div>
    </Card>
  );
}
