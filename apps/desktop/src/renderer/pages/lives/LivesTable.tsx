// The lives list: one page of a compact table, paged and sorted by the services (a big corp holds
// thousands of lives: the whole list crossing to the window took ~200 ms of the screen's first data).
import type { HTMLAttributes } from 'react';
import type { SorterResult } from 'antd/es/table/interface';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import { formatDuration, formatNumber, formatUnixDateTime, liveTypeLabel } from '../../format.ts';
import { useLiveStatusStore, withLiveStatus } from '../../stores/liveStatus.ts';
import { useLivesStore, type LivesListPage } from '../../stores/lives.ts';
import { LiveRowActions } from './LiveRowActions.tsx';

/** Wide enough for about a dozen characters of a title at the smallest window (1024 px). */
const THEME_WIDTH = 220;

/** The columns the services sort by, by the table's column keys. */
const SORTS: Record<string, LivesListPage['sort']> = { start: 'start', duration: 'duration', viewers: 'viewers' };

export function LivesTable({ lives, total, loading }: { lives: Live[]; total: number; loading: boolean }) {
  const { t } = useTranslation('lives');
  const page = useLivesStore((s) => s.page);
  const setPage = useLivesStore((s) => s.setPage);
  const order = (key: LivesListPage['sort']) => (page.sort === key ? (page.desc ? 'descend' : 'ascend') : null);
  const latest = useLiveStatusStore((s) => s.byId);
  const rows = lives.map((live) => withLiveStatus(live, latest[live.livingid]));

  const columns: TableColumnsType<Live> = [
    {
      key: 'theme',
      title: t('columns.theme'),
      dataIndex: 'theme',
      // kept in view at any window width, like the actions; the full title on hover
      width: THEME_WIDTH,
      fixed: 'left',
      ellipsis: true,
      render: (_: unknown, live) => (
        <Link to={`/lives/${encodeURIComponent(live.livingid)}`} title={live.theme}>
          {live.theme}
        </Link>
      ),
    },
    { key: 'status', title: t('columns.status'), width: 100, render: (_: unknown, live) => <LiveStatusTag status={live.status} /> },
    { key: 'type', title: t('columns.type'), width: 110, render: (_: unknown, live) => liveTypeLabel(live.type) },
    {
      key: 'anchor',
      title: t('columns.anchor'),
      width: 120,
      ellipsis: true,
      render: (_: unknown, live) => live.anchorName ?? live.anchorUserid,
    },
    {
      key: 'start',
      title: t('columns.start'),
      width: 150,
      sorter: true,
      sortOrder: order('start'),
      render: (_: unknown, live) => formatUnixDateTime(live.livingStart),
    },
    {
      key: 'duration',
      title: t('columns.duration'),
      width: 110,
      sorter: true,
      sortOrder: order('duration'),
      render: (_: unknown, live) => formatDuration(live.livingDuration),
    },
    {
      key: 'viewers',
      title: t('columns.viewers'),
      width: 100,
      align: 'right',
      sorter: true,
      sortOrder: order('viewers'),
      render: (_: unknown, live) =>
        live.status === 1 ? (
          <Typography.Text type="danger">{t('liveNow.online', { count: live.onlineCount })}</Typography.Text>
        ) : (
          formatNumber(live.viewerNum)
        ),
    },
    { key: 'actions', title: t('columns.actions'), width: 120, fixed: 'right', render: (_: unknown, live) => <LiveRowActions live={live} /> },
  ];

  return (
    <Table<Live>
      size="small"
      rowKey="livingid"
      columns={columns}
      dataSource={rows}
      loading={loading && lives.length === 0}
      pagination={{ current: page.current, pageSize: page.size, total, showSizeChanger: true, showTotal: (count) => t('count', { count }) }}
      onChange={(pagination, _filters, sorter) => {
        const picked = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Live> | undefined;
        const sort = picked?.order ? SORTS[String(picked.columnKey)] : undefined;
        // a sort cleared by a third click goes back to newest first
        const next = sort ? { sort, desc: picked?.order === 'descend' } : { sort: 'start' as const, desc: true };
        const sortChanged = next.sort !== page.sort || next.desc !== page.desc;
        setPage({ ...next, size: pagination.pageSize ?? page.size, current: sortChanged ? 1 : (pagination.current ?? 1) });
      }}
      onRow={(live) => ({ 'data-testid': `live-row-${live.livingid}` }) as HTMLAttributes<HTMLTableRowElement>}
      locale={{ emptyText: t('empty') }}
      data-testid="lives-table"
      scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
    />
  );
}
