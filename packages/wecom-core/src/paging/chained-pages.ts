// Pages linked by a key from the previous page (cursor, next_key). The next page is requested as
// soon as a page arrives, so the consumer's work on page N overlaps the fetch of page N+1; at most
// one page is held ahead. Stopping early aborts the request in flight.

export interface ChainedPagesOptions<P> {
  /** Fetches one page; `key` is undefined for the first page. */
  fetchPage: (key: string | undefined, signal: AbortSignal) => Promise<P>;
  /** The key of the page after `page`, or null when `page` is the last one. */
  nextKey: (page: P, key: string | undefined) => string | null;
  signal?: AbortSignal;
}

export async function* chainedPages<P>(options: ChainedPagesOptions<P>): AsyncGenerator<P, void, undefined> {
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  let key: string | undefined = undefined;
  let pending: Promise<P> | null = options.fetchPage(key, signal);
  try {
    while (pending) {
      const page: P = await pending;
      const next = options.nextKey(page, key);
      if (next === null) {
        pending = null;
      } else {
        key = next;
        pending = options.fetchPage(key, signal);
        // Awaited on the next turn; this only keeps an early stop from reporting an unhandled rejection.
        pending.catch(() => undefined);
      }
      yield page;
    }
  } finally {
    stop.abort();
  }
}
