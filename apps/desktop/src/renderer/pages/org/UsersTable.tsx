// The users table over `users.search`: windowed (100k rows stay smooth), search by name / userid /
// position (debounced), status and department filters, sortable columns, export of the filtered set.
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { now as clockNow } from '@wld/clock';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { USER_STATUSES, type User } from '../../../shared/models.ts';
import { VirtualTable } from '../../components/VirtualTable.tsx';
import type { VirtualColumn, VirtualSort } from '../../components/VirtualTable.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { collectPages } from '../../export/collectPages.ts';
import { useServicePages } from '../../hooks/useServicePages.ts';
import { userStatusLabel } from '../../format.ts';
import { textWidth } from '../../textWidth.ts';
import { USERS_PAGE_SIZE, useOrgStore, usersSearchInput } from '../../stores/org.ts';
import type { UserSortKey, UserStatus } from '../../stores/org.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { UsersFilterControls, UsersSearchBox } from './UsersToolbar.tsx';
import { usersExportHeading, usersExportName } from './usersExport.ts';
import { userCellStyles } from './userCells.tsx';

export const SEARCH_DEBOUNCE_MS = 150;
const SORT_KEYS: readonly UserSortKey[] = ['name', 'userid', 'position', 'status'];

const rowsOfPage = (page: { total: number; rows: User[] }) => page;

// The export buttons re-render only when their inputs change, not on every query or total.
const MemoExportButtons = memo(ExportButtons);

/**
 * Wide enough for the longest status tag of the language ("Not activated" in English), on top of
 * the header's 88 px: cells of `fontSize` px text (a Latin letter ~0.55 em, CJK two cells), the
 * tag's padding and border, the cell's padding.
 */
function statusColumnWidth(fontSize: number): number {
  const cells = Math.max(...USER_STATUSES.map((status) => textWidth(userStatusLabel(status))));
  return Math.max(88, Math.ceil(cells * fontSize * 0.55) + 34);
}

