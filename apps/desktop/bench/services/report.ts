// Rows of the services benchmarks and their markdown table.

export interface ServicesBenchRow {
  benchmark: string;
  /** the data or load, e.g. "100k users / 1M watch rows" */
  data: string;
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /** a single measure (MB, ms) when percentiles do not apply */
  value: number | null;
  unit: string;
  target: string;
  met: boolean | null;
  notes: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

const ms = (value: number | null) => (value === null ? '–' : value < 1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(1)} ms`);
const val = (value: number | null, unit: string) => (value === null ? '–' : `${value.toFixed(1)} ${unit}`);

export function formatTable(rows: readonly ServicesBenchRow[]): string {
  const header = '| benchmark | data | samples | p50 | p95 | value | target | met | notes |';
  const rule = '|---|---|---:|---:|---:|---:|---|:---:|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.benchmark} | ${r.data} | ${r.samples} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${val(r.value, r.unit)} | ${r.target} | ${r.met === null ? '–' : r.met ? 'yes' : 'NO'} | ${r.notes} |`,
  );
  return [header, rule, ...lines].join('\n');
}
