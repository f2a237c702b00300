// Lives on air now, with their online counts (moving with `live.status` events).
import { Card, Empty, Flex, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import { useLiveStatusStore, withLiveStatus } from '../../stores/liveStatus.ts';
import { LiveLines } from './LiveLines.tsx';
import { formatDuration, formatTime, liveTypeLabel } from '../../format.ts';

export function LiveNowCard({ lives, loading }: { lives: Live[]; loading: boolean }) {
  const { t } = useTranslation('home');
  const latest = useLiveStatusStore((s) => s.byId);
  // Events may end a live before the next re-query: drop lives that are no longer on air.
  const onAir = lives
    .map((live) => withLiveStatus(live, latest[live.livingid]))
    .filter((live) => live.status === 1);
  return (
    <Card
      title={t('liveNow')}
      size="small"
      loading={loading && lives.length === 0}
      data-testid="home-live-now"
    >
      {onAir.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('liveNowEmpty')} />
      ) : (
        <LiveLines
          items={onAir}
          testId={(live) => `home-live-${live.livingid}`}
          line={(live) => (
            <Flex justify="space-between" align="center" style={{ width: '100%' }} gap={12}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={8} align="center">
                  <LiveStatusTag status={live.status} />
                  <Link to={`/lives/${encodeURIComponent(live.livingid)}`}>
                    <Typography.Text strong ellipsis style={{ maxWidth: 320 }}>
                      {live.theme}
                    </Typography.Text>
                  </Link>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('anchor', { name: live.anchorName ?? live.anchorUserid })} · {liveTypeLabel(live.type)} ·{' '}
                  {t('startedAt', { time: formatTime(live.livingStart * 1000) })} ·{' '}
                  {formatDuration(live.livingDuration)}
                </Typography.Text>
              </Flex>
              <Statistic
                title={t('onlineLabel')}
                value={live.onlineCount}
                styles={{ content: { fontSize: 20 } }}
                data-testid="online-count"
              />
            </Flex>
          )}
        />
      )}
    </Card>
  );
}
