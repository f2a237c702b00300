// Home: what is live now and next, the last 30 days at a glance, and how fresh the data is.
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OnlineButton } from '../../components/OnlineButton.tsx';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { LiveNowCard } from './LiveNowCard.tsx';
import { NextLivesCard } from './NextLivesCard.tsx';
import { Last30DaysCard } from './Last30DaysCard.tsx';
import { SyncCard } from './SyncCard.tsx';
import './home-grid.css';

export default function HomePage() {
  const { t } = useTranslation('home');
  const navigate = useNavigate();
  const home = useServiceQuery('stats.home', {}, { topics: ['lives', 'watch', 'stats'] });
  const data = home.data;

  return (
    <div data-testid="page-home">
      <PageHeader
        title={t('title')}
        asOf={data ? data.asOf : undefined}
        stale={data?.stale ?? false}
        extra={
          <OnlineButton type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/lives?new=1')} data-testid="home-new-live">
            {t('newLive')}
          </OnlineButton>
        }
      />
      {home.error ? <ErrorAlert error={home.error} onRetry={home.refetch} /> : null}
      <div className="wld-home-grid" style={{ marginTop: home.error ? 16 : 0 }}>
        <div data-span="14">
          <LiveNowCard lives={data?.liveNow ?? []} loading={home.loading} />
        </div>
        <div data-span="10">
          <NextLivesCard lives={data?.next ?? []} loading={home.loading} />
        </div>
        <div data-span="16">
          <Last30DaysCard data={data?.last30Days} loading={home.loading} />
        </div>
        <div data-span="8">
          <SyncCard lastSync={data?.lastSync} />
        </div>
      </div>
    </div>
  );
}
