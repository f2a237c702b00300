// Lives on air now, with online counts moving with `live.status` events; status changes are announced.
import { useEffect, useRef } from 'react';
import { App, Card, Flex, Statistic, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import { formatTime, liveStatusLabel } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useLiveStatusStore, withLiveStatus } from '../../stores/liveStatus.ts';

export function LiveNowPanel() {
  const { t } = useTranslation('lives');
  const { message } = App.useApp();
  const now = useServiceQuery('lives.now', { horizonHours: 24 }, { topics: ['lives'] });
  const latest = useLiveStatusStore((s) => s.byId);
  const refetch = now.refetch;
  // The event listener reads the newest themes through a ref, so it need not resubscribe per answer.
  const themes = useRef(new Map<string, string>());
  themes.current = new Map((now.data ? [...now.data.live, ...now.data.upcoming] : []).map((l) => [l.livingid, l.theme]));

  useEffect(
    () =>
      api.on('live.status', (event) => {
        if (event.previousStatus === event.status) return;
        const theme = themes.current.get(event.livingid);
        if (theme) void message.info(t('liveNow.changed', { theme, status: liveStatusLabel(event.status) }));
        refetch();
      }),
    [message, refetch, t],
  );

  const onAir = (now.data?.live ?? []).map((l) => withLiveStatus(l, latest[l.livingid])).filter((l) => l.status === 1);
  if (onAir.length === 0) return null;
  return (
    <Card size="small" title={t('liveNow.title')} style={{ marginBottom: 12 }} data-testid="live-now-panel">
      <Flex gap={16} wrap>
        {onAir.map((live) => (
          <Flex key={live.livingid} gap={12} align="center" data-testid={`live-now-${live.livingid}`} style={{ minWidth: 260 }}>
            <Statistic value={live.onlineCount} prefix={<UserOutlined aria-hidden />} data-testid="online-count" />
            <Flex vertical>
              <Link to={`/lives/${encodeURIComponent(live.livingid)}`}>{live.theme}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <LiveStatusTag status={live.status} /> {formatTime(live.livingStart * 1000)} · {live.anchorName ?? live.anchorUserid}
              </Typography.Text>
            </Flex>
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
