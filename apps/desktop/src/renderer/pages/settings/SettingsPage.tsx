// Settings: corp profiles (secrets to the keychain only), network, cache, language and theme, logs.
import { useEffect, useState } from 'react';
import { Col, Flex, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, peekEarly } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSettingsStore } from '../../stores/settings.ts';
import type { Settings } from '../../../shared/settings.ts';
import { useAfterFirstCommit } from '../../hooks/useAfterFirstCommit.ts';
import { ProfilesSection } from './ProfilesSection.tsx';
import { NetworkSection } from './NetworkSection.tsx';
import { CacheSection } from './CacheSection.tsx';
import { LocalRecordsSection } from './LocalRecordsSection.tsx';
import { AppearanceSection } from './AppearanceSection.tsx';
import { AboutSection } from './AboutSection.tsx';
import { BotSection } from './BotSection.tsx';

export default function SettingsPage() {
  const { t } = useTranslation('settings');
  // until the store has loaded them, the settings the warm start asked main for (the page's first
  // render shows them; load() takes that same answer, nothing is asked twice)
  const [arrived] = useState(() => peekEarly('main', 'settings.get', {}) ?? null);
  const settings = useSettingsStore((s) => s.settings) ?? arrived;
  // the profiles come first; the forms below them (network, bot, appearance…) follow the first paint
  const rest = useAfterFirstCommit();
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
        error ? null : (
          <Skeleton active paragraph={{ rows: 8 }} />
        )
      ) : (
        <Flex vertical gap={16}>
          <ProfilesSection settings={settings} />
          {rest ? <SettingsBelowProfiles settings={settings} /> : null}
        </Flex>
      )}
    </div>
  );
}

/** The sections under the profiles: forms mostly, drawn a frame after the profiles table. */
function SettingsBelowProfiles({ settings }: { settings: Settings }) {
  return (
    <>
      <NetworkSection key={settings.activeProfileId ?? 'none'} settings={settings} />
      <BotSection />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <AppearanceSection settings={settings} />
        </Col>
        <Col xs={24} lg={12}>
          <CacheSection />
        </Col>
        <Col xs={24} lg={12}>
          <LocalRecordsSection />
        </Col>
        <Col xs={24} lg={12}>
          <AboutSection />
        </Col>
      </Row>
    </>
  );
}
