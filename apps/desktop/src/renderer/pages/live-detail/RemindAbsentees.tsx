// "Remind absentees": confirm with an optional note, send, then show who it did not reach.
import { useState } from 'react';
import { Alert, Input, Modal, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract.ts';
import type { ServiceError } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OnlineButton } from '../../components/OnlineButton.tsx';
import { toServiceError } from '../../errors.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';
import { SendResultList, hasSendProblems } from '../lives/SendResultList.tsx';

const MAX_MESSAGE = 500;

export function RemindAbsentees({ livingid, count }: { livingid: string; count: number }) {
  const { t } = useTranslation('lives');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const sending = useSingleFlight();
  const [error, setError] = useState<ServiceError | null>(null);
  const [result, setResult] = useState<MethodOutput<'lives.remindAbsentees'> | null>(null);

  const send = () =>
    sending.run(async () => {
      setError(null);
      try {
        const message = note.trim();
        setResult(await api.call('lives.remindAbsentees', { livingid, ...(message ? { message } : {}) }));
        setOpen(false);
        setNote(''); // sent: the next reminder starts blank, not with this note
      } catch (e) {
        setError(toServiceError(e)); // the modal stays open with the note as typed
      }
    });

  return (
    <>
      <OnlineButton icon={<BellOutlined />} disabled={count === 0} onClick={() => setOpen(true)} data-testid="remind-absentees">
        {t('detail.absentees.remind')}
      </OnlineButton>
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          type={hasSendProblems(result) ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setResult(null) }}
          data-testid="remind-result"
          title={t('detail.absentees.sent', { count: result.recipients })}
          description={hasSendProblems(result) ? <SendResultList result={result} /> : undefined}
        />
      ) : null}
      <Modal
        open={open}
        title={t('detail.absentees.remindTitle', { count })}
        okText={t('detail.absentees.remindOk')}
        onOk={() => void send()}
        onCancel={() => setOpen(false)}
        confirmLoading={sending.pending}
        okButtonProps={{ 'data-testid': 'remind-confirm' } as Record<string, string>}
        destroyOnHidden={false}
      >
        <Typography.Paragraph>{t('detail.absentees.remindMessage')}</Typography.Paragraph>
        <Input.TextArea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={MAX_MESSAGE}
          showCount
          autoSize={{ minRows: 3, maxRows: 6 }}
          // the counter hangs below the box: leave it room above the buttons
          style={{ marginBottom: 24 }}
          placeholder={t('detail.absentees.remindMessagePlaceholder')}
          data-testid="remind-message"
        />
        {error ? <ErrorAlert error={error} compact className="remind-error" /> : null}
      </Modal>
    </>
  );
}
