// Providers of the main window: the query cache, antd (locale, light/dark), i18n language, the hash router.
import { useEffect, useRef } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { HashRouter } from 'react-router';
import { usePreferencesStore } from '../stores/preferences.ts';
import { setLanguage } from '../i18n/index.ts';
import { syncDayjsLocale } from '../format.ts';
import { themeConfig, useResolvedTheme } from '../theme/index.ts';
import { api } from '../api/client.ts';
import { ServiceQueryProvider } from '../hooks/ServiceQueryProvider.tsx';
import { AppLayout } from './AppLayout.tsx';
import { useAppFeeds } from './useAppFeeds.ts';
import { mark } from '../perf/timeline.ts';

/** Tells main the window has painted (once the settings decided language and theme). */
function useWindowReady(ready: boolean): void {
  const sent = useRef(false);
  useEffect(() => {
    if (!ready || sent.current) return;
    sent.current = true;
    // Two frames: the first paint has happened by the second callback.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        api.main('window.ready', {}).catch((e: unknown) => console.error('window.ready failed', e));
      }),
    );
  }, [ready]);
}

export function App() {
  useEffect(() => mark('wld:boot:first-commit'), []);
  useAppFeeds();
  const language = usePreferencesStore((s) => s.language);
  const themeSetting = usePreferencesStore((s) => s.theme);
  const loaded = usePreferencesStore((s) => s.loaded);
  const mode = useResolvedTheme(themeSetting);

  useEffect(() => {
    void setLanguage(language);
    syncDayjsLocale(language);
  }, [language]);
  useEffect(() => {
    document.documentElement.dataset.theme = mode;
    document.documentElement.style.colorScheme = mode;
  }, [mode]);
  useWindowReady(loaded);

  return (
    <ServiceQueryProvider>
      <ConfigProvider locale={language === 'en-US' ? enUS : zhCN} theme={themeConfig(mode)}>
        <AntApp>
          <HashRouter>
            <AppLayout />
          </HashRouter>
        </AntApp>
      </ConfigProvider>
    </ServiceQueryProvider>
  );
}

export default App;
