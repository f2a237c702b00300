// Opens the active profile's own cache file (taking over a pre-profile cache.db once) and stamps it
// with the profile and corp it holds.
import type { Profile } from '../../shared/settings.ts';
import { openCache } from './open.ts';
import { adoptLegacyCache, profileCacheFile } from './profile-files.ts';
import { claimScope } from './scope-stamp.ts';
import type { Cache, CacheOptions } from './types.ts';

export function openProfileCache(
  legacyCacheDb: string,
  profile: Profile | null,
  options: CacheOptions = {},
): Cache {
  const { log } = options;
  const file = profileCacheFile(legacyCacheDb, profile?.id ?? null);
  const adopted = profile !== null && adoptLegacyCache(legacyCacheDb, file);
  const cache = openCache(file, options);
  try {
    const { cleared } = claimScope(cache, { profileId: profile?.id ?? null, corpId: profile?.corpId ?? '' }, { adopted });
    if (adopted) log?.('info', `took over the shared cache for profile ${profile.id}; re-syncable rows cleared, local-only records kept`);
    else if (cleared) log?.('warn', `the cache of profile ${profile?.id ?? '-'} held another corp's data: re-syncable rows cleared`);
  } catch (error) {
    cache.close();
    throw error;
  }
  return cache;
}
