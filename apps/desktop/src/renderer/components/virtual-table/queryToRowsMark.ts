// User Timing for the renderer benchmark: 'wld:table-query-to-rows' once a new query's first visible
// row is in the DOM.
import { useLayoutEffect } from 'react';

interface LoadedRows {
  total: number | null;
  row(index: number): unknown;
}

/** Marks 'wld:table-query-to-rows' once the new query's first visible row is rendered. */
export function useQueryToRowsMark(
  queryStarted: { current: { queryKey: string; at: number } | null },
  queryKey: string,
  cache: LoadedRows,
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
