// The pages of the current query: a page cache per queryKey (a few kept, so flipping back to a filter
// is instant), the first page asked for at once, and User Timing marks for the renderer benchmark.
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { createPageCache } from './pageCache.ts';
import type { PageCache } from './pageCache.ts';
import type { FetchPage } from './types.ts';

const KEPT_QUERIES = 4;

export function useQueryPages<R>(
  queryKey: string,
  pageSize: number,
  fetchPage: FetchPage<R>,
  onTotalChange: ((total: number) => void) | undefined,
) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const caches = useRef(new Map<string, PageCache<R>>());
  /** A new query, until its first rows are in the DOM ('wld:table-query-to-rows'). */
  const queryStarted = useRef<{ queryKey: string; at: number } | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const totalRef = useRef(onTotalChange);
  totalRef.current = onTotalChange;

  const loadInto = useCallback((target: PageCache<R>, page: number) => {
    const timedFetch: FetchPage<R> = (offset, limit, signal) => {
      const started = performance.now();
      return fetchRef
        .current(offset, limit, signal)
        .finally(() => performance.measure('wld:table-fetch', { start: started }));
    };
    target.load(page, timedFetch, () => {
      if (target.total !== null) totalRef.current?.(target.total);
      rerender();
    });
  }, []);

  const cache = useMemo(() => {
    const existing = caches.current.get(queryKey);
    if (existing) {
      caches.current.delete(queryKey);
      caches.current.set(queryKey, existing); // most recent last
      return existing;
    }
    const created = createPageCache<R>(pageSize);
    queryStarted.current = { queryKey, at: performance.now() };
    caches.current.set(queryKey, created);
    while (caches.current.size > KEPT_QUERIES) {
      const oldest = caches.current.keys().next().value as string;
      caches.current.get(oldest)?.abort();
      caches.current.delete(oldest);
    }
    // The first page is asked for now, not after commit: the services search while React renders
    // and commits the reset table (an effect would wait for that, and maybe for a paint). The cache is
    // keyed by queryKey, so a render that runs twice or is thrown away reuses it instead of refetching.
    loadInto(created, 0);
    return created;
  }, [queryKey, pageSize, loadInto]);

  const load = useCallback((page: number) => loadInto(cache, page), [cache, loadInto]);
  const reportTotal = useCallback(() => {
    if (cache.total !== null) totalRef.current?.(cache.total);
  }, [cache]);

  return { cache, load, rerender, reportTotal, queryStarted };
}

/** Marks 'wld:table-query-to-rows' once the new query's first visible row is rendered. */
export function useQueryToRowsMark<R>(
  queryStarted: { current: { queryKey: string; at: number } | null },
  queryKey: string,
  cache: PageCache<R>,
  first: number,
) {
  useLayoutEffect(() => {
    const started = queryStarted.current;
    if (
      !started ||
      started.queryKey !== queryKey ||
      cache.total === null ||
      (cache.total > 0 && cache.row(first) === undefined)
    )
      return;
    queryStarted.current = null;
    performance.measure('wld:table-query-to-rows', { start: started.at, detail: queryKey });
  });
}
