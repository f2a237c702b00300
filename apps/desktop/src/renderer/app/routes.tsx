// One lazy chunk per page, so the first chunk holds only the shell.
import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';

const HomePage = lazy(() => import('../pages/home/HomePage.tsx'));
const LivesPage = lazy(() => import('../pages/lives/LivesPage.tsx'));
const LiveDetailPage = lazy(() => import('../pages/live-detail/LiveDetailPage.tsx'));
const StatisticsPage = lazy(() => import('../pages/statistics/StatisticsPage.tsx'));
const OrgPage = lazy(() => import('../pages/org/OrgPage.tsx'));
const TrainingPage = lazy(() => import('../pages/training/TrainingPage.tsx'));
const SeriesPage = lazy(() => import('../pages/training/SeriesPage.tsx'));
const MessagesPage = lazy(() => import('../pages/messages/MessagesPage.tsx'));
const ApiUsagePage = lazy(() => import('../pages/api-usage/ApiUsagePage.tsx'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage.tsx'));
const BotLogPage = lazy(() => import('../pages/bot/BotLogPage.tsx'));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{children}</Suspense>;
}

function NotFound() {
  const { t } = useTranslation('common');
  return <Result status="404" title="404" subTitle={t('table.empty')} />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Page><HomePage /></Page>} />
      <Route path="/lives" element={<Page><LivesPage /></Page>} />
      <Route path="/lives/:livingid" element={<Page><LiveDetailPage /></Page>} />
      <Route path="/statistics" element={<Page><StatisticsPage /></Page>} />
      <Route path="/training" element={<Page><TrainingPage /></Page>} />
      <Route path="/training/series/:id" element={<Page><SeriesPage /></Page>} />
      <Route path="/org" element={<Page><OrgPage /></Page>} />
      <Route path="/messages" element={<Page><MessagesPage /></Page>} />
      <Route path="/api-usage" element={<Page><ApiUsagePage /></Page>} />
      <Route path="/settings" element={<Page><SettingsPage /></Page>} />
      <Route path="/bot" element={<Page><BotLogPage /></Page>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export default AppRoutes;
