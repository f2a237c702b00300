// Statistics screen state: the date range and filters that make up the `stats.overview` input.
import { create } from 'zustand';
import type { MethodInput } from '../../shared/contract.ts';
import type { DepartmentLevel, Live } from '../../shared/models.ts';
import { now as clockNow } from '@wld/clock';

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

export interface StatisticsActions {
  setPreset(days: RangePreset, now?: Date): void;
  setRange(from: number, to: number): void;
  setAnchor(anchorUserid: string | null): void;
  setType(type: LiveType | null): void;
  setDepartment(departmentId: number | null): void;
  setDepartmentBy(departmentBy: DepartmentBy): void;
  setLevel(level: DepartmentLevel): void;
  resetFilters(now?: Date): void;
}

/** The last `days` days including today, in local time, as unix seconds. */
export function presetRange(days: number, now: Date = new Date(clockNow())): { from: number; to: number } {
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: Math.floor(start.getTime() / 1000), to: Math.floor(end.getTime() / 1000) - 1 };
}

function initialFilters(now?: Date): StatisticsFilters {
  return { ...presetRange(30, now), preset: 30, anchorUserid: null, type: null, departmentId: null, departmentBy: 'audience', level: 1 };
}

export const useStatisticsStore = create<{ filters: StatisticsFilters } & StatisticsActions>()((set) => ({
  filters: initialFilters(),
  setPreset: (days, now) => set((s) => ({ filters: { ...s.filters, ...presetRange(days, now), preset: days } })),
  setRange: (from, to) =>
    set((s) => ({ filters: { ...s.filters, from: Math.min(from, to), to: Math.max(from, to), preset: null } })),
  setAnchor: (anchorUserid) => set((s) => ({ filters: { ...s.filters, anchorUserid } })),
  setType: (type) => set((s) => ({ filters: { ...s.filters, type } })),
  setDepartment: (departmentId) => set((s) => ({ filters: { ...s.filters, departmentId } })),
  setDepartmentBy: (departmentBy) => set((s) => ({ filters: { ...s.filters, departmentBy } })),
  setLevel: (level) => set((s) => ({ filters: { ...s.filters, level } })),
  resetFilters: (now) => set({ filters: initialFilters(now) }),
}));

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
