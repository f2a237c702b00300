// The per-profile cache file on disk: the pre-profile cache.db is taken over once (re-syncable rows
// cleared, local-only records kept), and a file opened for another corp id drops its re-syncable rows.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCache } from '../../src/services/cache/index.ts';
import { openProfileCache } from '../../src/services/cache/open-profile.ts';
import { profileCacheFile } from '../../src/services/cache/profile-files.ts';
import type { Profile } from '../../src/shared/settings.ts';
import { tempDir } from '../services/helpers.ts';

const profile = (id: string, corpId: string): Profile => ({
  id,
  name: id,
  kind: 'corp',
  corpId,
  apps: [{ name: 'app', agentId: 1000002 }],
  hasContactsSecret: false,
});

function seed(file: string): void {
  const cache = openCache(file);
  cache.upsertDepartments([{ id: 1, name: 'HQ', parentid: 0, order: 1 }], 1_000);
  cache.setLiveAudience('live-1', { userids: ['u1'], departmentIds: [], tagIds: [] });
  cache.close();
}

describe('profile cache files', () => {
  const dirs: Array<{ remove(): void }> = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) dir.remove();
  });

  it('takes over the shared cache.db once, keeping only local-only records', () => {
    const dir = tempDir('wld-cache-');
    dirs.push(dir);
    const legacy = join(dir.path, 'cache.db');
    seed(legacy);
    const cache = openProfileCache(legacy, profile('acme', 'ww1'));
    try {
      expect(existsSync(legacy)).toBe(false);
      expect(cache.path).toBe(profileCacheFile(legacy, 'acme'));
      expect(cache.info().rows).toMatchObject({ departments: 0, live_audience: 1 });
      expect(cache.getLiveAudience('live-1')).toEqual({ userids: ['u1'], departmentIds: [], tagIds: [] });
    } finally {
      cache.close();
    }
    // a second profile starts empty: the old file went to one profile only
    const other = openProfileCache(legacy, profile('other', 'ww2'));
    try {
      expect(other.info().rows).toMatchObject({ departments: 0, live_audience: 0 });
    } finally {
      other.close();
    }
  });

  it("drops the re-syncable rows when the profile's corp id changed", () => {
    const dir = tempDir('wld-cache-');
    dirs.push(dir);
    const legacy = join(dir.path, 'cache.db');
    const first = openProfileCache(legacy, profile('acme', 'ww1'));
    first.upsertDepartments([{ id: 1, name: 'HQ', parentid: 0, order: 1 }], 1_000);
    first.setLiveAudience('live-1', { userids: ['u1'], departmentIds: [], tagIds: [] });
    first.close();

    const same = openProfileCache(legacy, profile('acme', 'ww1'));
    expect(same.info().rows.departments).toBe(1);
    same.close();

    const edited = openProfileCache(legacy, profile('acme', 'ww9'));
    try {
      expect(edited.info().rows).toMatchObject({ departments: 0, live_audience: 1 });
    } finally {
      edited.close();
    }
  });
});
