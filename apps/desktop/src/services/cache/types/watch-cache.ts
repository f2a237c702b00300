// The cache's watch statistics part: resumable paging writes, viewers and the dashboards built on them.
import type {
  AbsenteesResult,
  HomeStatsResult,
  LiveAnalyticsResult,
  StatsOverviewQuery,
  StatsOverviewResult,
  WatchStatsQuery,
  WatchStatsResult,
} from './reads.ts';
import type { DepartmentLevel } from '../../../shared/models.ts';
import type { DepartmentPaths } from '../department-paths.ts';
import type { Slicing } from '../slicing.ts';
import type { WatchCursor } from './records.ts';
import type { WireWatchPage } from './wire.ts';

export interface WatchCache {
  // watch stats: writes
  /** The stored paging cursor of a live's watch stats, with the pages and rows of a running fetch. */
  watchCursor(livingid: string): WatchCursor;
  /** Starts (or resumes, unless `restart`) fetching a live's watch stats; returns the next_key to request. */
  beginWatch(
    livingid: string,
    options?: { restart?: boolean },
  ): { nextKey: string; resumed: boolean; merging: boolean };
  /**
   * Stores one get_watch_stat page's rows (as the fetch's new generation of the live's rows) AND
   * the cursor, atomically: pages are committed together, at least every `pendingWatchPagesMs` and
   * `pendingWatchRows` rows and before any other write, and a failure rolls back every page not
   * yet committed with its cursor. `fromKey` (the next_key the page was requested with) guards
   * against applying a page twice or out of order. `ending: 1` ends the fetch: the merge commits
   * its rows, stores the live's summaries and switches readers to it at once; the previous rows
   * are then deleted. Until the switch readers see the previous complete fetch. The merge runs
   * before this returns, or with `merge: 'later'` step by step through mergeWatchSteps.
   */
  appendWatchPage(
    livingid: string,
    page: WireWatchPage,
    paging: { nextKey: string; ending: number | boolean; fromKey?: string },
    fetchedAt?: number,
    options?: { merge?: 'now' | 'later' },
  ): { rows: number; finished: boolean };
  /**
   * The pending merge of a live's ended fetch (commit, summaries, switch, deletion of the previous
   * rows), one short step per `next()`: a caller lets others run between steps. Nothing to do when
   * no merge is pending.
   */
  mergeWatchSteps(livingid: string): Generator<void, void, undefined>;
  /** Ends a running fetch as if its last page said ending = 1 (idempotent; a live without stats ends empty). */
  finishWatch(livingid: string, fetchedAt?: number): void;

  // watch stats and dashboards: reads
  /** Department paths and roll-ups, rebuilt when the org changes. */
  departmentPaths(): DepartmentPaths;
  /** One page of a live's viewers from its last complete fetch (`complete` false: none yet). */
  watchStats(query: WatchStatsQuery): WatchStatsResult;
  /** Aggregates for one live's charts (by department: the viewers' departments when fetched); null when the live is unknown. */
  liveAnalytics(livingid: string, level?: DepartmentLevel): LiveAnalyticsResult | null;
  /** Audience members (expanded; not disabled or departed) without a watch row, grouped by main department. */
  absentees(livingid: string, level?: DepartmentLevel): AbsenteesResult;
  /** Home page: lives now, next reserved, last-30-days totals, last sync per scope. */
  homeStats(now: number): HomeStatsResult;
  /**
   * Statistics across lives held (status 1, 2) that started in [from, to] (unix s), filtered by
   * anchor, type and a department (subtree): the live's main department (host) or its viewers'
   * (audience); completion by department rolled up to the query's level.
   */
  statsOverview(query: StatsOverviewQuery): StatsOverviewResult;
  /**
   * Reads ahead what the first statistics request would read at once (each live's sums per 一级部门),
   * a slice of lives at a time (`slicing`, by default slices of about 15 ms) with `pause()` before
   * each: the services call it once they are ready.
   */
  warmStatistics(pause: () => Promise<void>, slicing?: Slicing): Promise<void>;
  /**
   * Reads ahead in the same way what `query` needs and the cache does not hold yet (each live's
   * sums per department below 一级部门, or per division at it): the services call it before
   * statsOverview, so that a first request does not hold their thread for the whole read.
   */
  readStatisticsFor(query: StatsOverviewQuery, pause: () => Promise<void>, slicing?: Slicing): Promise<void>;
}
