// A department path in a table cell: without the top-level company (the same on every row), with
// the full path on hover.
import { Tooltip } from 'antd';

export const withoutRoot = (path: string): string => {
  const parts = path.split(' / ');
  return parts.length > 1 ? parts.slice(1).join(' / ') : path;
};

export function DepartmentPathText({ path }: { path: string }) {
  return (
    <Tooltip title={path}>
      <span>{withoutRoot(path)}</span>
    </Tooltip>
  );
}

/** The columns that say who a learner is: name, user ID (wide screens), department path. */
export function learnerIdentityColumns(titles: { name: string; userid: string; department: string }) {
  return [
    { key: 'name', dataIndex: 'name', title: titles.name },
    { key: 'userid', dataIndex: 'userid', title: titles.userid, responsive: ['lg' as const] },
    {
      key: 'department',
      dataIndex: 'departmentPath',
      title: titles.department,
      ellipsis: { showTitle: false },
      render: (path: string) => <DepartmentPathText path={path} />,
    },
  ];
}

/** Long learner tables page by 20; short ones show every row. */
export const learnerPagination = (rows: number) => (rows > 20 ? { pageSize: 20, showSizeChanger: false } : false);
