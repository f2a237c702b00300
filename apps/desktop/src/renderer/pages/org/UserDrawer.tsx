// One user in full (`users.get`): profile fields, departments, tags, and the lives they watched with
// their watch time (click a live to open it).
import { Descriptions, Drawer, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AsOf } from '../../components/AsOf.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDuration, formatUnixDateTime, nameWithId, userStatusLabel } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';

export interface UserDrawerProps {
  userid: string | null;
  onClose: () => void;
}

export function UserDrawer({ userid, onClose }: UserDrawerProps) {
  const { t } = useTranslation('org');
  const query = useServiceQuery('users.get', { userid: userid ?? '' }, { enabled: userid !== null, topics: ['users', 'tags', 'watch'] });
  const data = query.data && query.data.user.userid === userid ? query.data : undefined;
  const user = data?.user;

  return (
    <Drawer
      open={userid !== null}
      onClose={onClose}
      size={560}
      title={user ? nameWithId(user.name, user.userid) : userid}
      extra={data ? <AsOf asOf={data.asOf} stale={data.stale} /> : null}
      data-testid="user-drawer"
    >
      {query.error ? <ErrorAlert error={query.error} onRetry={query.refetch} /> : null}
      {!data ? (
        query.error ? null : <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'userid', label: t('users.userid'), children: <Typography.Text code copyable>{data.user.userid}</Typography.Text> },
              { key: 'name', label: t('users.name'), children: data.user.name },
              { key: 'alias', label: t('drawer.alias'), children: data.user.alias || '–' },
              { key: 'position', label: t('users.position'), children: data.user.position || '–' },
              { key: 'status', label: t('users.status'), children: userStatusLabel(data.user.status) },
              {
                key: 'departments',
                label: t('users.departments'),
                children: data.departmentNames.length ? data.departmentNames.map((n) => <Tag key={n}>{n}</Tag>) : '–',
              },
              { key: 'email', label: t('drawer.email'), children: data.user.email || '–' },
              { key: 'mobile', label: t('drawer.mobile'), children: data.user.mobile || '–' },
              {
                key: 'tags',
                label: t('drawer.tags'),
                children: data.tags.length ? data.tags.map((tag) => <Tag color="blue" key={tag.tagid}>{tag.tagname}</Tag>) : '–',
              },
            ]}
          />
          <div>
            <Typography.Title level={5}>{t('drawer.watched', { count: data.watched.length })}</Typography.Title>
            {data.watched.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('drawer.noWatched')} />
            ) : (
              <Table
                size="small"
                rowKey="livingid"
                dataSource={data.watched}
                pagination={data.watched.length > 10 ? { pageSize: 10, size: 'small' } : false}
                data-testid="user-watched"
                columns={[
                  {
                    key: 'theme',
                    title: t('drawer.live'),
                    render: (_: unknown, w) => (
                      <Link to={`/lives/${encodeURIComponent(w.livingid)}`} onClick={onClose}>
                        {w.theme}
                      </Link>
                    ),
                  },
                  { key: 'start', title: t('drawer.start'), width: 150, render: (_: unknown, w) => formatUnixDateTime(w.livingStart) },
                  {
                    key: 'watchTime',
                    title: t('drawer.watchTime'),
                    width: 110,
                    align: 'right',
                    render: (_: unknown, w) => formatDuration(w.watchTime),
                    sorter: (a, b) => a.watchTime - b.watchTime,
                  },
                ]}
              />
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  );
}
