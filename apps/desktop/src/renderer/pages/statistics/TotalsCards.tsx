// Totals for the range: lives, viewers, watch hours, and the internal / external split; and which
// lives count without their watch statistics (not synced yet), so the figures say what they hold.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../format.ts';
import type { Overview } from './types.ts';

export function TotalsCards({ overview }: { overview: Overview }) {
  const { t } = useTranslation('statistics');
  const { internal, external } = overview.share;
  const viewers = internal + external;
  const items = [
    { key: 'lives', title: t('totals.lives'), value: formatNumber(overview.totals.lives) },
    { key: 'viewers', title: t('totals.viewers'), value: formatNumber(overview.totals.viewers) },
    { key: 'watchHours', title: t('totals.watchHours'), value: formatNumber(overview.totals.watchHours, 1) },
    {
      key: 'external',
      title: t('totals.externalShare'),
      value: viewers > 0 ? formatPercent(external / viewers, 1) : '–',
    },
  ];
  const { unsynced } = overview;
  return (
    <Row gutter={[12, 12]} data-testid="stats-totals">
      {items.map((item) => (
        <Col key={item.key} xs={12} lg={6}>
          <Card size="small">
            <Statistic title={item.title} value={item.value} data-testid={`stats-total-${item.key}`} />
          </Card>
        </Col>
      ))}
      {unsynced.lives > 0 ? (
        <Col span={24}>
          <Typography.Text type="secondary" data-testid="stats-unsynced">
            {unsynced.counted
              ? t('totals.unsynced', { count: unsynced.lives, viewers: formatNumber(unsynced.viewers) })
              : t('totals.unsyncedByAudience', { count: unsynced.lives })}
          </Typography.Text>
        </Col>
      ) : null}
    </Row>
  );
}
