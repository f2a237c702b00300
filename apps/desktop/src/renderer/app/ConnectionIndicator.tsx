// The connection state in the top bar: a coloured dot and a word, the details on hover.
import { Badge, Tooltip } from 'antd';
import type { BadgeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';
import { useConnectionStore } from '../stores/connection.ts';
import { formatDateTime } from '../format.ts';

const STATUS: Record<string, BadgeProps['status']> = {
  online: 'success',
  offline: 'warning',
  connecting: 'processing',
  unconfigured: 'default',
  unknown: 'default',
};

export function ConnectionIndicator() {
  const { t } = useTranslation('common');
  const state = useConnectionStore((s) => s.state) ?? 'unknown';
  const since = useConnectionStore((s) => s.since);
  const lastError = useConnectionStore((s) => s.lastError);
  const tip = [since ? formatDateTime(since) : null, state !== 'online' && lastError ? errorText(lastError) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip || undefined}>
      <span data-testid="connection-state" data-state={state} role="status" aria-live="polite">
        <Badge status={STATUS[state]} text={t(`connection.${state}`)} />
      </span>
    </Tooltip>
  );
}
