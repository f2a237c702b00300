// A live's notices and reminders: schedule a reminder (before the start, or to absentees after the
// end), see what is scheduled and what was sent to how many people, retry or cancel, and the live's
// WeCom calendar schedule.
import { useState } from 'react';
import { App, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { now } from '@wld/clock';
import { noticeProblem, problemText } from '../notices/noticeProblem.ts';
import type { Live } from '../../../shared/models.ts';
import { reminderDueAt, type NoticeRecord, type NoticeStatus, type ReminderKind } from '../../../shared/notice-models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OnlineButton } from '../../components/OnlineButton.tsx';
import { errorText } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useRerenderAt } from '../../hooks/useRerenderAt.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';
import { useNoticeStore } from '../../stores/notices.ts';
import { MessagePreview } from '../notices/MessagePreview.tsx';

const STATUS_COLORS: Record<NoticeStatus, string> = {
  scheduled: 'blue',
  sending: 'processing',
  sent: 'green',
  failed: 'red',
  unknown: 'orange',
  missed: 'orange',
  cancelled: 'default',
};
const UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof UNITS;

export function RemindersTab({ live }: { live: Live }) {
  const { t } = useTranslation('lives');
  const { message } = App.useApp();
  const ask = useNoticeStore((s) => s.ask);
  const list = useServiceQuery('notices.list', { livingid: live.livingid }, { topics: ['notices', 'lives'] });
  const [picked, setKind] = useState<ReminderKind>('before-start');
  // once the live has begun (or its start has passed), a reminder before the start can no longer go
  // out: after the end is what is left to schedule
  const started = live.status !== 0 || live.livingStart * 1000 <= now();
  const kind: ReminderKind = started ? 'after-end' : picked;
  const [amount, setAmount] = useState<number | null>(30);
  const [unit, setUnit] = useState<Unit>('minutes');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const cancelled = live.status === 4;
  // a time after the end that has already passed (the live ended earlier): the services remind the
  // absentees at once rather than keep a reminder that could never go out, and the button says so
  const endedAt = (live.livingStart + live.livingDuration) * 1000;
  const dueAt = reminderDueAt({ kind, offsetSeconds: (amount ?? 0) * UNITS[unit] * 60 }, live);
  const late = kind === 'after-end' && dueAt <= now();
  // a tab left open: the choice of kind changes when the live begins, the button when that time passes
  useRerenderAt(live.status === 0 ? live.livingStart * 1000 : null, kind === 'after-end' ? dueAt : null);

  /** Runs one row's action (its button spins meanwhile); `run` says how it went, a throw is worded as an error. */
  const act = async (key: string, run: () => Promise<void>) => {
    setBusy(key);
    try {
      await run();
      list.refetch();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  /** What became of a notice just sent, from the answer: sent, or why not (a retry can be refused again). */
  const tell = (notice: NoticeRecord, sent: string) => {
    if (notice.status === 'sent') void message.success(sent);
    else void message.error(noticeProblem(t, notice, notice.status === 'unknown') || t(`notices.status.${notice.status}`));
  };
  const retry = (n: NoticeRecord) =>
    void act(`retry-${n.id}`, async () => tell((await api.call('notices.retry', { id: n.id })).notice, t('notices.retried')));
  const cancel = (n: NoticeRecord) =>
    void act(`cancel-${n.id}`, async () => {
      await api.call('reminders.cancel', { id: n.id });
      void message.success(t('notices.cancelledOne'));
    });

  /** Schedules, or (a time already passed) sends now, once per click: the toast says which, from the answer. */
  const scheduling = useSingleFlight();
  const schedule = () =>
    scheduling.run(async () => {
      try {
        const { notice } = await api.call('reminders.schedule', { livingid: live.livingid, kind, offsetMinutes: (amount ?? 0) * UNITS[unit], note: note.trim() });
        if (notice.status === 'scheduled') void message.success(t('notices.scheduled'));
        else tell(notice, t('notices.sentNow', { count: notice.recipientCount }));
        list.refetch();
      } catch (e) {
        void message.error(errorText(e));
      }
    });

  const when = (n: NoticeRecord) => formatDateTime(n.sentAt ?? n.dueAt ?? n.createdAt);
  const columns: TableColumnsType<NoticeRecord> = [
    {
      key: 'kind',
      title: t('notices.columns.kind'),
      render: (_: unknown, n) => (
        <Space direction="vertical" size={0}>
          <span>{t(`notices.kind.${n.kind}`)}</span>
          {n.kind === 'before-start' || n.kind === 'after-end' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`notices.offset.${n.kind}`, { amount: t(...offsetKey(n.offsetSeconds)) })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    { key: 'when', title: t('notices.columns.when'), width: 150, render: (_: unknown, n) => when(n) },
    {
      key: 'recipients',
      title: t('notices.columns.recipients'),
      width: 90,
      align: 'right',
      render: (_: unknown, n) => (n.status === 'scheduled' || n.status === 'missed' ? '—' : n.recipientCount),
    },
    {
      key: 'status',
      title: t('notices.columns.status'),
      width: 180,
      render: (_: unknown, n) => {
        const detail = noticeProblem(t, n, n.status === 'unknown');
        const tag = (
          <Tag color={STATUS_COLORS[n.status]} data-testid={`notice-status-${n.id}`}>
            {t(`notices.status.${n.status}`)}
          </Tag>
        );
        return detail ? (
          <Tooltip title={detail}>
            <span>
              {tag}
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 90, fontSize: 12, verticalAlign: 'middle' }}>
                {detail}
              </Typography.Text>
            </span>
          </Tooltip>
        ) : (
          tag
        );
      },
    },
    {
      key: 'actions',
      title: '',
      width: 90,
      align: 'right',
      render: (_: unknown, n) =>
        n.status === 'scheduled' || n.status === 'missed' ? (
          <Space size={4}>
            {n.status === 'missed' ? (
              <OnlineButton size="small" loading={busy === `retry-${n.id}`} onClick={() => retry(n)}>
                {t('notices.sendNow')}
              </OnlineButton>
            ) : null}
            <Button size="small" loading={busy === `cancel-${n.id}`} onClick={() => cancel(n)}>
              {t('notices.cancel')}
            </Button>
          </Space>
        ) : n.retry.allowed ? (
          <OnlineButton size="small" loading={busy === `retry-${n.id}`} onClick={() => retry(n)}>
            {t('notices.retry')}
          </OnlineButton>
        ) : null,
    },
  ];

  const calendar = list.data?.calendar ?? null;
  return (
    <Flex vertical gap={16} data-testid="reminders-tab">
      <Card size="small" title={t('notices.scheduleTitle')}>
        <Flex wrap gap={8} align="center">
          <Select<ReminderKind>
            value={kind}
            onChange={setKind}
            style={{ width: 280 }}
            options={[
              { value: 'before-start', label: t('notices.kind.before-start'), disabled: started },
              { value: 'after-end', label: t('notices.kind.after-end') },
            ]}
            data-testid="reminder-kind"
          />
          <InputNumber min={1} max={unit === 'days' ? 30 : unit === 'hours' ? 720 : 43_200} value={amount} onChange={setAmount} style={{ width: 90 }} data-testid="reminder-amount" />
          <Select<Unit>
            value={unit}
            onChange={setUnit}
            style={{ width: 100 }}
            options={(Object.keys(UNITS) as Unit[]).map((u) => ({ value: u, label: t(`notices.units.${u}`) }))}
            data-testid="reminder-unit"
          />
          <Typography.Text>{t(`notices.relative.${kind}`)}</Typography.Text>
        </Flex>
        {kind === 'after-end' ? (
          <Input
            style={{ marginTop: 8 }}
            value={note}
            maxLength={200}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('notices.notePlaceholder')}
            data-testid="reminder-note"
          />
        ) : null}
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="reminder-hint">
            {late ? t('notices.lateHint', { ended: formatDateTime(endedAt) }) : t(`notices.audienceHint.${kind}`)}
          </Typography.Text>
          {late ? (
            <OnlineButton type="primary" disabled={cancelled || !amount} loading={scheduling.pending} onClick={() => void schedule()} data-testid="reminder-schedule">
              {t('notices.sendLateNow')}
            </OnlineButton>
          ) : (
            <Button type="primary" disabled={cancelled || !amount} loading={scheduling.pending} onClick={() => void schedule()} data-testid="reminder-schedule">
              {t('notices.schedule')}
            </Button>
          )}
        </Flex>
      </Card>

      <Card
        size="small"
        title={t('notices.listTitle')}
        extra={
          <Space wrap>
            {cancelled ? (
              <Button size="small" onClick={() => ask(live.livingid, 'cancelled', true)} data-testid="notice-open-cancelled">
                {t('notices.open.cancelled')}
              </Button>
            ) : (
              <>
                <Button size="small" onClick={() => ask(live.livingid, 'created', true)} data-testid="notice-open-created">
                  {t('notices.open.created')}
                </Button>
                <Button size="small" onClick={() => ask(live.livingid, 'changed', true)} data-testid="notice-open-changed">
                  {t('notices.open.changed')}
                </Button>
              </>
            )}
          </Space>
        }
      >
        {calendar ? (
          <Typography.Paragraph data-testid="calendar-state" style={{ marginBottom: 8 }}>
            {t('notices.calendar.label')}
            <Tag style={{ marginInlineStart: 8 }} color={calendar.state === 'added' ? 'green' : calendar.state === 'cancelled' ? 'default' : 'orange'}>
              {t(`notices.calendar.${calendar.state}`)}
            </Tag>
            {calendar.error ? <Typography.Text type="warning">{problemText(t, calendar.error)}</Typography.Text> : null}
          </Typography.Paragraph>
        ) : null}
        {list.error ? <ErrorAlert error={list.error} onRetry={list.refetch} /> : null}
        <Table<NoticeRecord>
          size="small"
          rowKey="id"
          loading={list.loading && !list.data}
          columns={columns}
          dataSource={list.data?.notices ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="reminders-list"
          locale={{ emptyText: t('notices.empty') }}
          expandable={{
            rowExpandable: (n) => n.body !== null,
            expandedRowRender: (n) => (n.body ? <MessagePreview body={n.body} /> : null),
          }}
        />
      </Card>
    </Flex>
  );
}

/** "30 分钟" / "1 天": the largest whole unit, as a translation key and its count. */
function offsetKey(seconds: number): [string, { count: number }] {
  const minutes = Math.round(seconds / 60);
  if (minutes % 1440 === 0) return ['notices.units.count.days', { count: minutes / 1440 }];
  if (minutes % 60 === 0) return ['notices.units.count.hours', { count: minutes / 60 }];
  return ['notices.units.count.minutes', { count: minutes }];
}
