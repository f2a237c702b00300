// Settings: corp profiles (secrets to the keychain only), network, cache, language and theme, logs.
import { useEffect } from 'react';
import { Col, Flex, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSettingsStore } from '../../stores/settings.ts';
import { ProfilesSection } from './ProfilesSection.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { CacheSection } from './CacheSection.tsx';
import { AppearanceSection } from './AppearanceSection.tsx';
import { AboutSection } from './AboutSection.tsx';
import { BotSection } from './BotSection.tsx';

export default function SettingsPage() {
  const { t } = useTranslation('settings');
  const settings = useSettingsStore((s) => s.settings);
  const error = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);
  const receive = useSettingsStore((s) => s.receive);

  useEffect(() => {
    void load();
    return api.onMain('settings.changed', receive);
  }, [load, receive]);

  return (
    <div data-testid="settings-page">
      <PageHeader title={t('title')} subTitle={t('subtitle')} />
      {error ? <ErrorAlert error={error} onRetry={() => void load()} /> : null}
      {!settings ? (
        error ? null : <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Flex vertical gap={16}>
          <ProfilesSection settings={settings} />
          <NetworkSection key={settings.activeProfileId ?? 'none'} settings={settings} />
          <BotSection />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <AppearanceSection settings={settings} />
            </Col>
            <Col xs={24} lg={12}>
              <CacheSection />
            </Col>
            <Col xs={24}>
              <AboutSection />
            </Col>
          </Row>
        </Flex>
      )}
    </div>
  );
}
