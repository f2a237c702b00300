// The page cache behind VirtualTable: which pages of one query are loaded or loading, the total,
// and the first error. Pages load once; an abort drops everything in flight (query replaced).
import type { FetchPage } from './types.ts';

export interface PageCache<R> {
  readonly pageSize: number;
  /** null until the first page answered. */
  readonly total: number | null;
  readonly error: unknown;
  row(index: number): R | undefined;
  isLoaded(page: number): boolean;
  /** Starts loading `page` unless it is loaded, loading, or the cache holds an error. */
  load(page: number, fetcher: FetchPage<R>, onSettled: () => void): void;
  clearError(): void;
  abort(): void;
}

export function createPageCache<R>(pageSize: number): PageCache<R> {
  const pages = new Map<number, R[]>();
  const loading = new Set<number>();
  const controller = new AbortController();
  let total: number | null = null;
  let error: unknown = null;

  return {
    pageSize,
    get total() {
      return total;
    },
    get error() {
      return error;
    },
    row(index) {
      return pages.get(Math.floor(index / pageSize))?.[index % pageSize];
    },
    isLoaded: (page) => pages.has(page),
    load(page, fetcher, onSettled) {
      if (page < 0 || pages.has(page) || loading.has(page) || error !== null || controller.signal.aborted)
        return;
      if (total !== null && page * pageSize >= total) return;
      loading.add(page);
      fetcher(page * pageSize, pageSize, controller.signal).then(
        (result) => {
          loading.delete(page);
          if (controller.signal.aborted) return;
          pages.set(page, result.rows);
          total = result.total;
          onSettled();
        },
        (e: unknown) => {
          loading.delete(page);
          if (controller.signal.aborted) return;
          error = e;
          onSettled();
        },
      );
    },
    clearError() {
      error = null;
    },
    abort() {
      controller.abort();
    },
  };
}
