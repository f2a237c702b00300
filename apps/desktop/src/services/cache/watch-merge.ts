// The rows of a fetch being merged, gathered from its staged pages in JS: later pages win when
// WeCom repeats a viewer, rows are handed out in key order (appends to the live's key range instead
// of inserts all over it) a chunk at a time, and the live's summaries are added up on the way, so
// no step reads the whole generation back.
import { WATCH_BUCKETS, emptyTotals, type DepartmentSummary, type SummaryTotals } from './live-summaries.ts';

/** [userid, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid] */
export type InternalRow = [string, number, number, number, string | null, string | null];
/** [external_userid, type, name, watch_time, is_comment, is_mic, invitor_userid, invitor_external_userid] */
export type ExternalRow = [string, number | null, string, number, number, number, string | null, string | null];

export interface GatheredRows {
  internal: Map<string, InternalRow>;
  external: Map<string, ExternalRow>;
}

export function gatherPage(rows: GatheredRows, users: string, externalUsers: string): void {
  for (const row of JSON.parse(users) as InternalRow[]) rows.internal.set(row[0], row);
  for (const row of JSON.parse(externalUsers) as ExternalRow[]) rows.external.set(row[0], row);
}

/** Rows per key range: sorting one is a small part of a step. */
export const RANGE_ROWS = 4096;
/** Rows put into their ranges per step. */
export const SPREAD_ROWS_PER_STEP = 32_768;

const byKey = <R extends [string, ...unknown[]]>(a: R, b: R) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The gathered rows in key order, a chunk at a time, without sorting them all in one step: they are
 * spread into key ranges (bounds from a sorted sample of the keys; `spread` a slice per step), and
 * each range is sorted when the writing reaches it.
 */
export class KeyOrder<R extends [string, ...unknown[]]> {
  private readonly rows: R[];
  private readonly bounds: string[];
  private readonly ranges: R[][];
  private spreadTo = 0;
  private range = 0;
  private next = 0;

  constructor(rows: Map<string, R>) {
    this.rows = [...rows.values()];
    const count = Math.ceil(this.rows.length / RANGE_ROWS);
    const stride = Math.max(1, Math.floor(this.rows.length / (count * 16)));
    const sample: string[] = [];
    for (let i = 0; i < this.rows.length; i += stride) sample.push(this.rows[i]![0]);
    sample.sort();
    this.bounds = Array.from({ length: Math.max(0, count - 1) }, (_, i) => sample[Math.floor(((i + 1) * sample.length) / count)]!);
    this.ranges = Array.from({ length: Math.max(1, count) }, () => []);
  }

  /** Whether every row is in its range. */
  get spread(): boolean {
    return this.spreadTo >= this.rows.length;
  }

  /** Puts up to `count` more rows into their ranges (a binary search over the bounds each). */
  spreadSome(count: number): void {
    const { rows, bounds, ranges } = this;
    const end = Math.min(rows.length, this.spreadTo + count);
    for (let i = this.spreadTo; i < end; i++) {
      const row = rows[i]!;
      let lo = 0;
      let hi = bounds.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (row[0] < bounds[mid]!) hi = mid;
        else lo = mid + 1;
      }
      ranges[lo]!.push(row);
    }
    this.spreadTo = end;
    if (this.spread) this.rows.length = 0;
  }

  /** The next (up to) `count` rows in key order (once spread); an empty array when all are taken. */
  take(count: number): R[] {
    const out: R[] = [];
    while (out.length < count && this.range < this.ranges.length) {
      const range = this.ranges[this.range]!;
      if (this.next === 0) range.sort(byKey);
      const end = Math.min(range.length, this.next + count - out.length);
      for (let i = this.next; i < end; i++) out.push(range[i]!);
      this.next = end;
      if (this.next >= range.length) {
        this.ranges[this.range] = [];
        this.range++;
        this.next = 0;
      }
    }
    return out;
  }
}

/** Adds viewers up as live-summaries.ts would compute them from the stored rows. */
export class SummaryAccumulator {
  readonly totals: SummaryTotals;
  private readonly departments = new Map<number, DepartmentSummary>();

  constructor(duration: number) {
    this.totals = emptyTotals(duration);
  }

  add(watchTime: number, comment: number, mic: number, department: number | null | undefined): void {
    const t = this.totals;
    const d = t.duration;
    const completion = d > 0 ? Math.min(1, watchTime / d) : 0;
    if (department === undefined) t.external++;
    else {
      t.internal++;
      const key = department ?? 0;
      const row = this.departments.get(key) ?? { departmentId: key, viewers: 0, seconds: 0, completion: 0 };
      row.viewers++;
      row.seconds += watchTime;
      row.completion += completion;
      this.departments.set(key, row);
    }
    t.seconds += watchTime;
    t.completion += completion;
    if (comment) t.commenters++;
    if (mic) t.mics++;
    let bucket = WATCH_BUCKETS.length - 1;
    while (bucket > 0 && watchTime < (WATCH_BUCKETS[bucket]?.fromSeconds ?? 0)) bucket--;
    t.distribution[bucket] = (t.distribution[bucket] ?? 0) + 1;
    // integer arithmetic: exact decile edges (90% of 3600 s is 3240 s, not 3239.99…)
    if (d > 0) {
      const decile = Math.min(9, Math.floor((watchTime * 10) / d));
      t.deciles[decile] = (t.deciles[decile] ?? 0) + 1;
    }
  }

  departmentRows(): DepartmentSummary[] {
    return [...this.departments.values()];
  }
}
