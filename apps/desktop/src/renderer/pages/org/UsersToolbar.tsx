// The controls above the users table, memoised: typing re-renders the search box alone, and a new
// query (or its total arriving) does not re-render the status select, the switch and the buttons.
import { memo } from 'react';
import { Button, Flex, Input, Select, Switch, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { USER_STATUSES } from '../../../shared/models.ts';
import { userStatusLabel } from '../../format.ts';
import type { UserStatus } from '../../stores/org.ts';

export const UsersSearchBox = memo(function UsersSearchBox({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation('org');
  return (
    <Input
      allowClear
      prefix={<SearchOutlined aria-hidden />}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={t('users.search')}
      aria-label={t('users.search')}
      style={{ width: 280 }}
      maxLength={100}
      data-testid="users-search"
      data-page-search=""
    />
  );
});

export interface UsersFilterControlsProps {
  status: UserStatus | null;
  recursive: boolean;
  onStatusChange: (status: UserStatus | null) => void;
  onRecursiveChange: (recursive: boolean) => void;
  onReset: () => void;
}

export const UsersFilterControls = memo(function UsersFilterControls({
  status,
  recursive,
  onStatusChange,
  onRecursiveChange,
  onReset,
}: UsersFilterControlsProps) {
  const { t } = useTranslation('org');
  return (
    <>
      <Select<UserStatus | 'all'>
        value={status ?? 'all'}
        onChange={(v) => onStatusChange(v === 'all' ? null : v)}
        style={{ width: 140 }}
        aria-label={t('users.status')}
        data-testid="users-status"
        options={[
          { value: 'all', label: t('users.allStatuses') },
          ...USER_STATUSES.map((s) => ({ value: s, label: userStatusLabel(s) })),
        ]}
      />
      <Flex align="center" gap={6}>
        <Switch
          size="small"
          checked={recursive}
          onChange={onRecursiveChange}
          aria-label={t('users.recursive')}
        />
        <Typography.Text>{t('users.recursive')}</Typography.Text>
      </Flex>
      <Button onClick={onReset}>{t('common:actions.reset')}</Button>
    </>
  );
});
