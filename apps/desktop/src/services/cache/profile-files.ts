// One SQLite file per profile: <userData>/profiles/<profileId>/cache.db. A profile's data is then
// exported, deleted or inspected as one file, and no query can reach another corp's rows.
// The single cache.db of earlier versions is taken over by the first profile opened after the
// upgrade (its re-syncable rows are cleared there: they may be another corp's; local-only ones stay).
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PROFILE_ID = /^[a-z0-9-]{1,40}$/;
/** The folder for "no profile yet" (first run): never holds corp data. */
const NO_PROFILE = '_none';

export function profilesRoot(legacyCacheDb: string): string {
  return join(dirname(legacyCacheDb), 'profiles');
}

export function profileDir(legacyCacheDb: string, profileId: string | null): string {
  if (profileId !== null && !PROFILE_ID.test(profileId)) throw new Error(`not a profile id: ${profileId}`);
  return join(profilesRoot(legacyCacheDb), profileId ?? NO_PROFILE);
}

export function profileCacheFile(legacyCacheDb: string, profileId: string | null): string {
  return join(profileDir(legacyCacheDb, profileId), 'cache.db');
}

const SIDE_FILES = ['', '-wal', '-shm'] as const;

/**
 * Moves the pre-profile cache.db (with its WAL) to `target` when `target` does not exist yet.
 * Returns true when it did (the caller then clears the re-syncable rows).
 */
export function adoptLegacyCache(legacyCacheDb: string, target: string): boolean {
  if (!existsSync(legacyCacheDb) || existsSync(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  for (const suffix of SIDE_FILES) {
    if (existsSync(`${legacyCacheDb}${suffix}`)) renameSync(`${legacyCacheDb}${suffix}`, `${target}${suffix}`);
  }
  return true;
}

/** Bytes a profile's files take on disk (0 when it has none). */
export function profileBytes(legacyCacheDb: string, profileId: string): number {
  const file = profileCacheFile(legacyCacheDb, profileId);
  return SIDE_FILES.reduce((sum, suffix) => sum + (existsSync(`${file}${suffix}`) ? statSync(`${file}${suffix}`).size : 0), 0);
}

/** Deletes a (closed) profile's folder; returns the bytes it held. */
export function deleteProfileFiles(legacyCacheDb: string, profileId: string): number {
  const bytes = profileBytes(legacyCacheDb, profileId);
  rmSync(profileDir(legacyCacheDb, profileId), { recursive: true, force: true });
  return bytes;
}
