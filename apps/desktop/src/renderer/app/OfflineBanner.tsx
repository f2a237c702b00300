// "Offline, data as of …" with a Reconnect button: every screen still works from the cache.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';
import { useConnectionStore } from '../stores/connection.ts';
import { formatDateTime } from '../format.ts';

export function OfflineBanner() {
  const { t } = useTranslation('common');
  const state = useConnectionStore((s) => s.state);
  const asOf = useConnectionStore((s) => s.asOf);
  const lastError = useConnectionStore((s) => s.lastError);
  const reconnecting = useConnectionStore((s) => s.reconnecting);
  const reconnectError = useConnectionStore((s) => s.reconnectError);
  const reconnect = useConnectionStore((s) => s.reconnect);
  if (state !== 'offline') return null;
  const failure = reconnectError ?? lastError;
  const reason = failure ? errorText(failure) : undefined;
  return (
    <Alert
      banner
      type="warning"
      data-testid="offline-banner"
      title={asOf === null ? t('offline.bannerNoData') : t('offline.banner', { asOf: formatDateTime(asOf) })}
      description={reason}
      action={
        <Button size="small" loading={reconnecting} data-testid="reconnect-button" onClick={() => void reconnect()}>
          {reconnecting ? t('offline.reconnecting') : t('offline.reconnect')}
        </Button>
      }
    />
  );
}
