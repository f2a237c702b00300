// Every living_info field in words, not codes.
import { Descriptions, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import {
  formatDateTime,
  formatDuration,
  formatNumber,
  formatUnixDateTime,
  liveTypeLabel,
  replayStatusLabel,
  yesNo,
} from '../../format.ts';
import { remindLabel } from '../lives/remind.ts';

export function LiveInfo({ live, departmentName, departmentPath = null }: { live: Live; departmentName: string | null; departmentPath?: string | null }) {
  const { t } = useTranslation('lives');
  const f = (key: string) => t(`detail.fields.${key}`);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="live-info">
      <Descriptions.Item label={f('status')}>
        <LiveStatusTag status={live.status} />
      </Descriptions.Item>
      <Descriptions.Item label={f('type')}>{liveTypeLabel(live.type)}</Descriptions.Item>
      <Descriptions.Item label={f('anchor')}>
        {live.anchorName ?? live.anchorUserid}{' '}
        <Typography.Text type="secondary">({live.anchorUserid})</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={f('start')}>{formatUnixDateTime(live.livingStart)}</Descriptions.Item>
      <Descriptions.Item label={f('duration')}>{formatDuration(live.livingDuration)}</Descriptions.Item>
      <Descriptions.Item label={f('remind')}>{remindLabel(live.remindTime, (key, values) => t(key, values))}</Descriptions.Item>
      <Descriptions.Item label={f('reserveStart')}>{formatUnixDateTime(live.reserveStart)}</Descriptions.Item>
      <Descriptions.Item label={f('reserveDuration')}>
        {live.reserveLivingDuration === null ? '–' : formatDuration(live.reserveLivingDuration)}
      </Descriptions.Item>
      <Descriptions.Item label={f('mainDepartment')}>
        <Tooltip title={departmentPath}>
          <span data-testid="live-main-department" data-path={departmentPath ?? ''}>
            {departmentName ?? live.mainDepartment ?? '–'}
          </span>
        </Tooltip>
      </Descriptions.Item>
      <Descriptions.Item label={f('viewers')}>{formatNumber(live.viewerNum)}</Descriptions.Item>
      <Descriptions.Item label={f('online')}>
        <span data-testid="detail-online">{live.status === 1 ? formatNumber(live.onlineCount) : '–'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={f('subscribe')}>{formatNumber(live.subscribeCount)}</Descriptions.Item>
      <Descriptions.Item label={f('comments')}>{formatNumber(live.commentNum)}</Descriptions.Item>
      <Descriptions.Item label={f('mic')}>{formatNumber(live.micNum)}</Descriptions.Item>
      <Descriptions.Item label={f('openReplay')}>{yesNo(live.openReplay)}</Descriptions.Item>
      <Descriptions.Item label={f('replayStatus')}>
        <span data-testid="detail-replay">{replayStatusLabel(live.replayStatus, live.openReplay, live.status)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={f('pushStreamUrl')} span={2}>
        {live.pushStreamUrl ? (
          <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
            {live.pushStreamUrl}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('detail.pushStreamOnlyActivity')}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={f('livingid')}>
        <Typography.Text copyable style={{ fontSize: 12 }}>
          {live.livingid}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={f('fetchedAt')}>{formatDateTime(live.fetchedAt)}</Descriptions.Item>
      <Descriptions.Item label={f('description')} span={3}>
        {/* the line breaks the description was written with */}
        <span style={{ whiteSpace: 'pre-line' }} data-testid="live-description">{live.description || '–'}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
