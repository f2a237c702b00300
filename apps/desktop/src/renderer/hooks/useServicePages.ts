// Paged reads for windowed tables, on the same query cache as useServiceQuery: each page is a query
// ([...source key, 'page', size, n]) carrying the source's topics, so a `changed` event refreshes the
// pages on screen in place, a filter seen a moment ago comes back from the cache, and a page scrolled
// away from stops being asked for.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodOutput, ServicesMethod } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import type { Topic } from '../api/client.ts';
import type { FetchPage, PageSource } from '../components/virtual-table/types.ts';
import { toServiceError } from '../errors.ts';
import { seededData, seedQuery } from './queryClient.ts';
import { callService, inputKey, serviceQueryKey } from './useServiceQuery.ts';

export interface LoadedPages<R> {
  /** null until a page answered. */
  total: number | null;
  error: ServiceError | null;
  row(index: number): R | undefined;
  /** Asks again for the pages that failed. */
  retry(): void;
}

/** The pages [firstPage, lastPage] of `source` (only page 0 until the total is known). */
export function usePageQueries<R>(source: PageSource<R>, pageSize: number, firstPage: number, lastPage: number): LoadedPages<R> {
  const client = useQueryClient();
  const pageKey = useCallback((page: number) => [...source.key, 'page', pageSize, page], [source.key, pageSize]);
  // The first page may have arrived with the warm start (seedEarlyAnswers put it under its plain
  // query): the page starts from it, fresh, so the first render shows it and nothing asks again. Not
  // initialData: a profile switch resets the queries to their initial data, which would bring the
  // previous corp's page back.
  useState(() => {
    const arrived = client.getQueryData(pageKey(0)) === undefined ? source.arrivedPage?.(0, pageSize) : undefined;
    if (arrived) seedQuery(client, pageKey(0), arrived);
  });
  const cachedTotal = client.getQueryData<{ total: number }>(pageKey(0))?.total ?? null;
  const pages = useMemo(() => {
    const wanted = [0];
    if (cachedTotal === null) return wanted;
    const lastInTotal = Math.max(0, Math.ceil(cachedTotal / pageSize) - 1);
    for (let page = Math.max(1, firstPage); page <= Math.min(lastPage, lastInTotal); page++) wanted.push(page);
    return wanted;
  }, [cachedTotal, pageSize, firstPage, lastPage]);

  const fetchPage = source.fetchPage;
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: pageKey(page),
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const started = performance.now();
        try {
          return await fetchPage(page * pageSize, pageSize, signal);
        } catch (e) {
          throw toServiceError(e);
        } finally {
          performance.measure('wld:table-fetch', { start: started });
        }
      },
      meta: source.topics ? { topics: source.topics } : undefined,
    })),
  });

  const total = results.find((r) => r.data !== undefined)?.data?.total ?? null;
  const failed = results.filter((r) => r.error && r.error.kind !== 'cancelled');
  const byPage = new Map(pages.map((page, i) => [page, results[i]?.data?.rows]));
  return {
    total,
    error: failed[0]?.error ?? null,
    row: (index) => byPage.get(Math.floor(index / pageSize))?.[index % pageSize],
    retry: () => {
      for (const r of failed) void r.refetch();
    },
  };
}

/** A paged services method (offset + limit in, total + rows out) as a table's page source. */
export function useServicePages<M extends ServicesMethod, R>(
  method: M,
  pageInput: (offset: number, limit: number) => MethodInput<M>,
  rowsOf: (output: MethodOutput<M>) => { total: number; rows: R[] },
  options: { topics?: Topic[] } = {},
): PageSource<R> {
  // The key is the input without its window, so every page of one filter shares it.
  const filterKey = inputKey(pageInput(0, 0));
  const topicsKey = (options.topics ?? []).join(',');
  const client = useQueryClient();
  // The latest functions: the same filter key means the same pages, whatever closure made them.
  const latest = useRef({ pageInput, rowsOf });
  latest.current = { pageInput, rowsOf };
  return useMemo(() => {
    const fetchPage: FetchPage<R> = async (offset, limit, signal) =>
      latest.current.rowsOf(await callService(method, latest.current.pageInput(offset, limit))({ signal }));
    const arrivedPage = (offset: number, limit: number) => {
      const output = seededData<MethodOutput<M>>(client, serviceQueryKey(method, latest.current.pageInput(offset, limit)));
      return output === undefined ? undefined : latest.current.rowsOf(output);
    };
    return {
      key: [method, filterKey] as const,
      fetchPage,
      arrivedPage,
      ...(topicsKey ? { topics: topicsKey.split(',') as Topic[] } : {}),
    };
  }, [client, method, filterKey, topicsKey]);
}
