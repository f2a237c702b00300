// The bot's log: trainees' messages, the bot's replies, card clicks, events and pushes, newest first,
// read from the local bot store (works offline); reloads when the bot writes.
import { useEffect, useState } from 'react';
import { Flex, Input, Select, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { BotLogRow, BotState } from '../../../shared/bot-contract.ts';
import { api } from '../../api/client.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { useBotStatus } from '../../hooks/useBotStatus.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';

const KINDS = ['message', 'reply', 'event', 'card', 'push', 'state'] as const;
const PAGE = 50;

export default function BotLogPage() {
  const { t } = useTranslation('bot');
  const [kind, setKind] = useState<(typeof KINDS)[number] | null>(null);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const log = useServiceQuery('bot.log', { kind, query, offset: (page - 1) * PAGE, limit: PAGE });
  const { refetch } = log;
  const botState = useBotStatus()?.state ?? null;
  useEffect(() => api.on('bot.log', () => refetch()), [refetch]);

  return (
    <div data-testid="bot-log-page">
      <PageHeader title={t('log.title')} subTitle={t('log.subtitle')} />
      {log.error ? <ErrorAlert error={log.error} onRetry={refetch} /> : null}
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('log.search')}
          aria-label={t('log.search')}
          onSearch={(v) => {
            setQuery(v.trim());
            setPage(1);
          }}
          style={{ maxWidth: 320 }}
          data-testid="bot-log-search"
        />
        <Select
          allowClear
          placeholder={t('log.allKinds')}
          aria-label={t('log.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v ?? null);
            setPage(1);
          }}
          options={KINDS.map((k) => ({ value: k, label: t(`log.kinds.${k}`) }))}
          style={{ width: 160 }}
          data-testid="bot-log-kind"
        />
      </Flex>
      <Table<BotLogRow>
        rowKey="id"
        size="small"
        loading={log.loading && !log.data}
        dataSource={log.data?.rows ?? []}
        locale={{ emptyText: kind || query.trim() ? t('log.emptyFiltered') : <NothingLogged state={botState} /> }}
        data-testid="bot-log-table"
        pagination={{
          current: page,
          pageSize: PAGE,
          total: log.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { key: 'at', title: t('log.time'), width: 170, render: (_, r) => formatDateTime(r.at) },
          {
            key: 'kind',
            title: t('log.kind'),
            width: 130,
            render: (_, r) => (
              <Tag color={r.direction === 'in' ? 'blue' : r.direction === 'out' ? 'green' : 'default'}>
                {t(`log.kinds.${r.kind}`)}
              </Tag>
            ),
          },
          {
            key: 'who',
            title: t('log.who'),
            width: 180,
            render: (_, r) => [r.userid, r.chatid].filter(Boolean).join(' @ '),
          },
          {
            key: 'text',
            title: t('log.text'),
            render: (_, r) => (
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="bot-log-text">
                {r.kind === 'state' ? t(`state.${r.text}`, { defaultValue: r.text }) : r.text}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}

/** An empty log says why: the bot is not connected on this PC (and where to set it up), or nobody wrote yet. */
function NothingLogged({ state }: { state: BotState | null }) {
  const { t } = useTranslation('bot');
  if (state === null || state === 'online') return <>{t('log.empty')}</>;
  return (
    <Flex vertical align="center" gap={4} data-testid="bot-log-not-connected">
      <span>{t('log.emptyNotConnected', { state: t(`state.${state}`) })}</span>
      <Link to="/settings?section=bot" data-testid="bot-log-set-up">
        {t('log.setUp')}
      </Link>
    </Flex>
  );
}
