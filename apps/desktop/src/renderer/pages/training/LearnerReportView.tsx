// Learner report: for a period, a series, a department or a person — who was required, attended,
// completed (with department paths), a chart of completion by department, and an Excel export.
import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, DatePicker, Empty, Flex, Select, Skeleton, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ChartFrame.tsx';
import { useTranslation } from 'react-i18next';
import { now as clockNow } from '@wld/clock';
import type { LearnerReport } from '../../../shared/training.ts';
import { fileDay } from '../../../shared/dates.ts';
import { DepartmentPicker } from '../../components/DepartmentPicker.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { downloadBlob } from '../../export/download.ts';
import { safeFilename } from '../../export/exportRows.ts';
import { errorText } from '../../errors.ts';
import { formatDate, formatNumber, formatPercent } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { learnerIdentityColumns, learnerPagination } from './departmentPathText.tsx';

type Row = LearnerReport['rows'][number];
const MAX_CHART_DEPARTMENTS = 15;

export function LearnerReportView({ initialSeriesId = null }: { initialSeriesId?: number | null }) {
  const { t } = useTranslation('training');
  const { message } = App.useApp();
  const [range, setRange] = useState<[number, number]>(() => [
    dayjs(clockNow()).subtract(89, 'day').startOf('day').unix(),
    dayjs(clockNow()).add(30, 'day').endOf('day').unix(),
  ]);
  const [seriesId, setSeriesId] = useState<number | null>(initialSeriesId);
  const [departmentId, setDepartmentId] = useState<number | null>(null);
  const [userid, setUserid] = useState<string | null>(null);
  const series = useServiceQuery('training.seriesList', {}, { topics: ['training'] });
  const departments = useServiceQuery('org.departments', {}, { topics: ['org'] });
  const report = useServiceQuery('training.report', { from: range[0], to: range[1], seriesId, departmentId, userid }, { topics: ['training', 'watch', 'org'] });
  const data = report.data;

  const scope = [
    seriesId !== null ? series.data?.series.find((s) => s.id === seriesId)?.name : null,
    departmentId !== null ? departments.data?.departments.find((d) => d.id === departmentId)?.name : null,
    userid,
  ]
    .filter(Boolean)
    .join(' · ');

  const exportXlsx = async () => {
    if (!data) return;
    try {
      const { buildReportXlsx } = await import('./reportXlsx.ts');
      const c = (key: string) => t(`report.columns.${key}`);
      const blob = await buildReportXlsx(data, {
        title: t('report.fileTitle'),
        range: t('report.fileRange', { from: formatDate(range[0] * 1000), to: formatDate(range[1] * 1000) }),
        scope: scope ? t('report.fileScope', { scope }) : '',
        learnerSheet: t('report.title'),
        departmentSheet: t('report.chart'),
        columns: { name: c('name'), userid: c('userid'), department: c('department'), required: c('required'), attended: c('attended'), completed: c('completed'), rate: c('rate') },
      });
      downloadBlob(blob, safeFilename(t('report.fileName', { from: fileDay(range[0] * 1000), to: fileDay(range[1] * 1000) }), 'xlsx'));
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const chart = (data?.byDepartment ?? [])
    .filter((d) => d.completionRate !== null)
    .sort((a, b) => b.learners - a.learners)
    .slice(0, MAX_CHART_DEPARTMENTS)
    .map((d) => ({ name: d.departmentPath.split(' / ').slice(-2).join(' / '), path: d.departmentPath, rate: Math.round((d.completionRate ?? 0) * 1000) / 10 }));

  const columns = [
    ...learnerIdentityColumns({ name: t('report.columns.name'), userid: t('report.columns.userid'), department: t('report.columns.department') }),
    { key: 'required', dataIndex: 'required', title: t('report.columns.required'), width: 110 },
    { key: 'attended', dataIndex: 'attended', title: t('report.columns.attended'), width: 110 },
    { key: 'completed', dataIndex: 'completed', title: t('report.columns.completed'), width: 110 },
    { key: 'rate', title: t('report.columns.rate'), width: 120, render: (_: unknown, r: Row) => formatPercent(r.completionRate) },
  ];

  return (
    <div data-testid="learner-report">
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          value={[dayjs.unix(range[0]), dayjs.unix(range[1])]}
          allowClear={false}
          onChange={(value) => {
            const [from, to] = value ?? [];
            if (from && to) setRange([from.startOf('day').unix(), to.endOf('day').unix()]);
          }}
          aria-label={t('report.period')}
          data-testid="report-range"
        />
        <Select<number | null>
          style={{ minWidth: 180 }}
          value={seriesId}
          onChange={(v) => {
            setSeriesId(v ?? null);
            // a series' report covers its sessions
            const chosen = series.data?.series.find((s) => s.id === v);
            if (chosen?.firstStart != null) {
              setRange([dayjs.unix(chosen.firstStart).startOf('day').unix(), dayjs.unix(chosen.lastStart ?? chosen.firstStart).endOf('day').unix()]);
            }
          }}
          options={[{ value: null, label: t('report.anySeries') }, ...(series.data?.series ?? []).map((s) => ({ value: s.id, label: s.name }))]}
          aria-label={t('report.series')}
          data-testid="report-series"
        />
        <DepartmentPicker<number>
          departments={departments.data?.departments ?? []}
          style={{ minWidth: 200 }}
          value={departmentId ?? undefined}
          placeholder={t('report.anyDepartment')}
          allowClear
          onChange={(v: number | undefined) => setDepartmentId(v ?? null)}
          aria-label={t('report.department')}
          data-testid="report-department"
        />
        <UserSelect
          style={{ minWidth: 180 }}
          value={userid}
          onChange={(v) => setUserid(typeof v === 'string' ? v : null)}
          placeholder={t('report.anyone')}
          allowClear
          aria-label={t('report.person')}
          data-testid="report-person"
        />
        <Button icon={<FileExcelOutlined />} disabled={!data || data.rows.length === 0} onClick={() => void exportXlsx()} data-testid="report-export">
          {t('common:actions.exportXlsx')}
        </Button>
      </Flex>
      {report.error ? <ErrorAlert error={report.error} onRetry={report.refetch} /> : null}
      {!data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data.rows.length === 0 ? (
        <Empty description={t('report.empty')} data-testid="report-empty" />
      ) : (
        <>
          <Typography.Paragraph type="secondary" data-testid="report-lives">
            {t('report.lives', { count: data.lives.length })}
          </Typography.Paragraph>
          <Card size="small" title={t('report.chart')} style={{ marginBottom: 12 }} data-testid="report-chart">
            {chart.length === 0 ? (
              // lives still to come have no completion yet: said, not an empty pair of axes
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('report.chartEmpty')} data-testid="report-chart-empty" />
            ) : (
              <ChartFrame height={Math.max(200, chart.length * 28 + 50)}>
                <BarChart data={chart} layout="vertical" margin={{ left: 8, right: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" domain={[0, 100]} unit="%" />
                  <YAxis type="category" dataKey="name" width={180} tick={{ fontSize: 12 }} interval={0} />
                  <Tooltip formatter={(v) => `${formatNumber(Number(v), 1)}%`} labelFormatter={(_l, payload) => String(payload?.[0]?.payload?.path ?? '')} />
                  <Bar dataKey="rate" name={t('report.columns.rate')} fill="#52c41a" isAnimationActive={false} />
                </BarChart>
              </ChartFrame>
            )}
          </Card>
          <Table<Row>
            size="small"
            rowKey="userid"
            columns={columns}
            dataSource={data.rows}
            pagination={learnerPagination(data.rows.length)}
            scroll={{ x: 840 }}
            data-testid="report-table"
          />
        </>
      )}
    </div>
  );
}
