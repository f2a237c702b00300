// The one department picker: the cached tree with each department's member count, searchable by name,
// its top level open. Forms and filters choose one or many through TreeSelect's own props.
import { useMemo } from 'react';
import { TreeSelect, type TreeSelectProps } from 'antd';
import type { Department } from '../../shared/models.ts';
import { formatNumber } from '../format.ts';
import { buildDepartmentTree, type DepartmentNode } from './departmentTree.ts';

interface DepartmentOption {
  value: number;
  title: string;
  children: DepartmentOption[];
}

export type DepartmentPickerProps<V> = Omit<TreeSelectProps<V>, 'treeData' | 'showSearch' | 'treeDefaultExpandedKeys'> & {
  departments: readonly Department[];
};

export function DepartmentPicker<V = unknown>({ departments, ...props }: DepartmentPickerProps<V>) {
  const options = useMemo(() => {
    const toOption = (node: DepartmentNode): DepartmentOption => ({
      value: node.key,
      title: `${node.department.name} (${formatNumber(node.department.totalUserCount)})`,
      children: node.children.map(toOption),
    });
    return buildDepartmentTree(departments).map(toOption);
  }, [departments]);

  return (
    <TreeSelect<V>
      listHeight={360}
      maxTagCount="responsive"
      {...props}
      // opened before the departments arrived, the tree would keep its top level shut: start it again once
      key={options.length === 0 ? 'waiting' : 'loaded'}
      treeData={options}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
    />
  );
}
