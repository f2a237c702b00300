// Messages: compose and send app messages, the sent history with recall and send statistics, and
// app group chats.
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useMessagesStore } from '../../stores/messages.ts';
import type { MessagesState } from '../../stores/messages.ts';
import { Composer } from './Composer.tsx';
import { HistoryTab } from './HistoryTab.tsx';
import { AppChatsTab } from './AppChatsTab.tsx';

export default function MessagesPage() {
  const { t } = useTranslation('messages');
  const tab = useMessagesStore((s) => s.tab);
  const setTab = useMessagesStore((s) => s.setTab);
  const departments = useServiceQuery('org.departments', {}, { topics: ['org'] });
  const tags = useServiceQuery('tags.list', {}, { topics: ['tags'] });

  return (
    <div data-testid="messages-page" aria-busy={departments.loading || tags.loading}>
      <PageHeader title={t('title')} subTitle={t('subtitle')} />
      {departments.error ? <ErrorAlert error={departments.error} onRetry={departments.refetch} /> : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as MessagesState['tab'])}
        items={[
          {
            key: 'compose',
            label: t('tabs.compose'),
            children: <Composer departments={departments.data?.departments ?? []} tags={tags.data?.tags ?? []} />,
          },
          { key: 'history', label: t('tabs.history'), children: <HistoryTab departments={departments.data?.departments ?? []} tags={tags.data?.tags ?? []} /> },
          { key: 'appchat', label: t('tabs.appchat'), children: <AppChatsTab /> },
        ]}
      />
    </div>
  );
}
