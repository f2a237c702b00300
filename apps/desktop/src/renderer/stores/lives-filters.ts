// The lives list's filters and the `lives.list` input made from them, apart from the lives store: the
// warm start asks the list's first page from these alone, without the store's calendar code (dayjs,
// i18n's week start) on the start-up path.
import type { LivesPage, MethodInput } from '../../shared/contract.ts';
import type { Live } from '../../shared/models.ts';
import { storedLivesPageSize } from './lives-page-size.ts';

export interface LiveFilters {
  status: Array<Live['status']>;
  anchorUserid: string | null;
  type: Live['type'] | null;
  /** [from, to] in unix seconds (list view only). */
  range: [number, number] | null;
  query: string;
}

export const initialLiveFilters: LiveFilters = {
  status: [],
  anchorUserid: null,
  type: null,
  range: null,
  query: '',
};

/** The `lives.list` input of the filters over a span [from, to) in unix seconds (null: any time). */
export function livesQueryInput(
  filters: LiveFilters,
  span: readonly [number, number] | null,
): MethodInput<'lives.list'> {
  return {
    from: span ? span[0] : null,
    to: span ? span[1] : null,
    status: filters.status,
    anchorUserid: filters.anchorUserid,
    type: filters.type,
    query: filters.query.trim().slice(0, 100),
  };
}

/** The list view's page: which one, how long, and its sort. */
export interface LivesListPage {
  /** 1-based, as the table counts */
  current: number;
  size: number;
  sort: LivesPage['sort'];
  desc: boolean;
}

/** Newest first, as many a page as the admin last picked (20 at first). */
export const initialLivesPage: LivesListPage = { current: 1, size: storedLivesPageSize(), sort: 'start', desc: true };

/** The list view's `lives.list` input: the filters over their date range, one page of them. */
export function livesPageInput(filters: LiveFilters, page: LivesListPage): MethodInput<'lives.list'> {
  return {
    ...livesQueryInput(filters, filters.range),
    page: { offset: (page.current - 1) * page.size, limit: page.size, sort: page.sort, desc: page.desc },
  };
}

/** Whether any filter narrows the list (an empty list then means "nothing matches", not "no lives"). */
export function hasLiveFilters(filters: LiveFilters): boolean {
  return (
    filters.status.length > 0 ||
    filters.anchorUserid !== null ||
    filters.type !== null ||
    filters.range !== null ||
    filters.query.trim() !== ''
  );
}
