// Pure helpers over watch statistics: totals, completion against the living's length, per-department
// rows and distribution buckets. The accumulator consumes pages as they stream in.
import type { WatchStatExternalUser, WatchStatPage, WatchStatUser } from '../models/living.ts';

export interface WatchTotals {
  viewers: number;
  internalViewers: number;
  externalViewers: number;
  /** Seconds, all viewers. */
  totalWatchSeconds: number;
  averageWatchSeconds: number;
  commenters: number;
  micUsers: number;
}

/** Share of the living watched, clamped to 0..1; 0 when the length is unknown or not positive. */
export function completionRate(watchSeconds: number, livingDurationSeconds: number): number {
  if (!(livingDurationSeconds > 0) || !(watchSeconds > 0)) return 0;
  return Math.min(1, watchSeconds / livingDurationSeconds);
}

type Viewer = Pick<WatchStatUser, 'watch_time' | 'is_comment' | 'is_mic'>;

/** Running totals; add pages (or viewer lists) as they arrive, read totals() at any time. */
export class WatchTotalsAccumulator {
  #internal = 0;
  #external = 0;
  #seconds = 0;
  #commenters = 0;
  #mic = 0;

  addViewers(viewers: readonly Viewer[], external: boolean): void {
    for (const viewer of viewers) {
      this.#seconds += viewer.watch_time;
      if (viewer.is_comment === 1) this.#commenters++;
      if (viewer.is_mic === 1) this.#mic++;
    }
    if (external) this.#external += viewers.length;
    else this.#internal += viewers.length;
  }

  addPage(page: Pick<WatchStatPage, 'stat_info'>): void {
    this.addViewers(page.stat_info.users, false);
    this.addViewers(page.stat_info.external_users, true);
  }

  totals(): WatchTotals {
    const viewers = this.#internal + this.#external;
    return {
      viewers,
      internalViewers: this.#internal,
      externalViewers: this.#external,
      totalWatchSeconds: this.#seconds,
      averageWatchSeconds: viewers === 0 ? 0 : this.#seconds / viewers,
      commenters: this.#commenters,
      micUsers: this.#mic,
    };
  }
}

export function watchTotals(
  users: readonly WatchStatUser[],
  externalUsers: readonly WatchStatExternalUser[] = [],
): WatchTotals {
  const accumulator = new WatchTotalsAccumulator();
  accumulator.addViewers(users, false);
  accumulator.addViewers(externalUsers, true);
  return accumulator.totals();
}

/** One row per (viewer, department) for the cache to aggregate by department. */
export interface DepartmentWatchRow {
  department: number;
  userid: string;
  watch_time: number;
  completion: number;
  is_comment: boolean;
  is_mic: boolean;
}

/**
 * Turns internal viewers into per-department rows. `departmentsOf` returns a user's departments (e.g.
 * from the cache); users it does not know are put in department 0 so nobody is silently dropped.
 * `mainOnly` counts each viewer once, in their first department.
 */
export function departmentWatchRows(
  users: Iterable<WatchStatUser>,
  departmentsOf: (userid: string) => readonly number[] | undefined,
  livingDurationSeconds: number,
  options: { mainOnly?: boolean } = {},
): DepartmentWatchRow[] {
  const rows: DepartmentWatchRow[] = [];
  for (const user of users) {
    const known = departmentsOf(user.userid);
    const departments = known && known.length > 0 ? (options.mainOnly ? known.slice(0, 1) : known) : [0];
    const completion = completionRate(user.watch_time, livingDurationSeconds);
    for (const department of departments) {
      rows.push({
        department,
        userid: user.userid,
        watch_time: user.watch_time,
        completion,
        is_comment: user.is_comment === 1,
        is_mic: user.is_mic === 1,
      });
    }
  }
  return rows;
}

export interface DepartmentWatchSummary {
  department: number;
  viewers: number;
  totalWatchSeconds: number;
  averageCompletion: number;
}

export function summarizeByDepartment(rows: Iterable<DepartmentWatchRow>): DepartmentWatchSummary[] {
  const byDepartment = new Map<number, { viewers: number; seconds: number; completion: number }>();
  for (const row of rows) {
    const entry = byDepartment.get(row.department) ?? { viewers: 0, seconds: 0, completion: 0 };
    entry.viewers++;
    entry.seconds += row.watch_time;
    entry.completion += row.completion;
    byDepartment.set(row.department, entry);
  }
  return [...byDepartment]
    .map(([department, entry]) => ({
      department,
      viewers: entry.viewers,
      totalWatchSeconds: entry.seconds,
      averageCompletion: entry.viewers === 0 ? 0 : entry.completion / entry.viewers,
    }))
    .sort((a, b) => b.viewers - a.viewers || a.department - b.department);
}

export interface DistributionBucket {
  /** Inclusive lower edge. */
  from: number;
  /** Exclusive upper edge; the last bucket includes its upper edge. */
  to: number;
  count: number;
}

/**
 * Counts values into buckets between ascending edges (n edges → n−1 buckets). Values below the first
 * edge go to the first bucket and values above the last edge to the last, so counts add up to the input.
 */
export function distribution(values: Iterable<number>, edges: readonly number[]): DistributionBucket[] {
  if (edges.length < 2) throw new RangeError('distribution needs at least two edges');
  for (let i = 1; i < edges.length; i++)
    if (!(edges[i]! > edges[i - 1]!)) throw new RangeError('edges must ascend');
  const buckets = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]!, count: 0 }));
  for (const value of values) {
    let low = 0;
    let high = buckets.length - 1;
    // Binary search for the last bucket whose lower edge is ≤ value.
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (buckets[mid]!.from <= value) low = mid;
      else high = mid - 1;
    }
    buckets[low]!.count++;
  }
  return buckets;
}

/** Completion quartiles: 0–25 %, 25–50 %, 50–75 %, 75–100 %. */
export const COMPLETION_EDGES: readonly number[] = [0, 0.25, 0.5, 0.75, 1];

/** Watch time in minutes: <5, 5–15, 15–30, 30–60, ≥60 (seconds). */
export const WATCH_TIME_EDGES: readonly number[] = [0, 300, 900, 1800, 3600, Number.MAX_SAFE_INTEGER];
