// The one staleness rule: cached data is stale when there is none, or when it is older than the
// cache TTL. With the cache switched off (settings → network → cacheEnabled) everything cached is
// stale at once, so every read also refreshes in the background.
import type { NetworkSettings } from '../shared/settings.ts';

export function isStale(asOf: number | null, now: number, network: NetworkSettings | undefined): boolean {
  if (asOf === null) return true;
  const ttlMs = network?.cacheEnabled ? network.cacheTtlSeconds * 1000 : 0;
  return now - asOf > ttlMs;
}
