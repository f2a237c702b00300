// Who watched and for how long: internal and external viewers in a windowed, sortable table, exportable.
import { useState } from 'react';
import { Alert, Flex, Segmented, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Live, WatchRow } from '../../../shared/models.ts';
import { VirtualTable, widthForTitle } from '../../components/VirtualTable.tsx';
import type { VirtualColumn, VirtualSort } from '../../components/VirtualTable.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { liveExportHeading } from './liveExportHeading.ts';
import { collectPages } from '../../export/collectPages.ts';
import { useServicePages } from '../../hooks/useServicePages.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { formatDuration, formatPercent, viewerKindLabel, yesNo } from '../../format.ts';
import { completion, WATCH_SORT_KEYS, watchExportColumns, watchExportRow } from './watchStats.ts';
import type { WatchKind } from './watchStats.ts';

const rowsOfPage = (page: { total: number; rows: WatchRow[] }) => ({ total: page.total, rows: page.rows });

export function WatchStatsTab({ live }: { live: Live }) {
  const { t } = useTranslation('lives');
  const [kind, setKind] = useState<WatchKind>('all');
  const [sort, setSort] = useState<VirtualSort>({ key: 'watchTime', desc: true });
  const sortKey = WATCH_SORT_KEYS[sort.key] ?? 'watchTime';
  const filter = { livingid: live.livingid, kind, sort: sortKey, desc: sort.desc };
  // New watch data (a sync) refreshes the rows in place.
  const source = useServicePages('lives.watchStats', (offset, limit) => ({ ...filter, offset, limit }), rowsOfPage, { topics: ['watch'] });
  // Whether the cache holds every viewer: one row is enough to know.
  const info = useServiceQuery('lives.watchStats', { ...filter, offset: 0, limit: 1 }, { topics: ['watch'] }).data;

  const columns: VirtualColumn<WatchRow>[] = [
    { key: 'name', title: t('detail.watch.columns.name'), sortable: true, width: 160 },
    {
      key: 'kind',
      title: t('detail.watch.columns.kind'),
      width: widthForTitle(t('detail.watch.columns.kind'), 100),
      render: (r) => <Tag color={r.kind === 'internal' ? 'blue' : 'green'}>{viewerKindLabel(r.kind)}</Tag>,
    },
    {
      key: 'departmentName',
      title: t('detail.watch.columns.department'),
      sortable: true,
      render: (r) =>
        r.departmentName === null ? (
          '–'
        ) : (
          <Tooltip title={r.departmentPath ?? r.departmentName}>
            <span data-testid="watch-department" data-path={r.departmentPath ?? ''}>
              {r.departmentName}
            </span>
          </Tooltip>
        ),
    },
    { key: 'watchTime', title: t('detail.watch.columns.watchTime'), sortable: true, width: widthForTitle(t('detail.watch.columns.watchTime'), 130, { sortable: true }), align: 'right', render: (r) => formatDuration(r.watchTime) },
    { key: 'completion', title: t('detail.watch.columns.completion'), width: widthForTitle(t('detail.watch.columns.completion'), 90), align: 'right', render: (r) => formatPercent(completion(r, live)) },
    { key: 'isComment', title: t('detail.watch.columns.comment'), width: widthForTitle(t('detail.watch.columns.comment'), 70), align: 'center', render: (r) => yesNo(r.isComment) },
    { key: 'isMic', title: t('detail.watch.columns.mic'), width: widthForTitle(t('detail.watch.columns.mic'), 70), align: 'center', render: (r) => yesNo(r.isMic) },
    { key: 'id', title: t('detail.watch.columns.id'), width: 160, render: (r) => r.id },
  ];

  const load = async (signal: AbortSignal, onProgress: (p: { done: number; total: number | null }) => void) => {
    const rows = await collectPages(source.fetchPage, { pageSize: 1000, signal, onProgress });
    return rows.map((row) => watchExportRow(row, live));
  };

  return (
    <div data-testid="watch-stats">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented<WatchKind>
          value={kind}
          onChange={setKind}
          options={(['all', 'internal', 'external'] as const).map((k) => ({ value: k, label: t(`detail.watch.kind.${k}`) }))}
          data-testid="watch-kind"
        />
        <ExportButtons
          filename={t('detail.watch.exportName', { theme: live.theme })}
          columns={watchExportColumns(t)}
          heading={() => liveExportHeading(live)}
          load={load}
        />
      </Flex>
      {info && !info.complete ? <Alert type="info" showIcon title={t('detail.watch.incomplete')} style={{ marginBottom: 12 }} /> : null}
      <VirtualTable<WatchRow>
        columns={columns}
        rowKey={(r) => `${r.kind}:${r.id}`}
        source={source}
        sort={sort}
        onSortChange={setSort}
        height={480}
        emptyText={t('detail.analytics.noData')}
        data-testid="watch-table"
        aria-label={t('detail.tabs.watch')}
      />
    </div>
  );
}
