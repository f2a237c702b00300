// The one staleness rule, honouring the cache setting.
import { describe, expect, it } from 'vitest';
import { networkSettingsSchema } from '../../src/shared/settings.ts';
import { isStale } from '../../src/services/staleness.ts';

const network = (cacheEnabled: boolean, cacheTtlSeconds = 60) => networkSettingsSchema.parse({ cacheEnabled, cacheTtlSeconds });
const NOW = 1_800_000_000_000;

describe('isStale', () => {
  it('nothing cached is stale', () => {
    expect(isStale(null, NOW, network(true))).toBe(true);
  });

  it('cached data is fresh within the TTL and stale after it', () => {
    expect(isStale(NOW - 60_000, NOW, network(true))).toBe(false);
    expect(isStale(NOW - 60_001, NOW, network(true))).toBe(true);
  });

  it('with the cache switched off, anything older than now is stale', () => {
    expect(isStale(NOW - 1, NOW, network(false, 3600))).toBe(true);
    expect(isStale(NOW, NOW, network(false, 3600))).toBe(false);
  });

  it('without settings the TTL is zero', () => {
    expect(isStale(NOW - 1, NOW, undefined)).toBe(true);
  });
});
