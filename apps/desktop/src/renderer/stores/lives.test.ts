import { systemClock } from '@wld/clock';
import { beforeEach, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { canCancel, canDeleteReplay, canModify, initialLiveFilters, initialLivesPage, livesListInput, useLivesStore, viewSpan, weekStart } from './lives.ts';

beforeEach(() => useLivesStore.setState({ filters: initialLiveFilters, page: initialLivesPage, view: 'list', editor: null }));

describe('lives store', () => {
  it('maps list filters onto the lives.list input', () => {
    useLivesStore.getState().setFilters({ status: [0, 1], anchorUserid: 'zhangsan', type: 3, query: '  培训 ', range: [100, 200] });
    const { filters } = useLivesStore.getState();
    expect(livesListInput(filters, 'list', systemClock.now())).toEqual({
      from: 100,
      to: 200,
      status: [0, 1],
      anchorUserid: 'zhangsan',
      type: 3,
      query: '培训',
      page: { offset: 0, limit: 20, sort: 'start', desc: true },
    });
  });

  it('asks the list for the page it shows, and goes back to the first page when the filters change', () => {
    useLivesStore.getState().setPage({ current: 3, size: 50, sort: 'viewers', desc: false });
    const { filters, page } = useLivesStore.getState();
    expect(livesListInput(filters, 'list', systemClock.now(), page).page).toEqual({ offset: 100, limit: 50, sort: 'viewers', desc: false });
    // a calendar asks for every live of its span, unpaged
    expect(livesListInput(filters, 'month', systemClock.now(), page).page).toBeUndefined();
    useLivesStore.getState().setFilters({ query: '安全' });
    expect(useLivesStore.getState().page).toMatchObject({ current: 1, size: 50, sort: 'viewers', desc: false });
  });

  it('calendar views query their own span and ignore the list date range', () => {
    const cursor = dayjs('2026-11-19T10:00:00').valueOf(); // a Thursday
    const filters = { ...initialLiveFilters, range: [1, 2] as [number, number] };
    const week = livesListInput(filters, 'week', cursor);
    expect(week.from).toBe(dayjs('2026-11-16T00:00:00').unix()); // Monday
    expect(week.to).toBe(dayjs('2026-11-23T00:00:00').unix());
    const [from, to] = viewSpan('month', cursor);
    expect(from).toBe(dayjs('2026-10-26T00:00:00').unix()); // the Monday before 1 November
    expect(to - from).toBe(42 * 86_400);
  });

  it('weeks start on Monday, also from a Sunday', () => {
    expect(weekStart(dayjs('2026-11-22T23:00:00').valueOf()).format('YYYY-MM-DD')).toBe('2026-11-16');
    useLivesStore.getState().setCursor(dayjs('2026-11-19').valueOf());
    useLivesStore.getState().shiftWeek(-1);
    expect(dayjs(useLivesStore.getState().cursor).format('YYYY-MM-DD')).toBe('2026-11-12');
  });

  it('opens the editor for create and modify', () => {
    useLivesStore.getState().openCreate();
    expect(useLivesStore.getState().editor).toEqual({ livingid: null });
    useLivesStore.getState().openEdit('lv1');
    expect(useLivesStore.getState().editor).toEqual({ livingid: 'lv1' });
    useLivesStore.getState().closeEditor();
    expect(useLivesStore.getState().editor).toBeNull();
  });

  it('allows modify and cancel only while reserved, replay deletion only for an ended live with a replay', () => {
    expect(canModify({ status: 0 })).toBe(true);
    expect(canModify({ status: 1 })).toBe(false);
    expect(canCancel({ status: 2 })).toBe(false);
    expect(canDeleteReplay({ status: 2, openReplay: true, replayStatus: 0 })).toBe(true);
    expect(canDeleteReplay({ status: 2, openReplay: true, replayStatus: 2 })).toBe(false);
    expect(canDeleteReplay({ status: 2, openReplay: false, replayStatus: null })).toBe(false);
    expect(canDeleteReplay({ status: 1, openReplay: true, replayStatus: 1 })).toBe(false);
  });
});
