// Picks departments from the cached tree (searchable by name), stopping at a cap.
import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/models.ts';
import { buildDepartmentTree } from '../org/departmentTree.ts';
import type { DepartmentNode } from '../org/departmentTree.ts';

interface DepartmentOption {
  value: number;
  title: string;
  children: DepartmentOption[];
}

export interface DepartmentSelectProps {
  departments: readonly Department[];
  value: number[];
  onChange: (ids: number[]) => void;
  maxCount: number;
  disabled?: boolean;
  'data-testid'?: string;
}

export function DepartmentSelect({ departments, value, onChange, maxCount, disabled, ...rest }: DepartmentSelectProps) {
  const { t } = useTranslation('messages');
  const treeData = useMemo(() => {
    const toOption = (node: DepartmentNode): DepartmentOption => ({
      value: node.department.id,
      title: `${node.department.name} (${node.department.totalUserCount})`,
      children: node.children.map(toOption),
    });
    return buildDepartmentTree(departments).map(toOption);
  }, [departments]);

  return (
    <TreeSelect<number[]>
      multiple
      value={value}
      onChange={(ids) => onChange(ids)}
      treeData={treeData}
      showSearch={{ treeNodeFilterProp: 'title' }}
      maxCount={maxCount}
      placeholder={t('recipients.departmentsPlaceholder')}
      treeDefaultExpandedKeys={treeData.map((d) => d.value)}
      maxTagCount="responsive"
      disabled={disabled}
      style={{ width: '100%' }}
      listHeight={360}
      aria-label={t('recipients.departments')}
      data-testid={rest['data-testid']}
    />
  );
}
