// After "clear cache" the organisation is empty at once, counts included: the users screen must not
// say "600 users" over an empty list (offline, no sync comes to refill it).
import { afterAll, describe, expect, it } from 'vitest';
import { openWithOrg, tempDir } from './helpers.ts';

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('organisation counts around a clear', () => {
  it('counts nobody once the syncable data is cleared', () => {
    const cache = openWithOrg(tmp.file());
    try {
      const before = cache.searchUsers({ limit: 10 });
      expect(before.total).toBeGreaterThan(0);
      expect(cache.searchUsers({ status: 1, limit: 10 }).total).toBeGreaterThan(0);

      cache.clearSyncable();
      expect(cache.searchUsers({ limit: 10 })).toMatchObject({ total: 0, rows: [] });
      expect(cache.searchUsers({ status: 1, limit: 10 })).toMatchObject({ total: 0, rows: [] });
      expect(cache.departments().departments).toEqual([]);
    } finally {
      cache.close();
    }
  });
});
