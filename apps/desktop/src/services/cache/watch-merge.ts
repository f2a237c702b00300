// The rows of a fetch being merged, gathered from its staged pages in JS: later pages win when
// WeCom repeats a viewer, rows are written in key order (appends to the live's key range instead of
// inserts all over it) and the live's summaries are added up on the way, so no step reads the
// whole generation back.
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

/** Rows per sorted run: sorting a run is one short step; the runs are merged while writing. */
export const SORT_RUN = 16_384;

/** The rows cut into runs, each sorted by key when `sortRun` is called on it (one per step). */
export function sortRuns<R extends [string, ...unknown[]]>(rows: Map<string, R>): R[][] {
  const all = [...rows.values()];
  const runs: R[][] = [];
  for (let i = 0; i < all.length; i += SORT_RUN) runs.push(all.slice(i, i + SORT_RUN));
  return runs;
}

export function sortRun<R extends [string, ...unknown[]]>(run: R[]): void {
  run.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The rows of sorted runs in key order (a k-way merge; k is small). */
export function* mergeRuns<R extends [string, ...unknown[]]>(runs: R[][]): Generator<R, void, undefined> {
  const heads = runs.map(() => 0);
  for (;;) {
    let best = -1;
    for (let r = 0; r < runs.length; r++) {
      const row = runs[r]![heads[r]!];
      if (row !== undefined && (best < 0 || row[0] < runs[best]![heads[best]!]![0])) best = r;
    }
    if (best < 0) return;
    yield runs[best]![heads[best]!++]!;
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
