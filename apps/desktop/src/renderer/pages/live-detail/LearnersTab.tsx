// A live's required learners: who they are (set here for any live), their status under the completion
// rule (完成 / 部分观看 / 未参加, watch time 含回放), the absentees' export and reminder once it has ended.
import { useMemo, useState } from 'react';
import { Button, Empty, Flex, Input, Segmented, Skeleton, Table, Tag, Tooltip, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DepartmentLevel, Live } from '../../../shared/models.ts';
import type { LearnerStatus, LiveLearner } from '../../../shared/training.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ExportButtons } from '../../components/ExportButtons.tsx';
import { formatDuration, formatNumber, formatPercent } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useFilterToRowsMark } from '../../hooks/useFilterToRowsMark.ts';
import { userLabel } from '../../components/UserSelect.tsx';
import { RequiredLearnersEditor } from '../training/RequiredLearnersEditor.tsx';
import { LearnerStatusTag } from '../training/LearnerStatusTag.tsx';
import { learnerIdentityColumns } from '../training/departmentPathText.tsx';
import { LearnerDepartments } from './LearnerDepartments.tsx';
import { RemindAbsentees } from './RemindAbsentees.tsx';

type Filter = 'all' | LearnerStatus;
const LEARNERS_PAGE = 20;

export function LearnersTab({ live }: { live: Live }) {
  const { t } = useTranslation('training');
  const [level, setLevel] = useState<DepartmentLevel>(1);
  const training = useServiceQuery('training.live', { livingid: live.livingid, level }, { topics: ['training', 'watch', 'org'] });
  const [editing, setEditing] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const [group, setGroup] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const data = training.data;
  // each learner's searchable text, lowered once per answer (a keystroke then only compares)
  const searchable = useMemo(() => (data?.learners ?? []).map((l) => `${l.name}\n${l.userid}\n${l.departmentPath}`.toLowerCase()), [data]);
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return (data?.learners ?? []).filter(
      (l, i) => (filter === 'all' || l.status === filter) && (group === null || l.groupId === group) && (needle === '' || searchable[i]!.includes(needle)),
    );
  }, [data, searchable, filter, search, group]);
  // the table gets only the page it shows: a list of 100k learners is not handed to it whole on each keystroke
  const pageCount = Math.max(1, Math.ceil(rows.length / LEARNERS_PAGE));
  const shownPage = Math.min(page, pageCount);
  const pageRows = useMemo(() => rows.slice((shownPage - 1) * LEARNERS_PAGE, shownPage * LEARNERS_PAGE), [rows, shownPage]);
  // names for the editor's chips, built when it opens (not on each keystroke of a 100k list)
  const knownLabels = useMemo(
    () => (editing && data ? Object.fromEntries(data.learners.map((l) => [l.userid, userLabel({ ...l, position: '' })])) : undefined),
    [editing, data],
  );
  const absentees = useMemo(() => (data?.learners ?? []).filter((l) => l.status === 'absent').length, [data]);
  const partial = useMemo(() => (data?.learners ?? []).filter((l) => l.status === 'partial').length, [data]);
  const filterChanging = useFilterToRowsMark('wld:learners-filter-to-rows', JSON.stringify([filter, search, group, level]));

  if (training.error && !data) return <ErrorAlert error={training.error} onRetry={training.refetch} />;
  if (!data) return <Skeleton active paragraph={{ rows: 6 }} />;
  // a refresh that fails (an org sync under way, the services restarting) is said above what was
  // shown, which stays: the editor must not be unmounted with the admin's picks in it
  const refreshFailed = training.error ? <ErrorAlert error={training.error} onRetry={training.refetch} /> : null;

  const editor = (
    <RequiredLearnersEditor
      open={editing}
      initial={{ required: data.requiredSource === 'live' ? data.required : data.required, threshold: data.thresholdSource === 'live' ? data.threshold : null }}
      onClose={() => setEditing(false)}
      knownLabels={knownLabels}
      onSave={async ({ required, threshold }) => {
        await api.call('training.setRequired', { livingid: live.livingid, required });
        await api.call('training.setLiveRule', { livingid: live.livingid, threshold });
      }}
    />
  );
  const editButton = (
    <Button icon={<TeamOutlined />} onClick={() => setEditing(true)} data-testid="required-edit">
      {data.required ? t('learners.edit') : t('learners.set')}
    </Button>
  );

  if (!data.required) {
    return (
      <div data-testid="learners">
        {refreshFailed}
        <Empty description={t('learners.noneSet')} data-testid="learners-none">
          {editButton}
        </Empty>
        {editor}
      </div>
    );
  }

  const { counts } = data;
  const columns = [
    ...learnerIdentityColumns({ name: t('learners.columns.name'), userid: t('learners.columns.userid'), department: t('learners.columns.department') }),
    { key: 'watchTime', title: t('learners.columns.watchTime'), render: (_: unknown, l: LiveLearner) => formatDuration(l.watchSeconds) },
    { key: 'ratio', title: t('learners.columns.ratio'), render: (_: unknown, l: LiveLearner) => formatPercent(l.ratio) },
    { key: 'status', title: t('learners.columns.status'), render: (_: unknown, l: LiveLearner) => <LearnerStatusTag status={l.status} /> },
  ];
  const exportColumns = [
    { key: 'name', title: t('learners.columns.name') },
    { key: 'userid', title: t('learners.columns.userid') },
    { key: 'department', title: t('learners.columns.department') },
    { key: 'watchSeconds', title: t('learners.columns.watchTime') },
    { key: 'status', title: t('learners.columns.status') },
  ];
  const load = async () =>
    rows.map((l) => ({ name: l.name, userid: l.userid, department: l.departmentPath, watchSeconds: l.watchSeconds, status: t(`status.${l.status}`) }));
  const sourceText =
    data.requiredSource === 'series' ? t('learners.source.series', { name: data.series?.name ?? '' }) : t(`learners.source.${data.requiredSource ?? 'live'}`);
  const selectedGroup = group === null ? undefined : data.byDepartment.find((g) => g.departmentId === group);

  return (
    <div data-testid="learners">
      {refreshFailed}
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Typography.Text strong data-testid="learners-required">
            {t('learners.required')} {formatNumber(counts.required)}
          </Typography.Text>
          {data.ended ? (
            <>
              <Tag color="green" data-testid="count-completed">
                {t('status.completed')} {formatNumber(counts.completed)}
              </Tag>
              <Tag color="gold" data-testid="count-partial">
                {t('status.partial')} {formatNumber(counts.partial)}
              </Tag>
              <Tag color="red" data-testid="count-absent">
                {t('status.absent')} {formatNumber(counts.absent)}
              </Tag>
            </>
          ) : null}
          <Typography.Text type="secondary">· {sourceText}</Typography.Text>
        </Flex>
        <Flex gap={8} wrap>
          {editButton}
          {data.ended ? (
            <>
              <ExportButtons filename={t('learners.exportName', { theme: live.theme })} columns={exportColumns} load={load} disabled={rows.length === 0} />
              <RemindAbsentees livingid={live.livingid} absent={absentees} partial={partial} />
            </>
          ) : null}
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" data-testid="learners-rule">
        {t('learners.rule', { percent: formatPercent(data.threshold, 0) })} ({t(`learners.ruleSource.${data.thresholdSource}`)})
        {data.includesReplay ? (
          <Tooltip title={t('replayHint')}>
            <Tag style={{ marginInlineStart: 8 }} data-testid="includes-replay">
              {t('replayIncluded')}
            </Tag>
          </Tooltip>
        ) : null}
        {' · '}
        <span data-testid="learners-active-only">{t('learners.activeOnly')}</span>
      </Typography.Paragraph>
      {data.ended ? null : (
        <Typography.Paragraph type="secondary" data-testid="learners-not-ended">
          {t('learners.notEnded')}
        </Typography.Paragraph>
      )}
      <LearnerDepartments
        groups={data.byDepartment}
        ended={data.ended}
        level={level}
        onLevelChange={(next) => {
          setLevel(next);
          setGroup(null); // the groups of another level are other departments
        }}
        selected={group}
        onSelect={(next) => {
          setGroup(next);
          setPage(1);
        }}
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {data.ended ? (
          <Segmented<Filter>
            value={filter}
            onChange={(next) => {
              filterChanging();
              setFilter(next);
              setPage(1);
            }}
            data-testid="learners-filter"
            options={[
              { value: 'all', label: t('learners.filterAll') },
              { value: 'completed', label: t('status.completed') },
              { value: 'partial', label: t('status.partial') },
              { value: 'absent', label: t('status.absent') },
            ]}
          />
        ) : null}
        <Input.Search
          allowClear
          style={{ width: 300, maxWidth: '100%' }}
          placeholder={t('learners.search')}
          value={search}
          onChange={(e) => {
            filterChanging();
            setSearch(e.target.value);
            setPage(1);
          }}
          data-testid="learners-search"
        />
        {selectedGroup ? (
          <Tag closable onClose={() => setGroup(null)} data-testid="learners-group-filter">
            {t('learners.inDepartment', { name: selectedGroup.path || selectedGroup.name })}
          </Tag>
        ) : null}
      </Flex>
      <Table<LiveLearner>
        size="small"
        rowKey="userid"
        columns={columns}
        dataSource={pageRows}
        pagination={rows.length > LEARNERS_PAGE ? { pageSize: LEARNERS_PAGE, current: shownPage, total: rows.length, showSizeChanger: false, onChange: setPage } : false}
        scroll={{ x: 720 }}
        data-testid="learners-table"
      />
      {editor}
    </div>
  );
}
