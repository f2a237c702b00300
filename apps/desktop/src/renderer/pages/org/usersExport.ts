// The users export says what it holds: the department in its file name, and heading lines with the
// department (and whether its sub-departments are in), the search, the status and when it was made;
// several departments' exports no longer all arrive as 成员列表.csv, 成员列表 (1).csv, …
import type { TFunction } from 'i18next';
import { headingTime } from '../../export/heading.ts';
import { userStatusLabel } from '../../format.ts';
import type { UserFilters } from '../../stores/org-filters.ts';

type ExportedFilters = Pick<UserFilters, 'query' | 'departmentId' | 'recursive' | 'status'>;

/** The department named by the filters (null: all users). */
const namedDepartment = (filters: ExportedFilters, departmentName: string | null) =>
  filters.departmentId !== null && departmentName ? departmentName : null;

export function usersExportName(filters: ExportedFilters, departmentName: string | null, t: TFunction): string {
  const named = namedDepartment(filters, departmentName);
  return named ? t('org:users.exportNameIn', { name: named }) : t('org:users.exportName');
}

export function usersExportHeading(filters: ExportedFilters, departmentName: string | null, t: TFunction, now: number): string[] {
  const named = namedDepartment(filters, departmentName);
  const title = named ? t('org:users.titleIn', { name: named }) : t('org:users.title');
  const heading = [named && filters.recursive ? `${title} · ${t('org:users.recursive')}` : title];
  const query = filters.query.trim();
  if (query) heading.push(t('org:users.exportSearch', { query }));
  if (filters.status !== null) heading.push(t('org:users.exportStatus', { status: userStatusLabel(filters.status) }));
  heading.push(t('common:export.exportedAt', { time: headingTime(now) }));
  return heading;
}
