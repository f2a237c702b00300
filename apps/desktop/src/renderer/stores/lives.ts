// Lives screen state: filters, the view (list / month / week) and the date it shows, and the editor.
// The `lives.list` input is derived from this state alone (livesListInput), so it is easy to test.
import { create } from 'zustand';
import dayjs from 'dayjs';
import { now } from '@wld/clock';
import { monthGrid, startOfWeek, type WeekStartDay } from '../../shared/dates.ts';
import { firstDayOfWeek } from '../format.ts';
import type { MethodInput } from '../../shared/contract.ts';
import type { Live } from '../../shared/models.ts';
import { initialLiveFilters, initialLivesPage, livesPageInput, livesQueryInput, type LiveFilters, type LivesListPage } from './lives-filters.ts';
import { storeLivesPageSize } from './lives-page-size.ts';

export { initialLiveFilters, initialLivesPage, type LiveFilters, type LivesListPage };

export type LiveStatus = Live['status'];
export type LiveType = Live['type'];
export type LivesView = 'list' | 'month' | 'week';

export interface LivesState {
  filters: LiveFilters;
  /** The list view's page and sort (back to the first page when the filters change). */
  page: LivesListPage;
  view: LivesView;
  /** A day (epoch ms) inside the month or week the calendar shows. */
  cursor: number;
  /** null: closed; { livingid: null }: creating (optionally at a chosen start, or prefilled from `copyFrom`); { livingid }: editing. */
  editor: { livingid: string | null; startMs?: number; copyFrom?: string } | null;
}

export interface LivesActions {
  setFilters(patch: Partial<LiveFilters>): void;
  resetFilters(): void;
  setPage(patch: Partial<LivesListPage>): void;
  setView(view: LivesView): void;
  setCursor(cursor: number): void;
  /** Moves the week view by whole weeks (negative: back). */
  shiftWeek(weeks: number): void;
  /** Opens the create form; `startMs` pre-fills the start (a day picked in the calendar). */
  openCreate(startMs?: number): void;
  openEdit(livingid: string): void;
  /** Opens the create form prefilled from another live (a copy: a new live, created only on save). */
  openCopy(livingid: string): void;
  closeEditor(): void;
}

export const useLivesStore = create<LivesState & LivesActions>()((set, get) => ({
  filters: initialLiveFilters,
  page: initialLivesPage,
  view: 'list',
  cursor: now(),
  editor: null,
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch }, page: { ...get().page, current: 1 } }),
  resetFilters: () => set({ filters: initialLiveFilters, page: { ...get().page, current: 1 } }),
  setPage: (patch) => {
    if (patch.size !== undefined && patch.size !== get().page.size) storeLivesPageSize(patch.size);
    set({ page: { ...get().page, ...patch } });
  },
  setView: (view) => set({ view }),
  setCursor: (cursor) => set({ cursor }),
  shiftWeek: (weeks) => set({ cursor: dayjs(get().cursor).add(weeks, 'week').valueOf() }),
  openCreate: (startMs) => set({ editor: startMs === undefined ? { livingid: null } : { livingid: null, startMs } }),
  openEdit: (livingid) => set({ editor: { livingid } }),
  openCopy: (livingid) => set({ editor: { livingid: null, copyFrom: livingid } }),
  closeEditor: () => set({ editor: null }),
}));

/** 00:00 of the first day of the week holding `ms`, in the UI's language. */
export function weekStart(ms: number, firstDay: WeekStartDay = firstDayOfWeek()): dayjs.Dayjs {
  return startOfWeek(ms, firstDay);
}

/** The span a view shows, in unix seconds [from, to). Month: the 6-week grid the calendar draws. */
export function viewSpan(view: Exclude<LivesView, 'list'>, cursor: number): [number, number] {
  if (view === 'week') {
    const from = weekStart(cursor);
    return [from.unix(), from.add(7, 'day').unix()];
  }
  return monthGrid(cursor, firstDayOfWeek());
}

/** The list view asks for one page of lives; a calendar for every live in its span. */
export function livesListInput(filters: LiveFilters, view: LivesView, cursor: number, page: LivesListPage = initialLivesPage): MethodInput<'lives.list'> {
  return view === 'list' ? livesPageInput(filters, page) : livesQueryInput(filters, viewSpan(view, cursor));
}

export const canModify = (live: Pick<Live, 'status'>): boolean => live.status === 0;
export const canCancel = (live: Pick<Live, 'status'>): boolean => live.status === 0;
/** A replay exists to delete: the live ended, replay is on and not already deleted. */
export const canDeleteReplay = (live: Pick<Live, 'status' | 'openReplay' | 'replayStatus'>): boolean =>
  live.status === 2 && live.openReplay && live.replayStatus !== null && live.replayStatus !== 2;
