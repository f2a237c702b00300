// Which corp's data the window shows, at the left of the top bar: two corps can look alike (same
// department names), and every page reads the active one's cache. Switched in Settings.
import { Tooltip, Typography } from 'antd';
import { BankOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { usePreferencesStore } from '../stores/preferences.ts';

export function ActiveCorp() {
  const { t } = useTranslation('common');
  const profile = usePreferencesStore((s) => s.activeProfile);
  if (!profile) return null;
  const name = profile.demo ? t('activeCorp.demo') : profile.name;
  return (
    <Tooltip title={t('activeCorp.hint')}>
      <Typography.Text strong ellipsis style={{ maxWidth: 280 }} data-testid="active-corp">
        <BankOutlined style={{ marginInlineEnd: 6 }} aria-hidden />
        {name}
      </Typography.Text>
    </Tooltip>
  );
}
