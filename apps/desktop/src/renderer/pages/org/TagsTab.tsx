// Tags (`tags.list`) and the members of the selected one (`tags.members`): users and departments.
import { useMemo, useState } from 'react';
import { Card, Col, Empty, Input, Row, Table, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Tag as WeComTag, User } from '../../../shared/models.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatNumber, userStatusLabel } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useOrgStore } from '../../stores/org.ts';

export function TagsTab({ departmentNames }: { departmentNames: Map<number, string> }) {
  const { t } = useTranslation('org');
  const selected = useOrgStore((s) => s.selectedTagId);
  const selectTag = useOrgStore((s) => s.selectTag);
  const openUser = useOrgStore((s) => s.openUser);
  const [search, setSearch] = useState('');
  const tags = useServiceQuery('tags.list', {}, { topics: ['tags'] });
  const members = useServiceQuery('tags.members', { tagid: selected ?? 0 }, { enabled: selected !== null, topics: ['tags', 'users'] });

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const list = tags.data?.tags ?? [];
    return needle ? list.filter((tag) => tag.tagname.toLowerCase().includes(needle)) : list;
  }, [tags.data, search]);
  const selectedTag = tags.data?.tags.find((tag) => tag.tagid === selected) ?? null;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card size="small" title={t('tags.title', { count: tags.data?.tags.length ?? 0 })}>
          {tags.error ? <ErrorAlert error={tags.error} onRetry={tags.refetch} /> : null}
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t('tags.search')}
            aria-label={t('tags.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ marginBottom: 8 }}
            data-testid="tags-search"
          />
          <Table<WeComTag>
            size="small"
            rowKey="tagid"
            loading={tags.loading && !tags.data}
            dataSource={shown}
            pagination={shown.length > 15 ? { pageSize: 15, size: 'small' } : false}
            data-testid="tags-table"
            rowClassName={(tag) => (tag.tagid === selected ? 'ant-table-row-selected' : '')}
            onRow={(tag) => ({
              onClick: () => selectTag(tag.tagid),
              onKeyDown: (e) => {
                if (e.key === 'Enter') selectTag(tag.tagid);
              },
              tabIndex: 0,
              style: { cursor: 'pointer' },
            })}
            columns={[
              { key: 'tagname', title: t('tags.name'), dataIndex: 'tagname', sorter: (a, b) => a.tagname.localeCompare(b.tagname) },
              {
                key: 'memberCount',
                title: t('tags.members'),
                dataIndex: 'memberCount',
                align: 'right',
                width: 90,
                render: (v: number) => formatNumber(v),
                sorter: (a, b) => a.memberCount - b.memberCount,
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        <Card size="small" title={selectedTag ? t('tags.membersOf', { name: selectedTag.tagname }) : t('tags.pick')}>
          {selected === null ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tags.pickHint')} />
          ) : (
            <>
              {members.error ? <ErrorAlert error={members.error} onRetry={members.refetch} /> : null}
              {members.data && members.data.departmentIds.length > 0 ? (
                <div style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{t('tags.departments')}: </Typography.Text>
                  {members.data.departmentIds.map((id) => (
                    <Tag key={id}>{departmentNames.get(id) ?? `#${id}`}</Tag>
                  ))}
                </div>
              ) : null}
              <Table<User>
                size="small"
                rowKey="userid"
                loading={members.loading}
                dataSource={members.data?.users ?? []}
                pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
                data-testid="tag-members"
                onRow={(u) => ({ onClick: () => openUser(u.userid), style: { cursor: 'pointer' } })}
                locale={{ emptyText: t('tags.noMembers') }}
                columns={[
                  { key: 'name', title: t('users.name'), dataIndex: 'name' },
                  { key: 'userid', title: t('users.userid'), dataIndex: 'userid' },
                  { key: 'position', title: t('users.position'), dataIndex: 'position' },
                  { key: 'status', title: t('users.status'), render: (_: unknown, u) => userStatusLabel(u.status) },
                ]}
              />
            </>
          )}
        </Card>
      </Col>
    </Row>
  );
}
