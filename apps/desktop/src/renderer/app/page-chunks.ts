// The pages' lazy chunks, shared by the router and the app's mount (which asks for the current
// route's page before the first render). Each chunk is asked for once; both get its promise. (The
// production build puts the pages in the app script itself: see build/main-window-scripts.ts.)
// A page whose chunk has arrived is rendered directly (loadedPage): React only suspends on a chunk
// still loading, and a Suspense boundary that shows its fallback holds the page back for React's
// fallback throttle (300 ms) even when the chunk arrives a moment later.
import type { ComponentType } from 'react';
import { timedImport } from '../perf/timeline.ts';
import type { PageName } from './page-paths.ts';

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

export const pageChunks: Record<PageName, () => Promise<PageModule>> = {
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

/** The page's component if its chunk has arrived (render it without suspending). */
export function loadedPage(page: PageName): ComponentType | undefined {
  return loaded.get(page);
}
