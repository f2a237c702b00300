// The most-watched lives in the range; a row opens the live.
import type { HTMLAttributes } from 'react';
import { Card, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatUnixDateTime } from '../../format.ts';
import type { Overview } from './types.ts';

type TopLive = Overview['topLives'][number];

export function TopLivesTable({ overview }: { overview: Overview }) {
  const { t } = useTranslation('statistics');
  const navigate = useNavigate();
  const open = (live: TopLive) => void navigate(`/lives/${encodeURIComponent(live.livingid)}`);
  return (
    <Card size="small" title={t('top.title')}>
      <Table<TopLive>
        size="small"
        rowKey="livingid"
        dataSource={overview.topLives}
        pagination={overview.topLives.length > 10 ? { pageSize: 10, size: 'small' } : false}
        data-testid="top-lives"
        locale={{ emptyText: t('empty') }}
        onRow={(live) => ({
          onClick: () => open(live),
          onKeyDown: (e) => {
            if (e.key === 'Enter') open(live);
          },
          tabIndex: 0,
          style: { cursor: 'pointer' },
          'data-testid': `top-live-${live.livingid}`,
        } as HTMLAttributes<HTMLElement>)}
        columns={[
          { key: 'theme', title: t('top.theme'), render: (_: unknown, l) => <Typography.Link>{l.theme}</Typography.Link> },
          { key: 'start', title: t('top.start'), width: 150, render: (_: unknown, l) => formatUnixDateTime(l.livingStart) },
          {
            key: 'viewers',
            title: t('top.viewers'),
            width: 100,
            align: 'right',
            render: (_: unknown, l) => formatNumber(l.viewers),
            sorter: (a, b) => a.viewers - b.viewers,
          },
          {
            key: 'watchHours',
            title: t('top.watchHours'),
            width: 110,
            align: 'right',
            // not synced yet: unknown, not 0
            render: (_: unknown, l) => (l.watchHours === null ? '–' : formatNumber(l.watchHours, 1)),
            sorter: (a, b) => (a.watchHours ?? -1) - (b.watchHours ?? -1),
          },
        ]}
      />
    </Card>
  );
}
