// Per-endpoint calls and errors, and latency p50/p95, as bar charts (busiest endpoints first).
import { Card, Col, Empty, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ApiStats } from '../../stores/apiUsage.ts';
import { formatNumber } from '../../format.ts';

const MAX_BARS = 12;
const COLORS = { calls: '#1677ff', errors: '#ff4d4f', p50: '#52c41a', p95: '#faad14' };

/** '/cgi-bin/living/get_living_info' → 'living/get_living_info' (the prefix is the same for all). */
export function shortEndpoint(endpoint: string): string {
  return endpoint.replace(/^\/?cgi-bin\//, '');
}

export function EndpointCharts({ stats }: { stats: ApiStats }) {
  const { t } = useTranslation('apiUsage');
  const rows = [...stats.endpoints]
    .sort((a, b) => b.calls - a.calls)
    .slice(0, MAX_BARS)
    .map((e) => ({ ...e, name: shortEndpoint(e.endpoint) }));
  const height = Math.max(160, rows.length * 34 + 60);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} />;

  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('charts.calls')}>
          {rows.length === 0 ? (
            empty
          ) : (
            <ResponsiveContainer width="100%" height={height}>
              <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" tickFormatter={(v: number) => formatNumber(v)} />
                <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip formatter={(v) => formatNumber(Number(v))} />
                <Legend />
                <Bar dataKey="calls" name={t('charts.callsSeries')} fill={COLORS.calls} isAnimationActive={false} />
                <Bar dataKey="errors" name={t('charts.errorsSeries')} fill={COLORS.errors} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('charts.latency')}>
          {rows.length === 0 ? (
            empty
          ) : (
            <ResponsiveContainer width="100%" height={height}>
              <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" unit=" ms" tickFormatter={(v: number) => formatNumber(v)} />
                <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} interval={0} />
                <Tooltip formatter={(v) => `${formatNumber(Number(v), 1)} ms`} />
                <Legend />
                <Bar dataKey="p50" name="p50" fill={COLORS.p50} isAnimationActive={false} />
                <Bar dataKey="p95" name="p95" fill={COLORS.p95} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          )}
        </Card>
      </Col>
    </Row>
  );
}
