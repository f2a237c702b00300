// The department tree with user counts (direct / including sub-departments) and a search that narrows
// the tree to matching departments. Selecting a department filters the users table.
import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Input, Tooltip, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/models.ts';
import { formatNumber } from '../../format.ts';
import { buildDepartmentTree, filterDepartmentTree } from '../../components/departmentTree.ts';
import type { DepartmentNode } from '../../components/departmentTree.ts';

export interface DepartmentTreeProps {
  departments: readonly Department[];
  selectedId: number | null;
  onSelect: (departmentId: number | null) => void;
  height?: number;
}

function highlight(text: string, needle: string) {
  const at = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <mark style={{ padding: 0 }}>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}

export function DepartmentTree({ departments, selectedId, onSelect, height = 560 }: DepartmentTreeProps) {
  const { t } = useTranslation('org');
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const roots = useMemo(() => buildDepartmentTree(departments), [departments]);
  const filtered = useMemo(() => filterDepartmentTree(roots, search), [roots, search]);
  const needle = search.trim();

  const treeData = useMemo(() => {
    const toData = (node: DepartmentNode): TreeDataNode => {
      const d = node.department;
      return {
        key: d.id,
        title: (
          <Tooltip title={t('tree.counts', { direct: formatNumber(d.userCount), total: formatNumber(d.totalUserCount) })} placement="right">
            <span data-testid={`dept-${d.id}`}>
              {highlight(d.name, needle)}{' '}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatNumber(d.totalUserCount)}
              </Typography.Text>
            </span>
          </Tooltip>
        ),
        children: node.children.map(toData),
      };
    };
    return filtered.nodes.map(toData);
  }, [filtered, needle, t]);

  // Searching expands to the matches; otherwise the user's own expansion (roots open at first).
  const expandedKeys = needle ? filtered.expandedKeys : (expanded ?? roots.map((r) => r.key));

  return (
    <Flex vertical gap={8} data-testid="department-tree">
      <Input
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={t('tree.search')}
        aria-label={t('tree.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="department-search"
      />
      <Flex justify="space-between" align="center" wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {needle ? t('tree.matches', { count: filtered.matches }) : t('tree.departments', { count: departments.length })}
        </Typography.Text>
        <Button size="small" type="link" disabled={selectedId === null} onClick={() => onSelect(null)} data-testid="department-all">
          {t('tree.all')}
        </Button>
      </Flex>
      {treeData.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={needle ? t('tree.noMatch') : t('tree.empty')} />
      ) : (
        <Tree
          treeData={treeData}
          height={height}
          virtual
          blockNode
          showLine
          selectedKeys={selectedId === null ? [] : [selectedId]}
          expandedKeys={expandedKeys}
          onExpand={(keys) => setExpanded(keys.map(Number))}
          onSelect={(keys) => onSelect(keys.length > 0 ? Number(keys[0]) : null)}
        />
      )}
    </Flex>
  );
}
