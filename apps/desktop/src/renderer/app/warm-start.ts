// Asks, while React and antd still load, what the first screen would otherwise ask one step after
// another once the app has rendered: main's settings (language, theme, active profile), whose data
// the services serve (cache.scope, which also opens the services port) and the page's first queries.
// The stores and pages take these answers (`callEarly`/`mainEarly` in the api client). It runs before
// the app script (build/main-window-scripts.ts), so it imports neither React nor the stores.
import type { MethodInput, ServicesMethod } from '../../shared/contract.ts';
import { callEarly, mainEarly } from '../api/client.ts';
import { pageForPath, pathOfHash, type PageName } from './page-paths.ts';
import { USERS_PAGE_SIZE, initialUserFilters, usersSearchInput } from '../stores/org-filters.ts';
import { initialStatisticsFilters, overviewInput } from '../stores/statistics-filters.ts';
import { initialLiveFilters, initialLivesPage, livesPageInput } from '../stores/lives-filters.ts';

type EarlyCall = { [M in ServicesMethod]: { method: M; input: MethodInput<M> } }[ServicesMethod];

/**
 * The queries a page starts with: those whose input is fixed, and those made from the filters its
 * store starts with (the page then asks the very same input).
 */
export function firstQueriesOf(page: PageName, path: string): EarlyCall[] {
  switch (page) {
    case 'home':
      return [{ method: 'stats.home', input: {} }];
    case 'live-detail': {
      const livingid = decodeURIComponent(path.split('/').filter(Boolean)[1] ?? '');
      return [
        { method: 'lives.get', input: { livingid } },
        { method: 'org.departments', input: {} },
      ];
    }
    case 'statistics':
      return [
        { method: 'stats.overview', input: overviewInput(initialStatisticsFilters()) },
        { method: 'org.departments', input: {} },
      ];
    case 'org':
      return [
        { method: 'users.search', input: usersSearchInput(initialUserFilters, 0, USERS_PAGE_SIZE) },
        { method: 'org.departments', input: {} },
      ];
    case 'messages':
      return [
        { method: 'org.departments', input: {} },
        { method: 'tags.list', input: {} },
      ];
    case 'lives':
      // the lives store starts on the list view with no filter (no span: the calendar's needs the week start)
      return [{ method: 'lives.list', input: livesPageInput(initialLiveFilters, initialLivesPage) }];
    case 'api-usage':
      return [{ method: 'apiUsage.stats', input: {} }];
    case 'settings':
      return [{ method: 'cache.info', input: {} }];
    default:
      return [];
  }
}

export function warmStart(hash: string): void {
  if (typeof window === 'undefined' || !window.wld) return; // not in the app: the pages say why
  mainEarly('settings.get', {});
  callEarly('cache.scope', {});
  const path = pathOfHash(hash);
  const page = pageForPath(path);
  if (!page) return;
  for (const { method, input } of firstQueriesOf(page, path)) callEarly(method, input as never);
}
