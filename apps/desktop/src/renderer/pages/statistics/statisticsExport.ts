// The overview's tables and series as rows for `exportRows`: one data set per file.
import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { ExportColumn } from '../../export/exportRows.ts';
import { headingTime } from '../../export/heading.ts';
import { utcOffsetLabel } from '../../../shared/dates.ts';
import type { StatisticsFilters } from '../../stores/statistics.ts';
import { percentCell } from '../../export/cells.ts';
import { departmentGroupLabel, departmentGroupPath } from '../../components/DepartmentLevelSelect.tsx';
import type { Overview } from './types.ts';
import { livesPerWeek } from './livesPerWeek.ts';
import { firstDayOfWeek } from '../../format.ts';

export const EXPORT_DATASETS = ['topLives', 'trend', 'livesPerWeek', 'completionByDepartment', 'share'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export interface ExportTable {
  columns: ExportColumn[];
  rows: Record<string, unknown>[];
}

const date = (unix: number) => dayjs.unix(unix).format('YYYY-MM-DD');
const dateTime = (unix: number) => dayjs.unix(unix).format('YYYY-MM-DD HH:mm');
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function exportTable(overview: Overview, dataset: ExportDataset, t: TFunction): ExportTable {
  const col = (key: string, title: string): ExportColumn => ({ key, title: t(title) });
  switch (dataset) {
    case 'topLives':
      return {
        columns: [col('theme', 'statistics:top.theme'), col('livingStart', 'statistics:top.start'), col('viewers', 'statistics:top.viewers'), col('watchHours', 'statistics:top.watchHours'), col('livingid', 'statistics:top.livingid')],
        rows: overview.topLives.map((l) => ({ theme: l.theme, livingStart: dateTime(l.livingStart), viewers: l.viewers, watchHours: l.watchHours === null ? '' : round(l.watchHours, 2), livingid: l.livingid })),
      };
    case 'trend':
      return {
        columns: [col('day', 'statistics:export.day'), col('lives', 'statistics:series.lives'), col('viewers', 'statistics:series.viewers'), col('watchHours', 'statistics:series.watchHours')],
        rows: overview.trend.map((d) => ({ day: date(d.day), lives: d.lives, viewers: d.viewers, watchHours: round(d.watchHours, 2) })),
      };
    case 'livesPerWeek':
      return {
        columns: [col('weekStart', 'statistics:export.weekStart'), col('lives', 'statistics:series.lives')],
        rows: livesPerWeek(overview.trend, firstDayOfWeek()).map((w) => ({ weekStart: date(w.weekStart), lives: w.lives })),
      };
    case 'completionByDepartment':
      return {
        columns: [
          col('name', 'statistics:export.department'),
          col('path', 'statistics:export.departmentPath'),
          col('viewers', 'statistics:series.viewers'),
          col('averageCompletion', 'statistics:export.completion'),
        ],
        rows: overview.completionByDepartment.map((d) => ({
          name: departmentGroupLabel(d),
          path: departmentGroupPath(d),
          viewers: d.viewers,
          averageCompletion: percentCell(d.averageCompletion),
        })),
      };
    case 'share':
      return {
        columns: [col('kind', 'statistics:export.kind'), col('viewers', 'statistics:series.viewers')],
        rows: [
          { kind: t('statistics:share.internal'), viewers: overview.share.internal },
          { kind: t('statistics:share.external'), viewers: overview.share.external },
        ],
      };
  }
}

/**
 * The lines at the top of the file: the data set, the date range with its zone, the department
 * filter (and whether it is the viewers' or the host's), and the export time.
 */
export function exportHeading(
  dataset: ExportDataset,
  filters: Pick<StatisticsFilters, 'from' | 'to' | 'departmentId' | 'departmentBy'>,
  departmentPath: string | null,
  t: TFunction,
  now: number,
): string[] {
  const lines = [
    t('statistics:export.title', { dataset: t(`statistics:export.datasets.${dataset}`) }),
    t('statistics:export.range', { from: date(filters.from), to: date(filters.to), zone: utcOffsetLabel(filters.from * 1000) }),
  ];
  if (filters.departmentId !== null && departmentPath) {
    const by = t(`statistics:filters.departmentBy.${filters.departmentBy}`);
    lines.push(t('statistics:export.filter', { by, path: departmentPath }));
  }
  lines.push(t('common:export.exportedAt', { time: headingTime(now) }));
  return lines;
}
