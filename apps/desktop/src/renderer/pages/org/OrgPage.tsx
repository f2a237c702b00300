// Organisation: the department tree with counts, the users table (100k rows, search and filters),
// a user's details in a drawer, and the tags with their members.
import { useMemo } from 'react';
import { Card, Col, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useOrgStore } from '../../stores/org.ts';
import { DepartmentTree } from './DepartmentTree.tsx';
import { departmentNames } from '../../components/departmentTree.ts';
import { UsersTable } from './UsersTable.tsx';
import { UserDrawer } from './UserDrawer.tsx';
import { TagsTab } from './TagsTab.tsx';

export default function OrgPage() {
  const { t } = useTranslation('org');
  const tab = useOrgStore((s) => s.tab);
  const setTab = useOrgStore((s) => s.setTab);
  const departmentId = useOrgStore((s) => s.filters.departmentId);
  const setDepartment = useOrgStore((s) => s.setDepartment);
  const openUserid = useOrgStore((s) => s.openUserid);
  const closeUser = useOrgStore((s) => s.closeUser);
  const departments = useServiceQuery('org.departments', {}, { topics: ['org'] });
  const list = useMemo(() => departments.data?.departments ?? [], [departments.data]);
  const names = useMemo(() => departmentNames(list), [list]);

  return (
    <div data-testid="org-page">
      <PageHeader title={t('title')} asOf={departments.data?.asOf ?? null} stale={departments.data?.stale ?? false} />
      {departments.error ? <ErrorAlert error={departments.error} onRetry={departments.refetch} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as typeof tab)}
        items={[
          {
            key: 'users',
            label: t('tabs.users'),
            children: (
              <Row gutter={16}>
                {/* the tree keeps its width; the users table takes the rest, from a 1024 px window up */}
                <Col flex="0 0 208px">
                  <Card size="small" title={t('tree.title')} loading={departments.loading && !departments.data}>
                    <DepartmentTree departments={list} selectedId={departmentId} onSelect={setDepartment} />
                  </Card>
                </Col>
                <Col flex="1 1 0" style={{ minWidth: 0 }}>
                  <Card
                    size="small"
                    title={departmentId === null ? t('users.title') : t('users.titleIn', { name: names.get(departmentId) ?? departmentId })}
                  >
                    <UsersTable departmentNames={names} />
                  </Card>
                </Col>
              </Row>
            ),
          },
          { key: 'tags', label: t('tabs.tags'), children: <TagsTab departmentNames={names} /> },
        ]}
      />
      <UserDrawer userid={openUserid} onClose={closeUser} />
    </div>
  );
}
