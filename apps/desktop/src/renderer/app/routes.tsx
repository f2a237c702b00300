// One lazy chunk per page, so the first chunk holds only the shell.
import { lazy, Suspense, useState } from 'react';
import type { ComponentType, ReactNode } from 'react';
import { Route, Routes, useNavigate } from 'react-router';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { loadedPage, pageChunks } from './page-chunks.ts';
import type { PageName } from './page-paths.ts';

const HomePage = routePage('home');
const LivesPage = routePage('lives');
const LiveDetailPage = routePage('live-detail');
const StatisticsPage = routePage('statistics');
const OrgPage = routePage('org');
const TrainingPage = routePage('training');
const SeriesPage = routePage('series');
const MessagesPage = routePage('messages');
const ApiUsagePage = routePage('api-usage');
const SettingsPage = routePage('settings');
const BotLogPage = routePage('bot');

/**
 * The page of a route: rendered at once when its chunk is already here (the warm start asked for
 * it), else lazily. Decided once per mount, so a page is never swapped for itself and remounted.
 */
function routePage(page: PageName): ComponentType {
  const Lazy = lazy(pageChunks[page]);
  return function RoutePage() {
    const [Loaded] = useState(() => loadedPage(page));
    return Loaded ? <Loaded /> : <Lazy />;
  };
}

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{children}</Suspense>;
}

/** An address that leads to no page (typed, or kept from an older version): say so and lead home. */
function NotFound() {
  const { t } = useTranslation('common');
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.text')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('notFound.home')}
        </Button>
      }
      data-testid="page-not-found"
    />
  );
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
