// "数据更新于 …": how old the shown data is; the exact time on hover, a warning mark when stale.
import { Tooltip, Typography } from 'antd';
import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatRelative } from '../format.ts';

export interface AsOfProps {
  asOf: number | null;
  stale?: boolean;
}

export function AsOf({ asOf, stale }: AsOfProps) {
  const { t } = useTranslation('common');
  if (asOf === null) {
    return (
      <Typography.Text type="secondary" data-testid="as-of">
        {t('asOf.never')}
      </Typography.Text>
    );
  }
  const text = t('asOf.label', { time: formatDateTime(asOf) });
  return (
    <Tooltip title={stale ? t('asOf.stale') : formatRelative(asOf)}>
      <Typography.Text type={stale ? 'warning' : 'secondary'} data-testid="as-of" data-stale={stale ? 'true' : 'false'}>
        {stale ? <WarningOutlined aria-label={t('asOf.stale')} /> : <ClockCircleOutlined aria-hidden />} {text}
      </Typography.Text>
    </Tooltip>
  );
}

export default AsOf;
