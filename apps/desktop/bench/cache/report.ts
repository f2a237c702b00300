// Cache benchmark rows, their markdown table, and latency percentiles.

export interface CacheBenchRow {
  benchmark: string;
  /** size of the data, e.g. "100k users / 1M watch rows" */
  data: string;
  samples: number;
  p50Ms: number | null;
  p95Ms: number | null;
  /** rows per second (ingest) or a ratio; null for latency rows */
  value: number | null;
  unit: string;
  target: string;
  met: boolean;
  notes: string;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** Runs `fn` over `inputs` (after `warmup` untimed runs) and returns sorted durations in ms. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 3): number[] {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i] as T);
  const times = inputs.map((input) => {
    const started = performance.now();
    fn(input);
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b);
}

const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)} ms`);
const num = (value: number | null, unit: string) =>
  value === null ? '–' : unit === 'rows/s' ? `${Math.round(value).toLocaleString('en-US')} rows/s` : `${value.toFixed(2)}${unit ? ` ${unit}` : ''}`;

export function formatTable(rows: readonly CacheBenchRow[]): string {
  const header = '| benchmark | data | samples | p50 | p95 | value | target | met | notes |';
  const rule = '|---|---|---:|---:|---:|---:|---|:---:|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.benchmark} | ${r.data} | ${r.samples} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${num(r.value, r.unit)} | ${r.target} | ${r.met ? 'yes' : 'NO'} | ${r.notes} |`,
  );
  return [header, rule, ...lines].join('\n');
}
