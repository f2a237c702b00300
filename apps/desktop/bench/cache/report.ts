// Cache benchmark rows, their markdown table, and latency percentiles.

export interface CacheBenchRow {
  benchmark: string;
  /** size of the data, e.g. "100k users / 1M watch rows" */
  data: string;
  samples: number;
  /** wall-clock latency percentiles */
  p50Ms: number | null;
  p95Ms: number | null;
  /** this thread's CPU time p95: what the query costs when the machine is shared (wall includes waiting for a core) */
  cpuP95Ms: number | null;
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

export interface Timings {
  /** sorted wall-clock durations, ms */
  wall: number[];
  /** sorted CPU durations of the timing thread, ms */
  cpu: number[];
}

/**
 * This thread's CPU time (ms): on a shared machine wall time also counts waiting for a core. Not
 * the process's: V8's helper threads (concurrent marking and sweeping after a big read) made a
 * 15 ms request read 29 ms of "CPU", more than its wall time, though they never held this thread.
 */
export const threadCpu = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

/** Runs `fn` over `inputs` (after `warmup` untimed runs) and returns sorted wall and CPU durations in ms. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 3): Timings {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i] as T);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const startedCpu = threadCpu();
    const started = performance.now();
    fn(input);
    wall.push(performance.now() - started);
    cpu.push(threadCpu() - startedCpu);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const ms = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)} ms`);
const num = (value: number | null, unit: string) =>
  value === null
    ? '–'
    : unit === 'rows/s'
      ? `${Math.round(value).toLocaleString('en-US')} rows/s`
      : `${value.toFixed(2)}${unit ? ` ${unit}` : ''}`;

export function formatTable(rows: readonly CacheBenchRow[]): string {
  const header = '| benchmark | data | samples | p50 | p95 | p95 CPU | value | target | met | notes |';
  const rule = '|---|---|---:|---:|---:|---:|---:|---|:---:|---|';
  const lines = rows.map(
    (r) =>
      `| ${r.benchmark} | ${r.data} | ${r.samples} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.cpuP95Ms)} | ${num(r.value, r.unit)} | ${r.target} | ${r.met ? 'yes' : 'NO'} | ${r.notes} |`,
  );
  return [header, rule, ...lines].join('\n');
}
