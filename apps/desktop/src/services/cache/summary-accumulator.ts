// A live's summaries added up row by row in memory, as live-summaries.ts would compute them from
// the stored rows: a fetch's pages are counted as they are written, so ending it reads nothing back.
import { WATCH_BUCKETS, emptyTotals, type DepartmentSummary, type SummaryTotals } from './live-summaries.ts';

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
      let row = this.departments.get(key);
      if (row === undefined) {
        row = { departmentId: key, viewers: 0, seconds: 0, completion: 0 };
        this.departments.set(key, row);
      }
      row.viewers++;
      row.seconds += watchTime;
      row.completion += completion;
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
