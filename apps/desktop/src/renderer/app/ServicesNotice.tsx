// Tells the user when the background services crashed and restarted (or gave up). A restart on a
// corp switch is the switch itself, not news: the pages show that they are switching, and the
// settings say which corp is now active.
import { useEffect, useRef } from 'react';
import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';
import { useConnectionStore } from '../stores/connection.ts';

export function ServicesNotice() {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const services = useConnectionStore((s) => s.servicesState);
  const crashed = useRef(false);

  useEffect(() => {
    if (!services) return;
    if (services.state === 'failed' || (services.state === 'restarting' && services.cause !== 'profileSwitch')) crashed.current = true;
    else if (services.state === 'running' && crashed.current) {
      crashed.current = false;
      void message.success(t('services.running'));
    }
  }, [services, message, t]);

  if (!services || services.state === 'running') return null;
  if (services.state === 'restarting' && services.cause === 'profileSwitch') return null;
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
