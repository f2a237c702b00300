// One training series: its lives (add, remove), its required learners and completion rule, and each
// learner's completion across the sessions in a period.
import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, DatePicker, Flex, Popconfirm, Result, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract.ts';
import { DEFAULT_COMPLETION_THRESHOLD, type SeriesLearner } from '../../../shared/training.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LiveStatusTag } from '../../components/LiveStatusTag.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { errorText } from '../../errors.ts';
import { formatNumber, formatPercent, formatUnixDateTime } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { LearnerStatusTag } from './LearnerStatusTag.tsx';
import { DepartmentPathText, learnerPagination } from './departmentPathText.tsx';
import { RequiredLearnersEditor } from './RequiredLearnersEditor.tsx';
import { userLabel } from '../../components/UserSelect.tsx';

type SeriesLive = MethodOutput<'training.seriesGet'>['lives'][number];

export default function SeriesPage() {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const [period, setPeriod] = useState<[number, number] | null>(null);
  const [editing, setEditing] = useState(false);
  const [query, setQuery] = useState('');
  const detail = useServiceQuery('training.seriesGet', { id, from: period?.[0] ?? null, to: period?.[1] ?? null }, { topics: ['training', 'lives', 'watch', 'org'], enabled: Number.isInteger(id) });
  const candidates = useServiceQuery('lives.list', { query }, { topics: ['lives'] });

  const run = async (call: () => Promise<unknown>) => {
    try {
      await call();
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const back = (
    <Link to="/training">
      <ArrowLeftOutlined /> {t('series.back')}
    </Link>
  );

  if (detail.error?.kind === 'not_found') return <Result status="404" title={t('series.notFound')} extra={back} data-testid="series-not-found" />;
  if (detail.error && !detail.data) return <ErrorAlert error={detail.error} onRetry={detail.refetch} />;
  const data = detail.data;
  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const { series } = data;
  const inSeries = new Set(data.lives.map((l) => l.livingid));

  const liveColumns = [
    { key: 'theme', title: t('lives:columns.theme'), render: (_: unknown, l: SeriesLive) => <Link to={`/lives/${l.livingid}`}>{l.theme}</Link> },
    { key: 'start', title: t('lives:columns.start'), width: 150, render: (_: unknown, l: SeriesLive) => formatUnixDateTime(l.livingStart) },
    { key: 'status', width: 90, title: t('lives:columns.status'), render: (_: unknown, l: SeriesLive) => <LiveStatusTag status={l.status} /> },
    {
      key: 'counts',
      title: t('tab'),
      render: (_: unknown, l: SeriesLive) =>
        l.ended ? (
          <Flex gap={4} wrap>
            <Tag>{`${t('learners.required')} ${formatNumber(l.counts.required)}`}</Tag>
            <Tag color="green">{`${t('status.completed')} ${formatNumber(l.counts.completed)}`}</Tag>
            <Tag color="gold">{`${t('status.partial')} ${formatNumber(l.counts.partial)}`}</Tag>
            <Tag color="red">{`${t('status.absent')} ${formatNumber(l.counts.absent)}`}</Tag>
          </Flex>
        ) : (
          <Tag>{`${t('learners.required')} ${formatNumber(l.counts.required)}`}</Tag>
        ),
    },
    {
      key: 'remove',
      width: 80,
      render: (_: unknown, l: SeriesLive) => (
        <Button size="small" type="link" onClick={() => void run(() => api.call('training.seriesSetLives', { id, remove: [l.livingid] }))}>
          {t('series.remove')}
        </Button>
      ),
    },
  ];
  const learnerColumns = [
    { key: 'name', dataIndex: 'name', title: t('series.learnerColumns.name'), fixed: 'left' as const, width: 100 },
    {
      key: 'department',
      dataIndex: 'departmentPath',
      title: t('series.learnerColumns.department'),
      ellipsis: { showTitle: false },
      width: 220,
      render: (path: string) => <DepartmentPathText path={path} />,
    },
    ...data.lives.map((l, i) => ({
      key: `s${i}`,
      title: <span title={l.theme}>{dayjs.unix(l.livingStart).format('MM-DD')}</span>,
      width: 96,
      render: (_: unknown, r: SeriesLearner) => <LearnerStatusTag status={r.sessions[i] ?? null} />,
    })),
    { key: 'completed', dataIndex: 'completed', title: t('series.learnerColumns.completed'), width: 90 },
    {
      key: 'any',
      title: t('series.learnerColumns.any'),
      width: 100,
      render: (_: unknown, r: SeriesLearner) => (r.completedAny ? <Tag color="green">{t('series.yes')}</Tag> : <Tag color="red">{t('series.no')}</Tag>),
    },
  ];

  return (
    <div data-testid="page-series" data-series-id={series.id}>
      <PageHeader
        title={series.name}
        subTitle={back}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<TeamOutlined />} onClick={() => setEditing(true)} data-testid="series-required-edit">
              {t('series.requiredOfSeries')}
            </Button>
            <Popconfirm
              title={t('series.deleteConfirm', { name: series.name })}
              onConfirm={() =>
                void run(async () => {
                  await api.call('training.seriesDelete', { id });
                  void message.success(t('series.deleted'));
                  void navigate('/training');
                })
              }
            >
              <Button danger icon={<DeleteOutlined />} data-testid="series-delete">
                {t('series.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('learners.rule', { percent: formatPercent(series.threshold ?? DEFAULT_COMPLETION_THRESHOLD, 0) })} · {t('replayIncluded')}
      </Typography.Paragraph>
      <Card size="small" title={t('series.lives')} style={{ marginBottom: 16 }}>
        <Select<string[]>
          mode="multiple"
          style={{ width: '100%', marginBottom: 12 }}
          placeholder={t('series.addLivesPlaceholder')}
          value={[]}
          showSearch={{ filterOption: false, onSearch: setQuery }}
          onChange={(ids) => {
            setQuery(''); // the picker clears its text on a pick without telling onSearch: list what an empty search finds
            void run(() => api.call('training.seriesSetLives', { id, add: ids }));
          }}
          options={(candidates.data?.lives ?? [])
            .filter((l) => !inSeries.has(l.livingid))
            .slice(0, 50)
            .map((l) => ({ value: l.livingid, label: `${l.theme} · ${formatUnixDateTime(l.livingStart)}` }))}
          data-testid="series-add-lives"
        />
        <Table<SeriesLive>
          size="small"
          rowKey="livingid"
          columns={liveColumns}
          dataSource={data.lives}
          pagination={false}
          scroll={{ x: 720 }}
          locale={{ emptyText: t('series.noLives') }}
          data-testid="series-lives"
        />
      </Card>
      <Card
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="series-completed-any">{t('series.completedAny', { count: data.completedAny, total: data.learners.length })}</span>
          </Flex>
        }
        extra={
          <DatePicker.RangePicker
            value={period ? [dayjs.unix(period[0]), dayjs.unix(period[1])] : null}
            onChange={(value) => {
              const [from, to] = value ?? [];
              setPeriod(from && to ? [from.startOf('day').unix(), to.endOf('day').unix()] : null);
            }}
            aria-label={t('series.period')}
            data-testid="series-period"
          />
        }
      >
        <Table<SeriesLearner>
          size="small"
          rowKey="userid"
          columns={learnerColumns}
          dataSource={data.learners}
          pagination={learnerPagination(data.learners.length)}
          scroll={{ x: 520 + data.lives.length * 96 }}
          locale={{ emptyText: t('series.noLearners') }}
          data-testid="series-learners"
        />
      </Card>
      <RequiredLearnersEditor
        open={editing}
        initial={{ required: series.required, threshold: series.threshold }}
        knownLabels={Object.fromEntries(data.learners.map((l) => [l.userid, userLabel({ ...l, position: '' })]))}
        onClose={() => setEditing(false)}
        onSave={({ required, threshold }) => api.call('training.seriesSave', { id, name: series.name, required, threshold }).then(() => undefined)}
      />
    </div>
  );
}
