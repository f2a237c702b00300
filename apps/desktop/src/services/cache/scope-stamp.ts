// Each profile's cache file says whose data it holds (meta `scope`). Opened for a different corp (the
// profile's corp id was edited, or an old shared cache was taken over) its re-syncable rows go first.
import type { ClearReport } from './data-classes.ts';

export interface CacheScope {
  profileId: string | null;
  corpId: string;
}

interface ScopedCache {
  getMeta<T>(key: string): T | null;
  setMeta(key: string, value: unknown): void;
  clearSyncable(): ClearReport;
}

const KEY = 'scope';

/** Stamps the cache with `scope`; clears re-syncable rows when it held another corp's (or unknown) data. */
export function claimScope(cache: ScopedCache, scope: CacheScope, options: { adopted: boolean }): { cleared: boolean } {
  const stamped = cache.getMeta<CacheScope>(KEY);
  const same = stamped !== null && stamped.corpId === scope.corpId && stamped.profileId === scope.profileId;
  const cleared = options.adopted || (stamped !== null && !same);
  if (cleared) cache.clearSyncable();
  if (!same) cache.setMeta(KEY, scope);
  return { cleared };
}

export function cacheScope(cache: Pick<ScopedCache, 'getMeta'>): CacheScope | null {
  return cache.getMeta<CacheScope>(KEY);
}
