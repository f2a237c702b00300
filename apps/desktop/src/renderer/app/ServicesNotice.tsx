// Tells the user when the background services crashed and restarted (or gave up).
import { useEffect, useRef } from 'react';
import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';
import { useConnectionStore } from '../stores/connection.ts';

export function ServicesNotice() {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const services = useConnectionStore((s) => s.servicesState);
  const wasDown = useRef(false);

  useEffect(() => {
    if (!services) return;
    if (services.state !== 'running') wasDown.current = true;
    else if (wasDown.current) {
      wasDown.current = false;
      void message.success(t('services.running'));
    }
  }, [services, message, t]);

  if (!services || services.state === 'running') return null;
  return (
    <Alert
      banner
      type={services.state === 'failed' ? 'error' : 'info'}
      data-testid="services-notice"
      data-state={services.state}
      title={
        services.state === 'failed'
          ? t('services.failed', { message: services.error ? errorText(services.error) : (services.message ?? '') })
          : t('services.restarting', { count: services.restarts })
      }
    />
  );
}
