// The statistics screen's filters and the `stats.overview` input made from them, apart from the
// statistics store: the warm start asks the overview from these alone, without zustand and React on
// the start-up path.
import type { MethodInput } from '../../shared/contract.ts';
import type { DepartmentLevel, Live } from '../../shared/models.ts';
import { now as clockNow } from '@wld/clock';
import { lastDaysRange } from '../../shared/day-ranges.ts';

export type LiveType = Live['type'];
export type RangePreset = 7 | 30 | 90;

export interface StatisticsFilters {
  /** Unix seconds, start of the first day. */
  from: number;
  /** Unix seconds, end of the last day. */
  to: number;
  /** The preset the range came from, or null for a custom range. */
  preset: RangePreset | null;
  anchorUserid: string | null;
  type: LiveType | null;
  departmentId: number | null;
  /** Whose department `departmentId` filters: the viewers' (audience) or the live's host's. */
  departmentBy: DepartmentBy;
  /** The level completion by department is grouped at. */
  level: DepartmentLevel;
}

export type DepartmentBy = 'audience' | 'host';

/** The last `days` days including today, in local time, as unix seconds (the range home's card uses too). */
export function presetRange(days: number, now: Date = new Date(clockNow())): { from: number; to: number } {
  return lastDaysRange(days, now);
}

/** The screen's filters at start: the last 30 days, nothing else narrowed. */
export function initialStatisticsFilters(now?: Date): StatisticsFilters {
  return { ...presetRange(30, now), preset: 30, anchorUserid: null, type: null, departmentId: null, departmentBy: 'audience', level: 1 };
}

export function overviewInput(filters: StatisticsFilters): MethodInput<'stats.overview'> {
  return {
    from: filters.from,
    to: filters.to,
    anchorUserid: filters.anchorUserid,
    type: filters.type,
    departmentId: filters.departmentId,
    departmentBy: filters.departmentBy,
    level: filters.level,
  };
}
