// The pages' lazy chunks, shared by the router and the app's mount (which asks for the current
// route's page before the first render). Each chunk is asked for once; both get its promise. (In the
// production build home is in the app script and the other pages in the pages script: page-modules.ts.)
// A page whose chunk has arrived is rendered directly (loadedPage): React only suspends on a chunk
// still loading, and a Suspense boundary that shows its fallback holds the page back for React's
// fallback throttle (300 ms) even when the chunk arrives a moment later.
import type { ComponentType } from 'react';
import { timedImport } from '../perf/timeline.ts';
import type { PageName } from './page-paths.ts';
import { loadPageModule, type PageModule } from './page-modules.ts';

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
  lives: once('lives', () => loadPageModule('lives')),
  'live-detail': once('live-detail', () => loadPageModule('live-detail')),
  statistics: once('statistics', () => loadPageModule('statistics')),
  org: once('org', () => loadPageModule('org')),
  training: once('training', () => loadPageModule('training')),
  series: once('series', () => loadPageModule('series')),
  messages: once('messages', () => loadPageModule('messages')),
  'api-usage': once('api-usage', () => loadPageModule('api-usage')),
  settings: once('settings', () => loadPageModule('settings')),
  bot: once('bot', () => loadPageModule('bot')),
};

/** The page's component if its chunk has arrived (render it without suspending). */
export function loadedPage(page: PageName): ComponentType | undefined {
  return loaded.get(page);
}
