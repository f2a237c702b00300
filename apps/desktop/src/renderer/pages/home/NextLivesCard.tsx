// The next scheduled lives, soonest first.
import { Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { LiveLines } from './LiveLines.tsx';
import { formatDuration, formatRelative, formatUnixDateTime, liveTypeLabel } from '../../format.ts';

export function NextLivesCard({ lives, loading }: { lives: Live[]; loading: boolean }) {
  const { t } = useTranslation('home');
  const sorted = [...lives].sort((a, b) => a.livingStart - b.livingStart).slice(0, 8);
  return (
    <Card
      title={t('next')}
      size="small"
      loading={loading && lives.length === 0}
      extra={<Link to="/lives">{t('allLives')}</Link>}
      data-testid="home-next"
    >
      {sorted.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('nextEmpty')} />
      ) : (
        <LiveLines
          items={sorted}
          line={(live) => (
            <Flex vertical gap={2}>
              <Link to={`/lives/${encodeURIComponent(live.livingid)}`}>{live.theme}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatUnixDateTime(live.livingStart)} (
                {t('startsIn', { relative: formatRelative(live.livingStart * 1000) })}) ·{' '}
                {formatDuration(live.livingDuration)} · {liveTypeLabel(live.type)} ·{' '}
                {live.anchorName ?? live.anchorUserid}
              </Typography.Text>
            </Flex>
          )}
        />
      )}
    </Card>
  );
}
