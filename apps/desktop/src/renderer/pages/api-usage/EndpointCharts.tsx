// Per-endpoint calls and errors, and latency p50/p95, as bar charts (busiest endpoints first).
import type { ReactNode } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from '../../components/ChartFrame.tsx';
import { niceAxis } from '../../components/niceAxis.ts';
import { useTranslation } from 'react-i18next';
import type { ApiStats } from '../../stores/apiUsage.ts';
import { axisNumber, formatNumber } from '../../format.ts';

const MAX_BARS = 12;
const COLORS = { calls: '#1677ff', errors: '#ff4d4f', p50: '#52c41a', p95: '#faad14' };

/** '/cgi-bin/living/get_living_info' → 'living/get_living_info' (the prefix is the same for all). */
export function shortEndpoint(endpoint: string): string {
  return endpoint.replace(/^\/?cgi-bin\//, '');
}

type EndpointRow = ApiStats['endpoints'][number] & { name: string };

interface BarsProps {
  title: string;
  rows: EndpointRow[];
  height: number;
  empty: ReactNode;
  unit?: string;
  tooltip: (value: number) => string;
  bars: Array<{ key: 'calls' | 'errors' | 'p50' | 'p95'; name: string }>;
}

/** One card of horizontal bars, an endpoint a row. */
function EndpointBars({ title, rows, height, empty, unit, tooltip, bars }: BarsProps) {
  return (
    <Card size="small" title={title}>
      {rows.length === 0 ? (
        empty
      ) : (
        <ChartFrame height={height}>
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" {...(unit ? { unit } : {})} tickFormatter={axisNumber} {...niceAxis(rows.flatMap((row) => bars.map((bar) => row[bar.key])), { integers: bars.every((bar) => bar.key === 'calls' || bar.key === 'errors') })} />
            <YAxis type="category" dataKey="name" width={190} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => tooltip(Number(v))} />
            <Legend />
            {bars.map((bar) => (
              <Bar key={bar.key} dataKey={bar.key} name={bar.name} fill={COLORS[bar.key]} isAnimationActive={false} />
            ))}
          </BarChart>
        </ChartFrame>
      )}
    </Card>
  );
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
        <EndpointBars
          title={t('charts.calls')}
          rows={rows}
          height={height}
          empty={empty}
          tooltip={(v) => formatNumber(v)}
          bars={[
            { key: 'calls', name: t('charts.callsSeries') },
            { key: 'errors', name: t('charts.errorsSeries') },
          ]}
        />
      </Col>
      <Col xs={24} xl={12}>
        <EndpointBars
          title={t('charts.latency')}
          rows={rows}
          height={height}
          empty={empty}
          unit=" ms"
          tooltip={(v) => `${formatNumber(v, 1)} ms`}
          bars={[
            { key: 'p50', name: 'p50' },
            { key: 'p95', name: 'p95' },
          ]}
        />
      </Col>
    </Row>
  );
}
