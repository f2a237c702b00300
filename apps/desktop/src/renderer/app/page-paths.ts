// The pages of the main window and the route paths that show them, apart from the pages' chunks
// (page-chunks.ts): the warm start reads the route from these alone, without the pages' imports.

export type PageName = 'home' | 'lives' | 'live-detail' | 'statistics' | 'org' | 'training' | 'series' | 'messages' | 'api-usage' | 'settings' | 'bot';

/** The page a route path shows ('/lives/abc' → live-detail); null for an unknown path. */
export function pageForPath(path: string): PageName | null {
  const [first, second, ...rest] = path.split('/').filter(Boolean);
  if (first === undefined) return 'home';
  if (first === 'lives') return second === undefined ? 'lives' : rest.length === 0 ? 'live-detail' : null;
  if (first === 'training' && second === 'series') return rest.length === 1 ? 'series' : null;
  if (second !== undefined) return null;
  return (TOP_LEVEL as readonly string[]).includes(first) ? (first as PageName) : null;
}

/** Pages with a route of their own name ('/org'). */
const TOP_LEVEL = ['statistics', 'org', 'training', 'messages', 'api-usage', 'settings', 'bot'] as const satisfies readonly PageName[];

/** The route path of a hash-router URL's hash ('#/lives?new=1' → '/lives'). */
export function pathOfHash(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : '/';
}
