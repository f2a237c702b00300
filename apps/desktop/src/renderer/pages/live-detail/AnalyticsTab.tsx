// Charts for one live: watch-time distribution, completion against the live's length, by department.
import { useState } from 'react';
import { Card, Col, Empty, Row, Skeleton, Statistic, theme } from 'antd';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ChartFrame.tsx';
import { niceAxis } from '../../components/niceAxis.ts';
import { useTranslation } from 'react-i18next';
import type { DepartmentLevel, Live } from '../../../shared/models.ts';
import { DepartmentLevelSelect, departmentGroupLabels, departmentGroupPath } from '../../components/DepartmentLevelSelect.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { axisNumber, formatDuration, formatNumber, formatPercent } from '../../format.ts';
import { fitLabel } from '../../textWidth.ts';
import { withBucketLabels } from './watchBuckets.ts';

const CHART_HEIGHT = 260;
/** Department names on the axis, in character cells (the full path is on hover). */
const AXIS_LABEL_WIDTH = 24;

export function AnalyticsTab({ live }: { live: Live }) {
  const { t } = useTranslation('lives');
  const { token } = theme.useToken();
  const [level, setLevel] = useState<DepartmentLevel>(1);
  const analytics = useServiceQuery('lives.analytics', { livingid: live.livingid, level }, { topics: ['watch', 'org'] });
  const a = analytics.data;

  if (analytics.error && !a) return <ErrorAlert error={analytics.error} onRetry={analytics.refetch} />;
  if (!a) return <Skeleton active paragraph={{ rows: 8 }} />;

  const viewers = a.viewers.internal + a.viewers.external;
  const axis = { fill: token.colorTextSecondary, fontSize: 12 };
  const tooltipStyle = { background: token.colorBgElevated, border: `1px solid ${token.colorBorder}`, color: token.colorText };
  const top = [...a.byDepartment].sort((x, y) => y.viewers - x.viewers).slice(0, 15);
  const labels = departmentGroupLabels(top);
  const departments = top.map((d, i) => ({ ...d, label: labels[i], fullPath: departmentGroupPath(d) }));

  const stats = [
    { key: 'viewers', title: t('detail.analytics.viewers'), value: formatNumber(viewers) },
    { key: 'internal', title: t('detail.analytics.internal'), value: formatNumber(a.viewers.internal) },
    { key: 'external', title: t('detail.analytics.external'), value: formatNumber(a.viewers.external) },
    { key: 'total', title: t('detail.analytics.totalWatch'), value: formatDuration(a.totalWatchSeconds) },
    { key: 'average', title: t('detail.analytics.averageWatch'), value: formatDuration(a.averageWatchSeconds) },
    { key: 'commenters', title: t('detail.analytics.commenters'), value: formatNumber(a.commenters) },
    { key: 'mic', title: t('detail.analytics.micUsers'), value: formatNumber(a.micUsers) },
    ...(a.attendance
      ? [
          {
            key: 'attendance',
            title: t('detail.analytics.attendance'),
            value: t('detail.analytics.attendanceValue', { attended: a.attendance.attended, audience: a.attendance.audience }),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="live-analytics">
      {/* a refresh that failed is said above the figures shown until then */}
      {analytics.error ? <ErrorAlert error={analytics.error} onRetry={analytics.refetch} /> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {stats.map((s) => (
          <Col key={s.key} xs={12} md={6} xl={3}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} styles={{ content: { fontSize: 18 } }} data-testid={`analytics-${s.key}`} />
            </Card>
          </Col>
        ))}
      </Row>
      {viewers === 0 ? (
        <Empty description={t('detail.analytics.noData')} />
      ) : (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('detail.analytics.distribution')}>
              <ChartFrame height={CHART_HEIGHT}>
                <BarChart data={withBucketLabels(t, a.distribution)} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke={token.colorBorderSecondary} />
                  <XAxis dataKey="label" tick={axis} />
                  <YAxis tick={axis} tickFormatter={axisNumber} {...niceAxis(a.distribution.map((b) => b.count), { integers: true })} />
                  <Tooltip contentStyle={tooltipStyle} formatter={(v) => [formatNumber(Number(v)), t('detail.analytics.people')]} />
                  <Bar dataKey="count" fill={token.colorPrimary} name={t('detail.analytics.people')} isAnimationActive={false} />
                </BarChart>
              </ChartFrame>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('detail.analytics.completion')}>
              <ChartFrame height={CHART_HEIGHT}>
                <BarChart data={a.completion} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke={token.colorBorderSecondary} />
                  <XAxis dataKey="label" tick={axis} />
                  <YAxis tick={axis} tickFormatter={axisNumber} {...niceAxis(a.completion.map((b) => b.count), { integers: true })} />
                  <Tooltip contentStyle={tooltipStyle} formatter={(v) => [formatNumber(Number(v)), t('detail.analytics.people')]} />
                  <Bar dataKey="count" fill={token.colorSuccess} name={t('detail.analytics.people')} isAnimationActive={false} />
                </BarChart>
              </ChartFrame>
            </Card>
          </Col>
          <Col span={24}>
            <Card
              size="small"
              title={t('detail.analytics.byDepartment')}
              extra={<DepartmentLevelSelect value={level} onChange={setLevel} testid="analytics-level" />}
              data-testid="analytics-by-department"
            >
              <ChartFrame height={Math.max(CHART_HEIGHT, departments.length * 28 + 40)}>
                <BarChart data={departments} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 24 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke={token.colorBorderSecondary} />
                  <XAxis type="number" tick={axis} tickFormatter={axisNumber} {...niceAxis(departments.map((d) => d.viewers), { integers: true })} />
                  <YAxis type="category" dataKey="label" width={160} tick={axis} interval={0} tickFormatter={(v) => fitLabel(String(v), AXIS_LABEL_WIDTH)} />
                  <Tooltip
                    contentStyle={tooltipStyle}
                    formatter={(v, name) =>
                      name === 'viewers'
                        ? [formatNumber(Number(v)), t('detail.analytics.people')]
                        : [String(v), String(name)]
                    }
                    labelFormatter={(label, payload) => {
                      const d = payload?.[0]?.payload as (typeof departments)[number] | undefined;
                      return d ? `${d.fullPath} · ${t('detail.analytics.averageCompletion')} ${formatPercent(d.averageCompletion)}` : String(label);
                    }}
                  />
                  <Bar dataKey="viewers" fill={token.colorPrimary} name="viewers" isAnimationActive={false} />
                </BarChart>
              </ChartFrame>
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