export function UsersTable({ departmentNames }: { departmentNames: Map<number, string> }) {
  const { t } = useTranslation('org');
  const { token } = theme.useToken();
  const filters = useOrgStore((s) => s.filters);
  const setQuery = useOrgStore((s) => s.setQuery);
  const setStatus = useOrgStore((s) => s.setStatus);
  const setRecursive = useOrgStore((s) => s.setRecursive);
  const setSort = useOrgStore((s) => s.setSort);
  const resetFilters = useOrgStore((s) => s.resetFilters);
  const openUser = useOrgStore((s) => s.openUser);
  const [typed, setTyped] = useState(filters.query);
  const debounced = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);

  useEffect(() => {
    if (debounced !== useOrgStore.getState().filters.query) setQuery(debounced);
  }, [debounced, setQuery]);

  const source = useServicePages('users.search', (offset, limit) => usersSearchInput(filters, offset, limit), rowsOfPage, {
    topics: ['users', 'org'],
  });

  const columns = useMemo<VirtualColumn<User>[]>(() => {
    const styles = userCellStyles(token);
    return [
      { key: 'name', title: t('users.name'), width: 88, sortable: true, render: (u) => <strong style={styles.name}>{u.name}</strong> },
      {
        key: 'userid',
        title: t('users.userid'),
        width: 124,
        sortable: true,
        // the native title shows a long id whole where the cell cuts it off
        render: (u) => (
          <code style={styles.userid} title={u.userid}>
            {u.userid}
          </code>
        ),
      },
      // position and departments share what the fixed columns leave (the status grows with the language)
      { key: 'position', title: t('users.position'), minWidth: 96, sortable: true, render: (u) => u.position || '–' },
      {
        key: 'status',
        title: t('users.status'),
        width: statusColumnWidth(token.fontSizeSM),
        sortable: true,
        render: (u) => (
          <span style={styles.status[u.status]} title={userStatusLabel(u.status)}>
            {userStatusLabel(u.status)}
          </span>
        ),
      },
      {
        key: 'departments',
        title: t('users.departments'),
        // all five columns fit beside the department tree from a 1024 px window, scroll bar included,
        // with room for the English header ("Departments", 114 px: it was cut to "Depart…")
        minWidth: 116,
        render: (u) => {
          const names = u.departments.map((id) => departmentNames.get(id) ?? `#${id}`).join(t('common:listSeparator'));
          // the native title shows the full list when the cell cuts it off
          return <span title={names || undefined}>{names || '–'}</span>;
        },
      },
    ];
  }, [t, token, departmentNames]);

  const sort = useMemo<VirtualSort>(() => ({ key: filters.sort, desc: filters.desc }), [filters.sort, filters.desc]);
  const exportColumns = useMemo(
    () => [
      { key: 'name', title: t('users.name') },
      { key: 'userid', title: t('users.userid') },
      { key: 'position', title: t('users.position') },
      { key: 'status', title: t('users.status') },
      { key: 'departments', title: t('users.departments') },
    ],
    [t],
  );
  const loadAll = useCallback(
    async (signal: AbortSignal, onProgress: (p: { done: number; total: number | null }) => void) => {
      const users = await collectPages(source.fetchPage, { pageSize: 1000, signal, onProgress });
      return users.map((u) => ({
        name: u.name,
        userid: u.userid,
        position: u.position,
        status: userStatusLabel(u.status),
        departments: u.departments.map((id) => departmentNames.get(id) ?? String(id)).join(t('common:listSeparator')),
      }));
    },
    [source, departmentNames, t],
  );
  const departmentName = filters.departmentId === null ? null : (departmentNames.get(filters.departmentId) ?? null);
  const exportFilename = usersExportName(filters, departmentName, t);
  const exportHeading = useCallback(() => usersExportHeading(filters, departmentName, t, clockNow()), [filters, departmentName, t]);
  const onStatusChange = useCallback((status: UserStatus | null) => setStatus(status), [setStatus]);
  const onReset = useCallback(() => {
    setTyped('');
    resetFilters();
  }, [resetFilters]);
  const rowKey = useCallback((u: User) => u.userid, []);
  const onSortChange = useCallback(
    (s: VirtualSort) => {
      if ((SORT_KEYS as readonly string[]).includes(s.key)) setSort(s.key as UserSortKey, s.desc);
    },
    [setSort],
  );
  const onRowClick = useCallback((u: User) => openUser(u.userid), [openUser]);

  // drawn by the table with its total, so the count changes in the commit that changes the rows
  const toolbar = useCallback(
    (total: number | null) => (
      <Flex gap={8} wrap align="center">
        <UsersSearchBox value={typed} onChange={setTyped} />
        <UsersFilterControls
          status={filters.status}
          recursive={filters.recursive}
          onStatusChange={onStatusChange}
          onRecursiveChange={setRecursive}
          onReset={onReset}
        />
        <div style={{ flex: 1 }} />
        <Typography.Text type="secondary" data-testid="users-total">
          {total === null ? '' : t('users.total', { count: total })}
        </Typography.Text>
        <MemoExportButtons filename={exportFilename} heading={exportHeading} columns={exportColumns} load={loadAll} size="small" disabled={!total} />
      </Flex>
    ),
    [typed, filters.status, filters.recursive, onStatusChange, setRecursive, onReset, t, exportFilename, exportHeading, exportColumns, loadAll],
  );

  return (
    <Flex vertical gap={8}>
      <VirtualTable<User>
        toolbar={toolbar}
        data-testid="users-table"
        aria-label={t('users.title')}
        columns={columns}
        rowKey={rowKey}
        source={source}
        height={520}
        sort={sort}
        onSortChange={onSortChange}
        onRowClick={onRowClick}
        pageSize={USERS_PAGE_SIZE}
        emptyText={t('users.empty')}
        showCount={false}
      />
    </Flex>
  );
}
