// Reads from the services the cache-first way: query, keep showing the last answer while re-querying,
// and re-query when a `changed` event names one of our topics or when the input changes (compared by
// value). A newer query cancels the one in flight.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MethodInput, MethodOutput, ServicesMethod } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import { api } from '../api/client.ts';
import type { Topic } from '../api/client.ts';
import { toServiceError } from '../errors.ts';

export interface ServiceQueryOptions {
  topics?: Topic[];
  enabled?: boolean;
  /**
   * Keep showing the last answer while a new input is queried (lists, tables). false: only an answer
   * to this very input, fetched since the query was last enabled (forms that must start from the
   * current values).
   */
  keepPrevious?: boolean;
}

export interface ServiceQuery<M extends ServicesMethod> {
  data: MethodOutput<M> | undefined;
  error: ServiceError | null;
  loading: boolean;
  refetch: () => void;
}

/** A stable key for an input: same value, same key, whatever the object identity. */
export function inputKey(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return value;
  });
}

export function useServiceQuery<M extends ServicesMethod>(
  method: M,
  input: MethodInput<M>,
  options: ServiceQueryOptions = {},
): ServiceQuery<M> {
  const { enabled = true, keepPrevious = true } = options;
  const key = inputKey(input);
  const topicsKey = (options.topics ?? []).join(',');
  const inputRef = useRef(input);
  inputRef.current = input;

  const [answer, setAnswer] = useState<{ key: string; output: MethodOutput<M> } | undefined>(undefined);
  const [error, setError] = useState<ServiceError | null>(null);
  const [loading, setLoading] = useState(enabled);
  const [generation, setGeneration] = useState(0);

  const refetch = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!enabled) {
      setLoading(false);
      if (!keepPrevious) setAnswer(undefined);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    api.call(method, inputRef.current, { signal: controller.signal }).then(
      (output) => {
        if (controller.signal.aborted) return;
        setAnswer({ key, output });
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const err = toServiceError(e);
        if (err.kind !== 'cancelled') setError(err);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [method, key, enabled, generation, keepPrevious]);

  useEffect(() => {
    if (!enabled || topicsKey === '') return;
    const topics = new Set(topicsKey.split(','));
    return api.on('changed', (payload) => {
      if (payload.topics.some((topic) => topics.has(topic))) refetch();
    });
  }, [topicsKey, enabled, refetch]);

  const current = answer && (keepPrevious || answer.key === key) ? answer.output : undefined;
  return { data: current, error, loading: loading || (enabled && current === undefined && error === null), refetch };
}
