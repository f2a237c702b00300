// A live's required learners per department at a chosen level (一级部门…末级部门), like the 各部门观看
// chart: who was required and how many completed in each; a click narrows the learner list to it.
import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartmentLevel } from '../../../shared/models.ts';
import type { LiveTraining } from '../../../shared/training.ts';
import { DepartmentLevelSelect, DepartmentName, departmentGroupLabels } from '../../components/DepartmentLevelSelect.tsx';
import { formatNumber, formatPercent } from '../../format.ts';

type Group = LiveTraining['byDepartment'][number];

export function LearnerDepartments({
  groups,
  ended,
  level,
  onLevelChange,
  selected,
  onSelect,
}: {
  groups: LiveTraining['byDepartment'];
  ended: boolean;
  level: DepartmentLevel;
  onLevelChange: (level: DepartmentLevel) => void;
  selected: number | null;
  onSelect: (departmentId: number | null) => void;
}) {
  const { t } = useTranslation('training');
  const labels = new Map(departmentGroupLabels(groups).map((label, i) => [groups[i]!.departmentId, label]));
  const count = (n: number) => formatNumber(n);
  const columns = [
    {
      key: 'department',
      title: t('learners.columns.department'),
      ellipsis: true,
      render: (_: unknown, g: Group) => <DepartmentName group={g} label={labels.get(g.departmentId)} testid="learner-group-name" />,
    },
    { key: 'required', title: t('learners.required'), width: 110, align: 'right' as const, render: (_: unknown, g: Group) => count(g.counts.required) },
    ...(ended
      ? [
          { key: 'completed', title: t('status.completed'), width: 110, align: 'right' as const, render: (_: unknown, g: Group) => count(g.counts.completed) },
          { key: 'partial', title: t('status.partial'), width: 120, align: 'right' as const, render: (_: unknown, g: Group) => count(g.counts.partial) },
          { key: 'absent', title: t('status.absent'), width: 120, align: 'right' as const, render: (_: unknown, g: Group) => count(g.counts.absent) },
          {
            key: 'rate',
            title: t('learners.completionRate'),
            width: 130,
            align: 'right' as const,
            render: (_: unknown, g: Group) => formatPercent(g.counts.required > 0 ? g.counts.completed / g.counts.required : 0),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="learner-departments" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('learners.byDepartment')}</Typography.Text>
        <DepartmentLevelSelect value={level} onChange={onLevelChange} testid="learners-level" />
      </Flex>
      <Table<Group>
        size="small"
        rowKey="departmentId"
        columns={columns}
        dataSource={groups}
        pagination={groups.length > 5 ? { pageSize: 5, showSizeChanger: false, size: 'small' } : false}
        scroll={{ x: ended ? 780 : 340 }}
        rowClassName={(g) => (g.departmentId === selected ? 'ant-table-row-selected' : '')}
        onRow={(g) => ({
          onClick: () => onSelect(g.departmentId === selected ? null : g.departmentId),
          style: { cursor: 'pointer' },
          'data-testid': `learner-group-${g.departmentId}`,
        })}
        data-testid="learner-groups"
      />
    </div>
  );
}
