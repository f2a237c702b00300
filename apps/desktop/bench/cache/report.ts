// Cache benchmark rows, their markdown table, and latency percentiles.

export interface CacheBenchRow {
  benchmark: string;
  /** size of the data, e.g. "100k users / 1M watch rows" */
  data: string;
  samples: number;
  /** wall-clock latency percentiles */
  p50Ms: number | null;
  p95Ms: number | null;
  /** p95 of a bound on this thread's CPU time (spanTimer): what the query costs when the machine is shared (wall includes waiting for a core) */
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
  /** sorted bounds on the timing thread's CPU time, ms (spanTimer) */
  cpu: number[];
}

/**
 * This thread's CPU time (ms), for spans of hundreds of ms (an ingest, a whole merge): on a shared
 * machine wall time also counts waiting for a core. The kernel counts a thread's time in ticks
 * here (a 1.5 ms spin read anywhere from 0 to 2.9 ms), so a span of a few ms takes spanTimer.
 */
export const threadCpu = () => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

const processCpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Times a short synchronous span (a query, a merge step): its wall time, and a bound on this
 * thread's CPU time in it, the lesser of the wall time and the process's CPU time. The thread's
 * own time is at most both: the process's counts V8's helper threads too (after a big read their
 * marking made a 15 ms request read 29 ms of process CPU), the wall time counts waiting for a core.
 */
export function spanTimer(): () => { wall: number; cpu: number } {
  const startedCpu = processCpu();
  const started = performance.now();
  return () => {
    const wall = performance.now() - started;
    return { wall, cpu: Math.min(wall, processCpu() - startedCpu) };
  };
}

/** Runs `fn` over `inputs` (after `warmup` untimed runs) and returns sorted wall and CPU durations in ms. */
export function timeEach<T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 3): Timings {
  for (let i = 0; i < Math.min(warmup, inputs.length); i++) fn(inputs[i] as T);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const input of inputs) {
    const end = spanTimer();
    fn(input);
    const span = end();
    wall.push(span.wall);
    cpu.push(span.cpu);
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
  const cpu = "p95 CPU: per sample the lesser of the wall time and the process's CPU time, a bound on the timing thread's own time (spanTimer).";
  return [header, rule, ...lines, '', cpu].join('\n');
}
