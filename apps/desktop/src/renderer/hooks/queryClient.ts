// The renderer's query cache (@tanstack/react-query) set up for answers from the local services:
// the services say when data changed (`changed` events name topics), so nothing refetches on window
// focus or browser reconnects, queries run whether or not the browser thinks it is online, and only
// a call cut off by a services restart is tried again.
import { QueryClient } from '@tanstack/react-query';
import type { Query } from '@tanstack/react-query';
import type { MethodInput, MethodOutput, ServicesMethod } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import { api, arrivedEarlyAnswers } from '../api/client.ts';
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
        // Cache-first: a remount shows the cached answer at once and asks the services again.
        staleTime: 0,
      },
    },
  });
}

/**
 * Starts the cache from the start-up answers that have already arrived (app/warm-start.ts), so the
 * first screen renders with its data. They stay stale: the page's query still asks once on mount, and
 * takes the same early answer (api.call), so nothing is asked twice.
 */
export function seedEarlyAnswers(client: QueryClient): QueryClient {
  for (const { method, input, output } of arrivedEarlyAnswers()) client.setQueryData(serviceQueryKey(method, input), output);
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
