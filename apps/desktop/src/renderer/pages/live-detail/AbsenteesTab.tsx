// Audience members who did not watch, by department, with a one-click reminder and an export.
import { useState } from 'react';
import { Collapse, Empty, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentLevel, Live, User } from '../../../shared/models.ts';
import { DepartmentLevelSelect, DepartmentName, departmentGroupLabel, departmentGroupLabels, departmentGroupPath } from '../../components/DepartmentLevelSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { liveExportHeading } from './liveExportHeading.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { formatNumber, userStatusLabel } from '../../format.ts';
import { RemindAbsentees } from './RemindAbsentees.tsx';

export function AbsenteesTab({ live, hasAudience }: { live: Live; hasAudience: boolean }) {
  const { t } = useTranslation('lives');
  const [level, setLevel] = useState<DepartmentLevel>(null);
  const absentees = useServiceQuery('lives.absentees', { livingid: live.livingid, level }, { topics: ['watch', 'org'], enabled: hasAudience });

  if (!hasAudience) return <Empty description={t('detail.absentees.noAudience')} data-testid="absentees-no-audience" />;
  if (absentees.error) return <ErrorAlert error={absentees.error} onRetry={absentees.refetch} />;
  const data = absentees.data;
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;

  const columns = [
    { key: 'name', dataIndex: 'name', title: t('detail.absentees.columns.name') },
    { key: 'userid', dataIndex: 'userid', title: t('detail.absentees.columns.userid') },
    { key: 'position', dataIndex: 'position', title: t('detail.absentees.columns.position') },
    { key: 'status', title: t('detail.absentees.columns.status'), render: (_: unknown, u: User) => userStatusLabel(u.status) },
  ];
  const exportColumns = [
    { key: 'department', title: t('detail.absentees.department') },
    { key: 'departmentPath', title: t('common:departments.path') },
    ...columns.map((c) => ({ key: c.key, title: c.title })),
  ];
  // two "第一小组" are told apart by their parents, the full path on hover
  const groupLabels = departmentGroupLabels(data.byDepartment);
  const load = async () =>
    data.byDepartment.flatMap((d) =>
      d.users.map((u) => ({ department: departmentGroupLabel(d), departmentPath: departmentGroupPath(d), name: u.name, userid: u.userid, position: u.position, status: userStatusLabel(u.status) })),
    );

  return (
    <div data-testid="absentees">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text strong data-testid="absentees-total">
          {data.total === 0 ? t('detail.absentees.none') : t('detail.absentees.summary', { count: data.total })}
        </Typography.Text>
        <Flex gap={8} wrap align="center">
          <DepartmentLevelSelect value={level} onChange={setLevel} testid="absentees-level" />
          <ExportButtons
            filename={t('detail.absentees.exportName', { theme: live.theme })}
            columns={exportColumns}
            heading={() => liveExportHeading(live)}
            load={load}
            disabled={data.total === 0}
          />
          <RemindAbsentees livingid={live.livingid} count={data.total} />
        </Flex>
      </Flex>
      {data.byDepartment.length > 0 ? (
        <Collapse
          size="small"
          items={data.byDepartment.map((d, i) => ({
            key: String(d.departmentId),
            label: (
              <span data-testid="absentees-group">
                <DepartmentName group={d} label={groupLabels[i]} testid="absentees-group-name" /> ({formatNumber(d.users.length)})
              </span>
            ),
            children: (
              <Table<User> size="small" rowKey="userid" columns={columns} dataSource={d.users} pagination={d.users.length > 20 ? { pageSize: 20 } : false} />
            ),
          }))}
        />
      ) : null}
    </div>
  );
}
