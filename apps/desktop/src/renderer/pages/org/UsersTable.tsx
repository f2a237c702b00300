// The users table over `users.search`: windowed (100k rows stay smooth), search by name / userid /
// position (debounced), status and department filters, sortable columns, export of the filtered set.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Flex, Input, Select, Switch, Tag, Tooltip, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/models.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import type { VirtualColumn, VirtualSort } from '../../components/VirtualTable.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { collectPages } from '../../export/collectPages.ts';
import { userStatusLabel } from '../../format.ts';
import { fetchUsersPage, useOrgStore, usersQueryKey } from '../../stores/org.ts';
import type { UserSortKey, UserStatus } from '../../stores/org.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useTopicVersion } from './useTopicVersion.ts';

export const SEARCH_DEBOUNCE_MS = 150;
const STATUS_COLORS: Record<UserStatus, string> = { 1: 'green', 2: 'red', 4: 'orange', 5: 'default' };
const SORT_KEYS: readonly UserSortKey[] = ['name', 'userid', 'position', 'status'];

export function UsersTable({ departmentNames }: { departmentNames: Map<number, string> }) {
  const { t } = useTranslation('org');
  const filters = useOrgStore((s) => s.filters);
  const setQuery = useOrgStore((s) => s.setQuery);
  const setStatus = useOrgStore((s) => s.setStatus);
  const setRecursive = useOrgStore((s) => s.setRecursive);
  const setSort = useOrgStore((s) => s.setSort);
  const resetFilters = useOrgStore((s) => s.resetFilters);
  const openUser = useOrgStore((s) => s.openUser);
  const [typed, setTyped] = useState(filters.query);
  const [total, setTotal] = useState<number | null>(null);
  const debounced = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  const version = useTopicVersion(['users', 'org']);

  useEffect(() => {
    if (debounced !== useOrgStore.getState().filters.query) setQuery(debounced);
  }, [debounced, setQuery]);

  const fetchPage = useCallback(
    (offset: number, limit: number, signal: AbortSignal) => fetchUsersPage(filters, offset, limit, signal),
    [filters],
  );
  const queryKey = `${usersQueryKey(filters)}#${version}`;

  const columns = useMemo<VirtualColumn<User>[]>(
    () => [
      { key: 'name', title: t('users.name'), width: 140, sortable: true, render: (u) => <Typography.Text strong>{u.name}</Typography.Text> },
      { key: 'userid', title: t('users.userid'), width: 160, sortable: true, render: (u) => <Typography.Text code>{u.userid}</Typography.Text> },
      { key: 'position', title: t('users.position'), width: 150, sortable: true, render: (u) => u.position || '–' },
      {
        key: 'status',
        title: t('users.status'),
        width: 100,
        sortable: true,
        render: (u) => <Tag color={STATUS_COLORS[u.status]}>{userStatusLabel(u.status)}</Tag>,
      },
      {
        key: 'departments',
        title: t('users.departments'),
        render: (u) => {
          const names = u.departments.map((id) => departmentNames.get(id) ?? `#${id}`);
          return (
            <Tooltip title={names.join('、')}>
              <span>{names.join('、') || '–'}</span>
            </Tooltip>
          );
        },
      },
    ],
    [t, departmentNames],
  );

  const sort: VirtualSort = { key: filters.sort, desc: filters.desc };
  const exportColumns = [
    { key: 'name', title: t('users.name') },
    { key: 'userid', title: t('users.userid') },
    { key: 'position', title: t('users.position') },
    { key: 'status', title: t('users.status') },
    { key: 'departments', title: t('users.departments') },
  ];
  const loadAll = async (signal: AbortSignal, onProgress: (p: { done: number; total: number | null }) => void) => {
    const users = await collectPages((offset, limit, s) => fetchUsersPage(filters, offset, limit, s), { pageSize: 1000, signal, onProgress });
    return users.map((u) => ({
      name: u.name,
      userid: u.userid,
      position: u.position,
      status: userStatusLabel(u.status),
      departments: u.departments.map((id) => departmentNames.get(id) ?? String(id)).join('、'),
    }));
  };

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Input
          allowClear
          prefix={<SearchOutlined aria-hidden />}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          style={{ width: 280 }}
          maxLength={100}
          data-testid="users-search"
          data-page-search=""
        />
        <Select<UserStatus | 'all'>
          value={filters.status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? null : v)}
          style={{ width: 140 }}
          aria-label={t('users.status')}
          data-testid="users-status"
          options={[
            { value: 'all', label: t('users.allStatuses') },
            ...([1, 2, 4, 5] as const).map((s) => ({ value: s, label: userStatusLabel(s) })),
          ]}
        />
        <Flex align="center" gap={6}>
          <Switch size="small" checked={filters.recursive} onChange={setRecursive} aria-label={t('users.recursive')} />
          <Typography.Text>{t('users.recursive')}</Typography.Text>
        </Flex>
        <Button
          onClick={() => {
            setTyped('');
            resetFilters();
          }}
        >
          {t('common:actions.reset')}
        </Button>
        <div style={{ flex: 1 }} />
        <Typography.Text type="secondary" data-testid="users-total">
          {total === null ? '' : t('users.total', { count: total })}
        </Typography.Text>
        <ExportButtons filename={t('users.exportName')} columns={exportColumns} load={loadAll} size="small" disabled={!total} />
      </Flex>
      <VirtualTable<User>
        data-testid="users-table"
        aria-label={t('users.title')}
        columns={columns}
        rowKey={(u) => u.userid}
        fetchPage={fetchPage}
        queryKey={queryKey}
        height={520}
        sort={sort}
        onSortChange={(s) => {
          if ((SORT_KEYS as readonly string[]).includes(s.key)) setSort(s.key as UserSortKey, s.desc);
        }}
        onRowClick={(u) => openUser(u.userid)}
        onTotalChange={setTotal}
        emptyText={t('users.empty')}
        showCount={false}
      />
    </Flex>
  );
}
