// Sorting and export rows for one live's watch statistics.
import type { MethodInput } from '../../../shared/contract.ts';
import type { Live, WatchRow } from '../../../shared/models.ts';
import { percentCell } from '../../export/cells.ts';
import { externalTypeLabel, formatDuration, viewerKindLabel, yesNo } from '../../format.ts';

export type WatchKind = 'all' | 'internal' | 'external';
export type WatchSortKey = NonNullable<MethodInput<'lives.watchStats'>['sort']>;

/** Table column key → the services' sort key. */
export const WATCH_SORT_KEYS: Record<string, WatchSortKey> = {
  name: 'name',
  departmentName: 'department',
  watchTime: 'watchTime',
};

/** watch time against the live's length, capped at 100%. */
export const completion = (row: Pick<WatchRow, 'watchTime'>, live: Pick<Live, 'livingDuration'>): number | null =>
  live.livingDuration > 0 ? Math.min(1, row.watchTime / live.livingDuration) : null;

export const watchExportColumns = (t: (key: string) => string) => [
  { key: 'name', title: t('detail.watch.columns.name') },
  { key: 'kind', title: t('detail.watch.columns.kind') },
  { key: 'id', title: t('detail.watch.columns.id') },
  { key: 'department', title: t('detail.watch.columns.department') },
  { key: 'departmentPath', title: t('common:departments.path') },
  { key: 'watchSeconds', title: t('detail.watch.columns.watchSeconds') },
  { key: 'watchTime', title: t('detail.watch.columns.watchTime') },
  { key: 'completion', title: t('detail.watch.columns.completion') },
  { key: 'comment', title: t('detail.watch.columns.comment') },
  { key: 'mic', title: t('detail.watch.columns.mic') },
  { key: 'invitor', title: t('detail.watch.columns.invitor') },
  { key: 'externalType', title: t('detail.watch.columns.externalType') },
];

export function watchExportRow(row: WatchRow, live: Pick<Live, 'livingDuration'>): Record<string, unknown> {
  const ratio = completion(row, live);
  return {
    name: row.name,
    kind: viewerKindLabel(row.kind),
    id: row.id,
    department: row.departmentName ?? '',
    departmentPath: row.departmentPath ?? '',
    watchSeconds: row.watchTime,
    watchTime: formatDuration(row.watchTime),
    // a ratio: Excel shows it as 0.0% and can sort and chart it, CSV writes "99.9%"
    completion: ratio === null ? null : percentCell(ratio),
    comment: yesNo(row.isComment),
    mic: yesNo(row.isMic),
    invitor: row.invitorUserid ?? row.invitorExternalUserid ?? '',
    externalType: row.kind === 'external' ? externalTypeLabel(row.externalType) : '',
  };
}
