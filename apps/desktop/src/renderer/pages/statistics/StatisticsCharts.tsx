// The overview charts: lives per week (bar), viewers and watch hours per day (lines on two axes),
// average completion by department (horizontal bar) and internal vs external viewers (pie).
import type { ReactElement, ReactNode } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../../components/ChartFrame.tsx';
import { alignedAxis, niceAxis } from '../../components/niceAxis.ts';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { axisNumber, firstDayOfWeek, formatNumber, formatPercent } from '../../format.ts';
import { fitLabel } from '../../textWidth.ts';
import { DepartmentLevelSelect, departmentGroupLabels, departmentGroupPath } from '../../components/DepartmentLevelSelect.tsx';
import { useStatisticsStore } from '../../stores/statistics.ts';
import type { Overview } from './types.ts';
import { livesPerWeek } from './livesPerWeek.ts';

const COLORS = { lives: '#1677ff', viewers: '#1677ff', hours: '#fa8c16', completion: '#52c41a', internal: '#1677ff', external: '#13c2c2' };
const CHART_HEIGHT = 260;
const MAX_DEPARTMENTS = 15;
/** Department names on the axis, in character cells (the full path is on hover). */
const AXIS_LABEL_WIDTH = 24;

const day = (unix: number) => dayjs.unix(unix).format('MM-DD');

function ChartCard({ title, empty, children, testid, height = CHART_HEIGHT, extra }: { title: string; empty: boolean; children: ReactElement; testid: string; height?: number; extra?: ReactNode }) {
  const { t } = useTranslation('statistics');
  return (
    <Card size="small" title={title} data-testid={testid} extra={extra}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} style={{ height: CHART_HEIGHT - 40 }} />
      ) : (
        <ChartFrame height={height}>
          {children}
        </ChartFrame>
      )}
    </Card>
  );
}

export function StatisticsCharts({ overview }: { overview: Overview }) {
  const { t } = useTranslation('statistics');
  const level = useStatisticsStore((s) => s.filters.level);
  const setLevel = useStatisticsStore((s) => s.setLevel);
  const weeks = livesPerWeek(overview.trend, firstDayOfWeek()).map((w) => ({ label: day(w.weekStart), lives: w.lives }));
  const trend = overview.trend.map((d) => ({ label: day(d.day), viewers: d.viewers, watchHours: d.watchHours }));
  const viewersAxis = niceAxis(trend.map((d) => d.viewers), { integers: true });
  const topDepartments = [...overview.completionByDepartment].sort((a, b) => b.viewers - a.viewers).slice(0, MAX_DEPARTMENTS);
  const labels = departmentGroupLabels(topDepartments);
  const departments = topDepartments.map((d, i) => ({
    label: labels[i],
    path: departmentGroupPath(d),
    completion: Math.round(d.averageCompletion * 1000) / 10,
    viewers: d.viewers,
  }));
  const share = [
    { key: 'internal', name: t('share.internal'), value: overview.share.internal },
    { key: 'external', name: t('share.external'), value: overview.share.external },
  ];
  const shareTotal = overview.share.internal + overview.share.external;

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <ChartCard title={t('charts.livesPerWeek')} empty={weeks.length === 0} testid="chart-lives-per-week">
          <BarChart data={weeks}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis tickFormatter={axisNumber} {...niceAxis(weeks.map((w) => w.lives), { integers: true })} />
            <Tooltip formatter={(v) => formatNumber(Number(v))} labelFormatter={(l) => t('charts.weekOf', { day: String(l) })} />
            <Bar dataKey="lives" name={t('series.lives')} fill={COLORS.lives} isAnimationActive={false} />
          </BarChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('charts.trend')} empty={trend.length === 0} testid="chart-trend">
          <LineChart data={trend}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis yAxisId="viewers" tickFormatter={axisNumber} {...viewersAxis} />
            {/* on the grid lines of the views' axis */}
            <YAxis yAxisId="hours" orientation="right" tickFormatter={axisNumber} {...alignedAxis(trend.map((d) => d.watchHours), viewersAxis)} />
            <Tooltip formatter={(v, name) => (name === t('series.watchHours') ? formatNumber(Number(v), 1) : formatNumber(Number(v)))} />
            <Legend />
            <Line yAxisId="viewers" type="linear" dataKey="viewers" name={t('series.viewers')} stroke={COLORS.viewers} dot={false} isAnimationActive={false} />
            <Line yAxisId="hours" type="linear" dataKey="watchHours" name={t('series.watchHours')} stroke={COLORS.hours} dot={false} isAnimationActive={false} />
          </LineChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={16}>
        <ChartCard
          title={t('charts.completionByDepartment')}
          empty={departments.length === 0}
          testid="chart-completion"
          extra={<DepartmentLevelSelect value={level} onChange={setLevel} testid="stats-level" />}
          height={Math.max(CHART_HEIGHT, departments.length * 26 + 50)}
        >
          <BarChart data={departments} layout="vertical" margin={{ left: 8, right: 24 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="label" width={160} tick={{ fontSize: 12 }} interval={0} tickFormatter={(v) => fitLabel(String(v), AXIS_LABEL_WIDTH)} />
            <Tooltip
              formatter={(v) => `${formatNumber(Number(v), 1)}%`}
              labelFormatter={(label, payload) => {
                const d = payload?.[0]?.payload as (typeof departments)[number] | undefined;
                return d ? `${d.path} · ${t('series.viewers')} ${formatNumber(d.viewers)}` : String(label);
              }}
            />
            <Bar dataKey="completion" name={t('series.completion')} fill={COLORS.completion} isAnimationActive={false} />
          </BarChart>
        </ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard title={t('charts.share')} empty={shareTotal === 0} testid="chart-share">
          <PieChart>
            <Pie
              data={share}
              dataKey="value"
              nameKey="name"
              innerRadius="45%"
              outerRadius="75%"
              isAnimationActive={false}
              label={({ value }) => formatPercent(Number(value) / (shareTotal || 1), 1)}
            >
              {share.map((s) => (
                <Cell key={s.key} fill={s.key === 'internal' ? COLORS.internal : COLORS.external} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => formatNumber(Number(v))} />
            <Legend />
          </PieChart>
        </ChartCard>
      </Col>
    </Row>
  );
}
