// The renderer's query cache (@tanstack/react-query) set up for answers from the local services:
// the services say when data changed (`changed` events name topics), so nothing refetches on window
// focus or browser reconnects, queries run whether or not the browser thinks it is online, and only
// a call cut off by a services restart is tried again.
import { QueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import type { MethodInput, MethodOutput, ServicesMethod } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import { api, takeArrivedEarlyAnswers } from '../api/client.ts';
import type { Topic } from '../api/client.ts';
import { serviceQueryKey } from './queryKey.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ServiceError;
    /** The `changed` topics whose events make a query stale (see followChangedTopics). */
    queryMeta: { topics?: readonly Topic[] };
  }
}

/** Errors worth one more try: the services restarted under the call. Others answer the same again. */
export function isTransient(error: ServiceError): boolean {
  return error.code === 'SERVICES_RESTARTED';
}

export function createServiceQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        networkMode: 'always',
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: (failures, error) => failures < 2 && isTransient(error),
        // Cache-first: a remount shows the cached answer at once and asks the services again; an
        // answer seeded at start-up (seedQuery) is not asked again by the page that mounts with it.
        staleTime: (query) => (freshSeed(query) ? Infinity : 0),
      },
    },
  });
}

/** How long an answer seeded at start-up counts as fresh: the first screen mounts within it. */
export const SEEDED_FRESH_MS = 2_000;

/**
 * Queries holding a seeded answer: which answer (react-query's count of them) and when it was put in
 * (performance.now(), the page's own time: not the app's clock, which tests pin).
 */
const seeded = new WeakMap<Query, { dataUpdateCount: number; at: number }>();

/** Whether the query still holds the answer seeded into it, and that not longer than SEEDED_FRESH_MS. */
function freshSeed(query: Query): boolean {
  const entry = seeded.get(query);
  return entry !== undefined && entry.dataUpdateCount === query.state.dataUpdateCount && performance.now() - entry.at <= SEEDED_FRESH_MS;
}

/**
 * Puts an answer that has just arrived into the cache as fresh: a page mounting in the next moments
 * shows it and does not ask again (nor renders again for the asking). A `changed` event still
 * refetches it, and so does any read after SEEDED_FRESH_MS.
 */
export function seedQuery(client: QueryClient, queryKey: readonly unknown[], data: unknown): void {
  client.setQueryData(queryKey, data);
  const query = client.getQueryCache().find({ queryKey, exact: true });
  if (query) seeded.set(query, { dataUpdateCount: query.state.dataUpdateCount, at: performance.now() });
}

/** A query's seeded answer while it is fresh (the start-up answer a page may start from), else undefined. */
export function seededData<T>(client: QueryClient, queryKey: readonly unknown[]): T | undefined {
  const query = client.getQueryCache().find({ queryKey, exact: true });
  return query && freshSeed(query) ? (query.state.data as T) : undefined;
}

/**
 * Starts the cache from the start-up answers that have arrived (app/warm-start.ts), so the first
 * screen renders with its data in its first commit.
 */
export function seedEarlyAnswers(client: QueryClient): QueryClient {
  // not whose data the services answer with: that is read outside the query cache (useDataScope)
  const queries = takeArrivedEarlyAnswers((method) => method !== 'cache.scope');
  for (const { method, input, output } of queries) seedQuery(client, serviceQueryKey(method, input), output);
  return client;
}

/** The topics a query listens to: its own and those of every component watching it. */
function topicsOf(query: Query): Set<Topic> {
  const topics = new Set<Topic>(query.meta?.topics ?? []);
  for (const observer of query.observers) for (const topic of observer.options.meta?.topics ?? []) topics.add(topic);
  return topics;
}

/** Marks the queries registered for any of `topics` stale; the ones on screen refetch. */
export function invalidateTopics(client: QueryClient, topics: readonly Topic[]): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const watched = topicsOf(query);
      return topics.some((topic) => watched.has(topic));
    },
  });
}

/** Puts a fresh answer into the cache (a write that answers with the new state, an event that carries it). */
export function setServiceAnswer<M extends ServicesMethod>(client: QueryClient, method: M, input: MethodInput<M>, output: MethodOutput<M>): void {
  client.setQueryData(serviceQueryKey(method, input), output);
}

/**
 * The one subscription to the services' `changed` events (and to the events that carry a whole
 * answer, such as the bot's status); returns the unsubscribe.
 */
export function followChangedTopics(client: QueryClient): () => void {
  const offs = [
    api.on('changed', (payload) => void invalidateTopics(client, payload.topics)),
    api.on('bot.status', (status) => setServiceAnswer(client, 'bot.status', {}, status)),
  ];
  return () => {
    for (const off of offs) off();
  };
}
