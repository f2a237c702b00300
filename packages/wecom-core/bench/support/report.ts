// Benchmark rows and their markdown table.
export interface CoreBenchRow {
  benchmark: string;
  /** Size of the data, e.g. "50k users / 3k depts". */
  data: string;
  wallMs: number;
  calls: number;
  peakRssMb: number;
  peakHeapDeltaMb: number;
  /** Live heap after full GCs during an untimed repeat: what the run holds, garbage excluded. */
  retainedHeapMb: number;
  /** 45009 answers the simulator sent. */
  rateLimited: number;
  lowerBoundMs: number;
  /** What bounds the run: 'rate' (calls ÷ allowed rate) or 'chain' (sequential pages × latency). */
  boundBy: string;
  wallOverBound: number;
  baselineMs: number | null;
  speedUp: number | null;
  notes: string;
}

import { availableParallelism, loadavg } from 'node:os';

/** The machine's state, printed under the table: numbers from a busy machine read differently. */
export function machineNote(): string {
  const [one, five] = loadavg();
  return `\n${availableParallelism()} CPUs, load average ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min), Node ${process.version}`;
}

const fixed = (value: number, digits: number): string => value.toFixed(digits);

export function formatTable(rows: readonly CoreBenchRow[]): string {
  const header =
    '| benchmark | data | wall | calls | peak RSS | peak heap Δ | retained heap | 45009 | lower bound | wall ÷ bound | sequential baseline | speed-up | notes |';
  const rule = '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|';
  const lines = rows.map((row) =>
    [
      '',
      row.benchmark,
      row.data,
      `${fixed(row.wallMs / 1000, 2)} s`,
      String(row.calls),
      `${fixed(row.peakRssMb, 0)} MB`,
      `${fixed(row.peakHeapDeltaMb, 1)} MB`,
      `${fixed(row.retainedHeapMb, 1)} MB`,
      String(row.rateLimited),
      `${fixed(row.lowerBoundMs / 1000, 2)} s (${row.boundBy})`,
      `${fixed(row.wallOverBound, 3)}x`,
      row.baselineMs === null ? '–' : `${fixed(row.baselineMs / 1000, 2)} s`,
      row.speedUp === null ? '–' : `${fixed(row.speedUp, 1)}x`,
      row.notes,
      '',
    ]
      .join(' | ')
      .trim(),
  );
  return [header, rule, ...lines].join('\n');
}
