// A live's tabs (watch records, analytics, learners, reminders, sign-ups) under its info. They follow
// the info's first paint: the tab bar measures its tabs and the watch records start their own query,
// and neither is what the admin opened the live to read first.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import { useAfterFirstCommit } from '../../hooks/useAfterFirstCommit.ts';
import { AnalyticsTab } from './AnalyticsTab.tsx';
import { LearnersTab } from './LearnersTab.tsx';
import { RemindersTab } from './RemindersTab.tsx';
import { SignupsTab, SignupsTabLabel } from './SignupsTab.tsx';
import { WatchStatsTab } from './WatchStatsTab.tsx';

export function LiveDetailTabs({ live }: { live: Live }) {
  const { t } = useTranslation('lives');
  const { t: tt } = useTranslation('training');
  const ready = useAfterFirstCommit();
  if (!ready) return null;
  return (
    <Tabs
      style={{ marginTop: 16 }}
      destroyOnHidden
      items={[
        { key: 'watch', label: t('detail.tabs.watch'), children: <WatchStatsTab live={live} /> },
        { key: 'analytics', label: t('detail.tabs.analytics'), children: <AnalyticsTab live={live} /> },
        { key: 'learners', label: tt('tab'), children: <LearnersTab live={live} /> },
        {
          key: 'reminders',
          label: <span data-testid="tab-reminders">{t('detail.tabs.reminders')}</span>,
          children: <RemindersTab live={live} />,
        },
        { key: 'signups', label: <SignupsTabLabel />, children: <SignupsTab live={live} /> },
      ]}
    />
  );
}
