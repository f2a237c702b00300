// Members matching what is typed in a picker, from the cache: the search waits for a pause in typing,
// and a newer search cancels the one in flight.
import { useRef } from 'react';
import type { MethodInput } from '../../shared/contract.ts';
import type { User } from '../../shared/models.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import { useServiceQuery } from './useServiceQuery.ts';

export const USER_SEARCH_DELAY_MS = 200;

export interface UserSearch {
  rows: User[];
  loading: boolean;
  /** The text these rows answer (trimmed, as sent), or null before the first answer. */
  answers: string | null;
}

export function useUserSearch(
  typed: string,
  options: { enabled?: boolean; limit: number; status?: MethodInput<'users.search'>['status'] },
): UserSearch {
  const query = useDebouncedValue(typed.trim().slice(0, 100), USER_SEARCH_DELAY_MS);
  const input: MethodInput<'users.search'> = { query, limit: options.limit, ...(options.status ? { status: options.status } : {}) };
  const found = useServiceQuery('users.search', input, { topics: ['users'], enabled: options.enabled ?? true });
  // the last answer stays on screen while the next search runs; `answers` tells pickers which text it is for
  const answered = useRef<string | null>(null);
  if (found.data && !found.loading) answered.current = query;
  return { rows: found.data?.rows ?? [], loading: found.loading, answers: found.data ? answered.current : null };
}
