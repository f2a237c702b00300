// Renders the main window's app into #root, replacing the static shell index.html painted.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setLanguage } from '../i18n/index.ts';
import { syncDayjsLocale } from '../format.ts';
import { App } from './App.tsx';
import { mark } from '../perf/timeline.ts';
import 'virtual:antd-static.css';
import { earlyAnswered, peekEarly } from '../api/client.ts';
import { firstQueriesOf } from './warm-start.ts';
import { usePreferencesStore } from '../stores/preferences.ts';
import { pageChunks } from './page-chunks.ts';
import { pageForPath, pathOfHash } from './page-paths.ts';

/** How long the first render waits for the start-up answers once its code is in (ms). */
const START_ANSWERS_WAIT_MS = 60;

mark('wld:boot:app-module'); // React, antd, i18n and the shell have loaded and run

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

/** Language, theme and the active profile from main's settings, when they have arrived. */
function applyEarlySettings(): void {
  const settings = peekEarly('main', 'settings.get', {});
  if (!settings) return;
  usePreferencesStore.getState().applySettings(settings);
  void setLanguage(settings.language);
  syncDayjsLocale(settings.language);
}

// The route's page chunk has been on its way since the warm start; rendering once it is here shows
// the page in the first commit instead of a skeleton that React would hold for its fallback throttle.
// The start-up answers (settings, whose data, the page's first queries) have usually arrived too and
// wait in the message queue while this code ran: a short wait lets them in, so the first commit is in
// the right language and theme and shows the page's data (the query cache starts from them). When
// main or the services are slower the window renders without them and they follow.
const path = pathOfHash(location.hash);
const page = pageForPath(path);
const pageLoaded = page ? pageChunks[page]().then(() => undefined, () => undefined) : Promise.resolve();
const startAnswers = Promise.all([
  earlyAnswered('main', 'settings.get', {}),
  earlyAnswered('services', 'cache.scope', {}),
  ...(page ? firstQueriesOf(page, path) : []).map(({ method, input }) => earlyAnswered('services', method, input)),
]);
const answersOrGiveUp = Promise.race([startAnswers, new Promise((done) => setTimeout(done, START_ANSWERS_WAIT_MS))]);
void Promise.all([pageLoaded, answersOrGiveUp]).then(() => {
  applyEarlySettings();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
