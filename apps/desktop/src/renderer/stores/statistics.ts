// Statistics screen state: the date range and filters that make up the `stats.overview` input.
import { create } from 'zustand';
import type { DepartmentLevel } from '../../shared/models.ts';
import { initialStatisticsFilters as initialFilters, presetRange, type DepartmentBy, type LiveType, type RangePreset, type StatisticsFilters } from './statistics-filters.ts';

export { initialStatisticsFilters, overviewInput, presetRange } from './statistics-filters.ts';
export type { DepartmentBy, LiveType, RangePreset, StatisticsFilters } from './statistics-filters.ts';

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
