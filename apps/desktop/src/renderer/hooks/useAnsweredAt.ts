// When the services last answered a query (by the one clock): "updated at 09:30" under polled figures.
import { useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { now } from '@wld/clock';
import type { MethodInput, ServicesMethod } from '../../shared/contract.ts';
import { serviceQueryKey } from './queryKey.ts';

export function useAnsweredAt<M extends ServicesMethod>(method: M, input: MethodInput<M>): number | null {
  const count = useQueryClient().getQueryState(serviceQueryKey(method, input))?.dataUpdateCount ?? 0;
  const seen = useRef<{ count: number; at: number | null }>({ count: 0, at: null });
  // A new answer (even one equal to the last) moves the time on.
  if (count !== seen.current.count) seen.current = { count, at: count > 0 ? now() : null };
  return seen.current.at;
}
