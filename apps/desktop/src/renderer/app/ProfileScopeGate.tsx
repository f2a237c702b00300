// Renders the pages only over the active profile's data; while the services switch corps it shows a
// placeholder, and the pages remount (fresh state) for the new profile.
import type { ReactNode } from 'react';
import { Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDataScope } from './useDataScope.ts';

export function ProfileScopeGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const scope = useDataScope();
  if (scope.state === 'switching') {
    return (
      <Flex vertical align="center" justify="center" gap={12} style={{ minHeight: 240 }} data-testid="profile-switching">
        <Spin />
        <Typography.Text type="secondary">{t('profileSwitching')}</Typography.Text>
      </Flex>
    );
  }
  return (
    <div key={scope.profileId ?? 'none'} data-testid="profile-scope" data-profile={scope.profileId ?? ''}>
      {children}
    </div>
  );
}
