import { describe, expect, it } from 'vitest';
import { navKeyForPath } from './nav.ts';

describe('navKeyForPath', () => {
  it('marks the item a page belongs to', () => {
    expect(navKeyForPath('/')).toBe('home');
    expect(navKeyForPath('/lives')).toBe('lives');
    expect(navKeyForPath('/lives/lv123')).toBe('lives');
    expect(navKeyForPath('/training/series/7')).toBe('training');
    expect(navKeyForPath('/api-usage')).toBe('apiUsage');
  });

  it('marks nothing for a page the menu has no item for (it marked Home)', () => {
    expect(navKeyForPath('/bot')).toBeNull();
    expect(navKeyForPath('/no-such-page')).toBeNull();
    expect(navKeyForPath('/livesx')).toBeNull();
  });
});
