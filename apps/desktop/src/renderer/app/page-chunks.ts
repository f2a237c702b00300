// The pages' lazy chunks, shared by the router and the warm start (which asks for the current
// route's chunk while React and antd still load). Each chunk is asked for once; both get its promise.
// A page whose chunk has arrived is rendered directly (loadedPage): React only suspends on a chunk
// still loading, and a Suspense boundary that shows its fallback holds the page back for React's
// fallback throttle (300 ms) even when the chunk arrives a moment later.
import type { ComponentType } from 'react';
import { timedImport } from '../perf/timeline.ts';

type PageModule = { default: ComponentType };

const loaded = new Map<string, ComponentType>();

function once(name: string, load: () => Promise<PageModule>): () => Promise<PageModule> {
  let loading: Promise<PageModule> | null = null;
  const timed = timedImport(name, load);
  return () => {
    if (!loading) {
      loading = timed();
      loading.then(
        (module) => loaded.set(name, module.default),
        () => (loading = null), // a failed load (network, new build) may be asked for again
      );
    }
    return loading;
  };
}

export const pageChunks = {
  home: once('home', () => import('../pages/home/HomePage.tsx')),
  lives: once('lives', () => import('../pages/lives/LivesPage.tsx')),
  'live-detail': once('live-detail', () => import('../pages/live-detail/LiveDetailPage.tsx')),
  statistics: once('statistics', () => import('../pages/statistics/StatisticsPage.tsx')),
  org: once('org', () => import('../pages/org/OrgPage.tsx')),
  training: once('training', () => import('../pages/training/TrainingPage.tsx')),
  series: once('series', () => import('../pages/training/SeriesPage.tsx')),
  messages: once('messages', () => import('../pages/messages/MessagesPage.tsx')),
  'api-usage': once('api-usage', () => import('../pages/api-usage/ApiUsagePage.tsx')),
  settings: once('settings', () => import('../pages/settings/SettingsPage.tsx')),
  bot: once('bot', () => import('../pages/bot/BotLogPage.tsx')),
};

export type PageName = keyof typeof pageChunks;

/** The page's component if its chunk has arrived (render it without suspending). */
export function loadedPage(page: PageName): ComponentType | undefined {
  return loaded.get(page);
}

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
