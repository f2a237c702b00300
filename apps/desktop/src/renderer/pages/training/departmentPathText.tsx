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
