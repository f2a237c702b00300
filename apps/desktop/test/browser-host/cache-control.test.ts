// The browser host lets the browser keep only the build's content-hashed assets; pages never.
import { describe, expect, it } from 'vitest';
import { cacheControlFor } from '../../browser-host/host.ts';

describe('browser host cache-control', () => {
  it('keeps hashed scripts and styles, never pages or unhashed files', () => {
    expect(cacheControlFor('assets/vendor-react-C1iE8mnY.js')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('assets/index-BEzG2F5f.css')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html')).toBe('no-store');
    expect(cacheControlFor('launcher.html')).toBe('no-store');
    expect(cacheControlFor('assets/icon.png')).toBe('no-store');
    expect(cacheControlFor('assets/nested/evil-C1iE8mnY.js')).toBe('no-store');
  });
});
