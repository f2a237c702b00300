// The lives list: one page of a compact table, paged and sorted by the services (a big corp holds
// thousands of lives: the whole list crossing to the window took ~200 ms of the screen's first data).
// Drawn with LightTable: the first page is the screen's first data, and antd's Table cost it ~30-40 ms.
import { Pagination, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { LightTable, type LightColumn, type LightSort } from '../../components/LightTable.tsx';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import { formatDuration, formatNumber, formatUnixDateTime, liveTypeLabel } from '../../format.ts';
import { useLiveStatusStore, withLiveStatus } from '../../stores/liveStatus.ts';
import { useLivesStore, type LivesListPage } from '../../stores/lives.ts';
import { hasLiveFilters } from '../../stores/lives-filters.ts';
import { LIVES_PAGE_SIZES } from '../../stores/lives-page-size.ts';
import { LiveRowActions } from './LiveRowActions.tsx';

/** Wide enough for about a dozen characters of a title at the smallest window (1024 px). */
const THEME_WIDTH = 220;

/** The columns the services sort by, by the table's column keys. */
const SORTS: Record<string, LivesListPage['sort']> = {
  start: 'start',
  duration: 'duration',
  viewers: 'viewers',
};

const livingid = (live: Live) => live.livingid;
const rowTestId = (live: Live) => `live-row-${live.livingid}`;

export function LivesTable({ lives, total, loading }: { lives: Live[]; total: number; loading: boolean }) {
  const { t } = useTranslation('lives');
  const page = useLivesStore((s) => s.page);
  const setPage = useLivesStore((s) => s.setPage);
  const filtered = useLivesStore((s) => hasLiveFilters(s.filters));
  const latest = useLiveStatusStore((s) => s.byId);
  const rows = lives.map((live) => withLiveStatus(live, latest[live.livingid]));

  // what an admin scans for first (theme, start, status, anchor) before what the narrowest window scrolls to
  const columns: LightColumn<Live>[] = [
    {
      key: 'theme',
      title: t('columns.theme'),
      // kept in view at any window width, like the actions; the full title on hover
      width: THEME_WIDTH,
      fixed: 'start',
      ellipsis: true,
      render: (live) => (
        <Link to={`/lives/${encodeURIComponent(live.livingid)}`} title={live.theme}>
          {live.theme}
        </Link>
      ),
    },
    {
      key: 'start',
      title: t('columns.start'),
      width: 150,
      sortable: true,
      render: (live) => formatUnixDateTime(live.livingStart),
    },
    {
      key: 'status',
      title: t('columns.status'),
      width: 100,
      render: (live) => <LiveStatusTag status={live.status} />,
    },
    {
      key: 'anchor',
      title: t('columns.anchor'),
      width: 120,
      ellipsis: true,
      render: (live) => live.anchorName ?? live.anchorUserid,
    },
    { key: 'type', title: t('columns.type'), width: 110, render: (live) => liveTypeLabel(live.type) },
    {
      key: 'duration',
      title: t('columns.duration'),
      width: 110,
      sortable: true,
      render: (live) => formatDuration(live.livingDuration),
    },
    {
      key: 'viewers',
      title: t('columns.viewers'),
      width: 100,
      align: 'right',
      sortable: true,
      render: (live) =>
        live.status === 1 ? (
          <Typography.Text type="danger">{t('liveNow.online', { count: live.onlineCount })}</Typography.Text>
        ) : (
          formatNumber(live.viewerNum)
        ),
    },
    {
      key: 'actions',
      title: t('columns.actions'),
      width: 120,
      fixed: 'end',
      render: (live) => <LiveRowActions live={live} />,
    },
  ];

  const onSortChange = (next: LightSort) => {
    const sort = SORTS[next.key];
    if (sort) setPage({ sort, desc: next.desc, current: 1 });
  };

  return (
    <LightTable<Live>
      data-testid="lives-table"
      columns={columns}
      rows={rows}
      rowKey={livingid}
      rowTestId={rowTestId}
      sort={{ key: page.sort, desc: page.desc }}
      onSortChange={onSortChange}
      loading={loading && lives.length === 0}
      emptyText={t(filtered ? 'empty' : 'emptyNone')}
      footer={
        // no pages to move between while the list is empty, as antd's Table does
        total > 0 ? (
          <Pagination
            className="ant-table-pagination ant-table-pagination-end"
            size="small"
            current={page.current}
            pageSize={page.size}
            total={total}
            showSizeChanger
            pageSizeOptions={[...LIVES_PAGE_SIZES]}
            showTotal={(count) => t('count', { count })}
            onChange={(current, size) => setPage({ size, current: size === page.size ? current : 1 })}
            data-testid="lives-pagination"
          />
        ) : null
      }
    />
  );
}
