// Reads from the services the cache-first way, on the window's query cache (@tanstack/react-query):
// the cached answer shows at once while the services are asked again, a `changed` event naming one of
// the query's topics refetches it (ServiceQueryProvider holds that one subscription), and a new input
// (compared by value) cancels the call in flight.
import { useCallback, useRef } from 'react';
import { keepPreviousData, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient, QueryFunctionContext } from '@tanstack/react-query';
import type { MethodInput, MethodOutput, ServicesMethod } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import { api } from '../api/client.ts';
import type { Topic } from '../api/client.ts';
import { toServiceError } from '../errors.ts';
import { serviceQueryKey } from './queryKey.ts';

export { inputKey, serviceQueryKey } from './queryKey.ts';

export interface ServiceQueryOptions {
  topics?: Topic[];
  enabled?: boolean;
  /**
   * Keep showing the last answer while a new input is queried (lists, tables). false: only an answer
   * to this very input, fetched since the query was last enabled (forms that must start from the
   * current values).
   */
  keepPrevious?: boolean;
  /** Ask again every this many ms while on screen (figures that move without a `changed` event). */
  pollMs?: number;
}

export interface ServiceQuery<M extends ServicesMethod> {
  data: MethodOutput<M> | undefined;
  error: ServiceError | null;
  loading: boolean;
  refetch: () => void;
}

/** Calls the services for a query, with react-query's signal cancelling the call. */
export function callService<M extends ServicesMethod>(method: M, input: MethodInput<M>) {
  return async ({ signal }: Pick<QueryFunctionContext, 'signal'>): Promise<MethodOutput<M>> => {
    try {
      return await api.call(method, input, { signal });
    } catch (e) {
      throw toServiceError(e);
    }
  };
}

/** One read outside rendering (a check before a write), through the cache so it is shared. */
export function fetchService<M extends ServicesMethod>(client: QueryClient, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  return client.fetchQuery({ queryKey: serviceQueryKey(method, input), queryFn: callService(method, input), staleTime: 0 });
}

export type ServiceFetch = <M extends ServicesMethod>(method: M, input: MethodInput<M>) => Promise<MethodOutput<M>>;

/** The fetchService of this window's cache, for event handlers. */
export function useServiceFetch(): ServiceFetch {
  const client = useQueryClient();
  return useCallback((method, input) => fetchService(client, method, input), [client]);
}

/**
 * For keepPrevious: false — how many answers the cache held for this input when the query was
 * (re-)enabled; only a later answer may show.
 */
function useAnswersBefore(client: QueryClient, queryKey: [string, string], enabled: boolean, track: boolean): number {
  const since = useRef<{ key: string; count: number } | null>(null);
  if (!track || !enabled) {
    since.current = null;
    return 0;
  }
  if (since.current?.key !== queryKey[1]) {
    since.current = { key: queryKey[1], count: client.getQueryState(queryKey)?.dataUpdateCount ?? 0 };
  }
  return since.current.count;
}

export function useServiceQuery<M extends ServicesMethod>(
  method: M,
  input: MethodInput<M>,
  options: ServiceQueryOptions = {},
): ServiceQuery<M> {
  const { enabled = true, keepPrevious = true, topics, pollMs } = options;
  const client = useQueryClient();
  const queryKey = serviceQueryKey(method, input);
  const answersBefore = useAnswersBefore(client, queryKey, enabled, !keepPrevious);

  const query = useQuery({
    queryKey,
    queryFn: callService(method, input),
    enabled,
    meta: topics ? { topics } : undefined,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
    refetchInterval: pollMs,
    // Polled figures catch up as soon as the window is shown again (polling stops while hidden).
    ...(pollMs ? { refetchOnWindowFocus: true } : {}),
    // A form starts from the current values: always ask again when it opens (also when it opens by
    // its input changing, on an answer seeded moments ago: that is decided by staleness alone).
    ...(keepPrevious ? {} : { refetchOnMount: 'always' as const, staleTime: 0 }),
  });

  const fresh = keepPrevious || (enabled && (client.getQueryState(queryKey)?.dataUpdateCount ?? 0) > answersBefore);
  const data = fresh ? query.data : undefined;

  const refetchRef = useRef(query.refetch);
  refetchRef.current = query.refetch;
  const enabledRef = useRef(enabled);
  enabledRef.current = enabled;
  const refetch = useCallback(() => {
    if (enabledRef.current) void refetchRef.current();
  }, []);

  const error = query.error && query.error.kind !== 'cancelled' ? query.error : null;
  return {
    data,
    error,
    loading: enabled && (query.isFetching || (data === undefined && error === null)),
    refetch,
  };
}

/** The same method for a list of inputs (names of a few users, say), each its own cached query. */
export function useServiceQueries<M extends ServicesMethod>(
  method: M,
  inputs: readonly MethodInput<M>[],
  options: Pick<ServiceQueryOptions, 'topics' | 'enabled'> = {},
): { data: MethodOutput<M> | undefined; error: ServiceError | null }[] {
  const { enabled = true, topics } = options;
  return useQueries({
    queries: inputs.map((input) => ({
      queryKey: serviceQueryKey(method, input),
      queryFn: callService(method, input),
      enabled,
      meta: topics ? { topics } : undefined,
    })),
    combine: (results) => results.map((r) => ({ data: r.data, error: r.error })),
  });
}
