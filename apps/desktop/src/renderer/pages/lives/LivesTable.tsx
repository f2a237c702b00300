// The lives list: a compact table (hundreds of rows at most, so antd's own paging is enough).
import type { HTMLAttributes } from 'react';
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import { formatDuration, formatNumber, formatUnixDateTime, liveTypeLabel } from '../../format.ts';
import { useLiveStatusStore, withLiveStatus } from '../../stores/liveStatus.ts';
import { LiveRowActions } from './LiveRowActions.tsx';

/** Wide enough for about a dozen characters of a title at the smallest window (1024 px). */
const THEME_WIDTH = 220;

export function LivesTable({ lives, loading }: { lives: Live[]; loading: boolean }) {
  const { t } = useTranslation('lives');
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
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.livingStart - b.livingStart,
      render: (_: unknown, live) => formatUnixDateTime(live.livingStart),
    },
    {
      key: 'duration',
      title: t('columns.duration'),
      width: 110,
      sorter: (a, b) => a.livingDuration - b.livingDuration,
      render: (_: unknown, live) => formatDuration(live.livingDuration),
    },
    {
      key: 'viewers',
      title: t('columns.viewers'),
      width: 100,
      align: 'right',
      sorter: (a, b) => a.viewerNum - b.viewerNum,
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
      pagination={{ defaultPageSize: 50, showSizeChanger: true, showTotal: (total) => t('count', { count: total }) }}
      onRow={(live) => ({ 'data-testid': `live-row-${live.livingid}` }) as HTMLAttributes<HTMLTableRowElement>}
      locale={{ emptyText: t('empty') }}
      data-testid="lives-table"
      scroll={{ x: columns.reduce((sum, c) => sum + Number(c.width ?? 0), 0) }}
    />
  );
}
