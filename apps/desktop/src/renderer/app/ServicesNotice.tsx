// Tells the user when the background services crashed and restarted (or gave up). A restart on a
// corp switch is the switch itself, not news: the pages show that they are switching, and the
// settings say which corp is now active.
import { useEffect, useRef } from 'react';
import { Alert, App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';
import { useConnectionStore, type ServicesState } from '../stores/connection.ts';

/** The services stopped unexpectedly (restarting) or gave up; a restart for a corp switch is not one. */
const crashed = (services: ServicesState) =>
  services.state === 'failed' || (services.state === 'restarting' && services.cause !== 'profileSwitch');

export function ServicesNotice() {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const services = useConnectionStore((s) => s.servicesState);
  const wasDown = useRef(false);

  useEffect(() => {
    if (!services) return;
    if (crashed(services)) wasDown.current = true;
    else if (services.state === 'running' && wasDown.current) {
      wasDown.current = false;
      void message.success(t('services.running'));
    }
  }, [services, message, t]);

  if (!services || !crashed(services)) return null;
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
