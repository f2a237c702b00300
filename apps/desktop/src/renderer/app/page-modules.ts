// The pages other than home, each behind its own dynamic import. In development and in the tests
// they load as modules. In the production build they are the pages script, a classic script of
// their own that the window loads when it needs it (pages-script-loader.ts).
import type { ComponentType } from 'react';
import type { PageName } from './page-paths.ts';

export type PageModule = { default: ComponentType };

/** Every page but home, which is in the app script itself: the window starts on it. */
export type ScriptPageName = Exclude<PageName, 'home'>;

const modules: Record<ScriptPageName, () => Promise<PageModule>> = {
  lives: () => import('../pages/lives/LivesPage.tsx'),
  'live-detail': () => import('../pages/live-detail/LiveDetailPage.tsx'),
  statistics: () => import('../pages/statistics/StatisticsPage.tsx'),
  org: () => import('../pages/org/OrgPage.tsx'),
  training: () => import('../pages/training/TrainingPage.tsx'),
  series: () => import('../pages/training/SeriesPage.tsx'),
  messages: () => import('../pages/messages/MessagesPage.tsx'),
  'api-usage': () => import('../pages/api-usage/ApiUsagePage.tsx'),
  settings: () => import('../pages/settings/SettingsPage.tsx'),
  bot: () => import('../pages/bot/BotLogPage.tsx'),
};

export function loadPageModule(page: ScriptPageName): Promise<PageModule> {
  return modules[page]();
}
