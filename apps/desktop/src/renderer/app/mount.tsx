// Renders the main window's app into #root, replacing the static shell index.html painted.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setLanguage } from '../i18n/index.ts';
import { syncDayjsLocale } from '../format.ts';
import { App } from './App.tsx';
import { mark } from '../perf/timeline.ts';
import 'virtual:antd-static.css';
import { peekEarly } from '../api/client.ts';
import { usePreferencesStore } from '../stores/preferences.ts';
import { pageChunks, pageForPath, pathOfHash } from './page-chunks.ts';

mark('wld:boot:app-module'); // React, antd, i18n and the shell have loaded and run

// The warm start's settings have usually arrived while this code loaded: render in the right
// language and theme, over the active profile, from the first frame.
const settings = peekEarly('main', 'settings.get', {});
if (settings) {
  usePreferencesStore.getState().applySettings(settings);
  void setLanguage(settings.language);
  syncDayjsLocale(settings.language);
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

// The route's page chunk has been on its way since the warm start; rendering once it is here shows
// the page in the first commit instead of a skeleton that React would hold for its fallback throttle.
const page = pageForPath(pathOfHash(location.hash));
const pageLoaded = page ? pageChunks[page]().then(() => undefined, () => undefined) : Promise.resolve();
void pageLoaded.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
