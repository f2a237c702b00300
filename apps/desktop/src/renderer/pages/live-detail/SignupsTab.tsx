// A live's sign-ups and sign-ins made through the bot's template card, beside its watch data; and
// pushing the card (or an absentee reminder) into a group chat where the bot is present.
import { useState } from 'react';
import { App, Button, Empty, Flex, Input, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Live } from '../../../shared/models.ts';
import type { BotSignup } from '../../../shared/bot-contract.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorText } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useBotStatus } from '../../hooks/useBotStatus.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';

export function SignupsTab({ live }: { live: Live }) {
  const { t } = useTranslation('bot');
  const { message } = App.useApp();
  const [chatid, setChatid] = useState('');
  const signups = useServiceQuery('bot.signups', { livingid: live.livingid }, { topics: ['watch'] });
  const bot = useBotStatus();
  // the card and the reminder go out through the bot's connection: only while it is online here
  const botOnline = bot?.state === 'online';
  const botOffline = bot !== null && !botOnline ? t(`state.${bot.state}`) : null;
  // one push at a time: a second click while the first is on its way would post the card twice
  const pushing = useSingleFlight();
  const [pushed, setPushed] = useState<'card' | 'remind' | null>(null);
  const canPush = chatid.trim() !== '' && botOnline;

  const push = (what: 'card' | 'remind') =>
    pushing.run(async () => {
      setPushed(what);
      try {
        if (what === 'card') {
          await api.call('bot.sendLiveCard', { livingid: live.livingid, chatid: chatid.trim() });
          void message.success(t('signups.sent'));
        } else {
          const r = await api.call('bot.remindAbsentees', { livingid: live.livingid, chatid: chatid.trim() });
          void message.success(t('signups.reminded', { count: r.absentees }));
        }
      } catch (e) {
        void message.error(errorText(e));
      }
    });

  return (
    <Flex vertical gap={16} data-testid="signups-tab">
      <Flex gap={8} wrap>
        <Input
          value={chatid}
          onChange={(e) => setChatid(e.target.value)}
          placeholder={t('signups.chatid')}
          style={{ maxWidth: 280 }}
          data-testid="signups-chatid"
        />
        <Button
          disabled={!canPush || (pushing.pending && pushed !== 'card')}
          loading={pushing.pending && pushed === 'card'}
          onClick={() => void push('card')}
          data-testid="signups-send-card"
        >
          {t('signups.sendCard')}
        </Button>
        {live.status === 2 ? (
          <Button
            disabled={!canPush || (pushing.pending && pushed !== 'remind')}
            loading={pushing.pending && pushed === 'remind'}
            onClick={() => void push('remind')}
            data-testid="signups-remind"
          >
            {t('signups.remind')}
          </Button>
        ) : null}
        {botOffline ? (
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="signups-bot-offline">
            {t('signups.botOffline', { state: botOffline })}
          </Typography.Text>
        ) : null}
      </Flex>
      {signups.error ? <ErrorAlert error={signups.error} onRetry={signups.refetch} /> : null}
      <Flex gap={32}>
        <Statistic title={t('signups.signedUp')} value={signups.data?.signedUp ?? 0} />
        <Statistic title={t('signups.signedIn')} value={signups.data?.signedIn ?? 0} />
      </Flex>
      {signups.data && signups.data.rows.length === 0 ? (
        <Empty description={t('signups.empty')} />
      ) : (
        <Table<BotSignup>
          rowKey="userid"
          size="small"
          loading={signups.loading && !signups.data}
          dataSource={signups.data?.rows ?? []}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          columns={[
            { key: 'name', title: t('signups.name'), render: (_, r) => r.name ?? r.userid },
            {
              key: 'up',
              title: t('signups.signedUp'),
              render: (_, r) => (r.signedUpAt ? formatDateTime(r.signedUpAt) : '—'),
            },
            {
              key: 'in',
              title: t('signups.signedIn'),
              render: (_, r) => (r.signedInAt ? formatDateTime(r.signedInAt) : '—'),
            },
          ]}
        />
      )}
    </Flex>
  );
}

export function SignupsTabLabel() {
  const { t } = useTranslation('bot');
  return <span data-testid="tab-signups">{t('signups.tab')}</span>;
}
