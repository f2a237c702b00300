// Lives: list, month and week views over `lives.list` with filters; the live-now panel; create/modify.
import { useEffect } from 'react';
import { Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OnlineButton } from '../../components/OnlineButton.tsx';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { livesListInput, useLivesStore } from '../../stores/lives.ts';
import type { LivesView } from '../../stores/lives.ts';
import { LivesFilters } from './LivesFilters.tsx';
import { LivesTable } from './LivesTable.tsx';
import { LivesMonth } from './LivesMonth.tsx';
import { LivesWeek } from './LivesWeek.tsx';
import { LiveNowPanel } from './LiveNowPanel.tsx';
import { LivesDiscoveryNote } from './LivesDiscoveryNote.tsx';
import { LiveEditorDrawer } from './LiveEditorDrawer.tsx';

export default function LivesPage() {
  const { t } = useTranslation('lives');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = useLivesStore((s) => s.filters);
  const view = useLivesStore((s) => s.view);
  const cursor = useLivesStore((s) => s.cursor);
  const page = useLivesStore((s) => s.page);
  const setView = useLivesStore((s) => s.setView);
  const openCreate = useLivesStore((s) => s.openCreate);
  const setCursor = useLivesStore((s) => s.setCursor);
  const list = useServiceQuery('lives.list', livesListInput(filters, view, cursor, page), { topics: ['lives'] });
  const lives = list.data?.lives ?? [];

  // /lives?new=1 (from Home) opens the create form once.
  useEffect(() => {
    if (params.get('new') !== '1') return;
    openCreate();
    setParams({}, { replace: true });
  }, [params, setParams, openCreate]);

  return (
    <div data-testid="page-lives">
      <PageHeader
        title={t('title')}
        asOf={list.data ? list.data.asOf : undefined}
        stale={list.data?.stale ?? false}
        extra={
          <>
            <Segmented<LivesView>
              value={view}
              onChange={setView}
              options={[
                { value: 'list', label: t('view.list') },
                { value: 'month', label: t('view.month') },
                { value: 'week', label: t('view.week') },
              ]}
              data-testid="lives-view"
            />
            <OnlineButton type="primary" icon={<PlusOutlined />} onClick={() => openCreate()} data-testid="create-live">
              {t('new')}
            </OnlineButton>
          </>
        }
      />
      <LiveNowPanel />
      <LivesDiscoveryNote />
      <LivesFilters />
      {list.error ? <ErrorAlert error={list.error} onRetry={list.refetch} /> : null}
      {view === 'list' ? <LivesTable lives={lives} total={list.data?.total ?? 0} loading={list.loading} /> : null}
      {view === 'month' ? <LivesMonth lives={lives} /> : null}
      {view === 'week' ? <LivesWeek lives={lives} /> : null}
      <LiveEditorDrawer
        onSaved={(livingid, kind, startMs) => {
          // the calendars move to the saved live's day, so it is always reachable from them
          if (startMs !== null) setCursor(startMs);
          if (kind === 'created') void navigate(`/lives/${encodeURIComponent(livingid)}`);
        }}
      />
    </div>
  );
}
