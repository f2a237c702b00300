// Asks before notifying a live's audience: previews the exact message, says how many people it
// reaches, offers to add the live to their WeCom calendars, and after a failed send says plainly
// that the live was saved and the notice was not (or may not have been) sent, with a safe retry.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Modal, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { noticeProblem, problemText } from './noticeProblem.ts';
import type { CalendarState, NoticeRecord } from '../../../shared/notice-models.ts';
import type { ServiceError } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OnlineButton } from '../../components/OnlineButton.tsx';
import { toServiceError } from '../../errors.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useNoticeStore } from '../../stores/notices.ts';
import { MessagePreview } from './MessagePreview.tsx';

/** The dialog itself, loaded with its own chunk the first time a notice is asked about (NoticeDialog.tsx). */
export default function NoticeDialogBody() {
  const { t } = useTranslation('lives');
  const { message } = App.useApp();
  const request = useNoticeStore((s) => s.request);
  const close = useNoticeStore((s) => s.close);
  const preview = useServiceQuery('notices.preview', request ?? { livingid: '-', kind: 'changed' }, { enabled: request !== null, keepPrevious: false, topics: ['lives', 'notices'] });
  const [addToCalendar, setAddToCalendar] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeRecord | null>(null);
  const [calendar, setCalendar] = useState<CalendarState | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);

  useEffect(() => {
    setNotice(null);
    setCalendar(null);
    setError(null);
    setAddToCalendar(false);
  }, [request]);

  // nobody to tell (a live without an audience): not asked after an edit
  const nobody = preview.data?.recipientCount === 0;
  useEffect(() => {
    if (request && !request.explicit && nobody) close();
  }, [request, nobody, close]);

  if (!request) return null;
  const kind = request.kind;
  const calendarOffered = kind !== 'cancelled' && preview.data?.calendar?.state !== 'added';

  const finish = (next: NoticeRecord, nextCalendar: CalendarState | null) => {
    setNotice(next);
    setCalendar(nextCalendar);
    if (next.status === 'sent' && !nextCalendar?.error) {
      void message.success(t('notices.dialog.sent', { count: next.recipientCount }));
      close();
    }
  };

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      const out = await api.call('notices.send', { livingid: request.livingid, kind, addToCalendar: calendarOffered && addToCalendar });
      finish(out.notice, out.calendar);
    } catch (e) {
      setError(toServiceError(e));
    } finally {
      setBusy(false);
    }
  };

  const retry = async () => {
    if (!notice) return;
    setBusy(true);
    setError(null);
    try {
      finish((await api.call('notices.retry', { id: notice.id })).notice, calendar);
    } catch (e) {
      setError(toServiceError(e));
    } finally {
      setBusy(false);
    }
  };

  const failed = notice !== null && notice.status !== 'sent';
  const footer = failed ? (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={close}>{t('notices.dialog.close')}</Button>
      {notice.retry.allowed ? (
        <OnlineButton type="primary" loading={busy} onClick={() => void retry()} data-testid="notice-retry">
          {t('notices.retry')}
        </OnlineButton>
      ) : null}
    </Flex>
  ) : notice !== null ? (
    <Button onClick={close}>{t('notices.dialog.close')}</Button>
  ) : (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={close} data-testid="notice-skip">
        {t('notices.dialog.skip')}
      </Button>
      <OnlineButton type="primary" loading={busy} disabled={!preview.data || nobody} onClick={() => void send()} data-testid="notice-send">
        {t('notices.dialog.send')}
      </OnlineButton>
    </Flex>
  );

  return (
    <Modal
      // opened once the preview says someone gets it, or at once when it could not be composed: a
      // failed preview is shown with its reason, never left as a question that silently never comes
      open={request.explicit || preview.error !== null || (preview.data !== undefined && !nobody)}
      title={t(`notices.dialog.title.${kind}`)}
      onCancel={close}
      footer={footer}
      width={520}
      mask={{ closable: false }}
      data-testid="notice-dialog"
    >
      {preview.error ? <ErrorAlert error={preview.error} onRetry={preview.refetch} /> : null}
      {!preview.data && !preview.error ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {preview.data ? (
        <Flex vertical gap={12}>
          <Typography.Text data-testid="notice-recipients">
            {nobody ? t('notices.dialog.nobody') : t('notices.dialog.recipients', { count: preview.data.recipientCount })}
          </Typography.Text>
          {/* the exact message: composed by the services in the language chosen in Settings */}
          <MessagePreview body={preview.data.body} />
          {calendarOffered ? (
            <Checkbox checked={addToCalendar} disabled={notice !== null} onChange={(e) => setAddToCalendar(e.target.checked)} data-testid="notice-calendar">
              {t('notices.dialog.calendar')}
            </Checkbox>
          ) : preview.data.calendar?.state === 'added' ? (
            <Typography.Text type="secondary">{t(kind === 'cancelled' ? 'notices.dialog.calendarCancelled' : 'notices.dialog.calendarFollows')}</Typography.Text>
          ) : null}
        </Flex>
      ) : null}
      {failed ? (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          data-testid="notice-failed"
          title={t(notice.status === 'unknown' ? 'notices.dialog.unknownTitle' : 'notices.dialog.failedTitle')}
          description={noticeProblem(t, notice, true)}
        />
      ) : null}
      {calendar?.error ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={t('notices.calendar.problem')} description={problemText(t, calendar.error)} /> : null}
      {error ? <ErrorAlert error={error} compact /> : null}
    </Modal>
  );
}
