// Language and theme: applied by the shell as soon as main confirms the change.
import { App, Card, Form, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings.ts';
import { useSettingsStore } from '../../stores/settings.ts';
import { errorText } from '../../errors.ts';

export function AppearanceSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const update = useSettingsStore((s) => s.update);
  const apply = (patch: Partial<Pick<Settings, 'language' | 'theme'>>) =>
    update(patch).catch((e: unknown) => void message.error(errorText(e)));

  return (
    <Card title={t('appearance.title')} size="small">
      <Form layout="horizontal" labelCol={{ flex: '120px' }}>
        <Form.Item label={t('appearance.language')} style={{ marginBottom: 12 }}>
          <Radio.Group
            optionType="button"
            value={settings.language}
            onChange={(e) => void apply({ language: e.target.value as Settings['language'] })}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en-US', label: 'English' },
            ]}
            data-testid="language-select"
          />
        </Form.Item>
        <Form.Item label={t('appearance.theme')} style={{ marginBottom: 0 }}>
          <Radio.Group
            optionType="button"
            value={settings.theme}
            onChange={(e) => void apply({ theme: e.target.value as Settings['theme'] })}
            options={(['light', 'dark', 'system'] as const).map((v) => ({ value: v, label: t(`appearance.themes.${v}`) }))}
            data-testid="theme-select"
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
