// "Remind learners": choose who (those who did not watch, or everyone who has not completed), see the
// message as they will receive it (and when the same one went to them, which WeCom would not deliver
// again), confirm with an optional note, send, then show who it did not reach.
import { useState } from 'react';
import { Alert, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../shared/contract.ts';
import type { ServiceError } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OnlineButton } from '../../components/OnlineButton.tsx';
import { toServiceError } from '../../errors.ts';
import { useDebouncedValue } from '../../hooks/useDebouncedValue.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';
import { MessagePreview } from '../notices/MessagePreview.tsx';
import { SendResultList, hasSendProblems } from '../lives/SendResultList.tsx';

const MAX_MESSAGE = 500;

type Who = 'absent' | 'incomplete';

/** absent: required learners with no watch time; partial: those who watched less than the completion rule asks. */
export function RemindAbsentees({ livingid, absent, partial }: { livingid: string; absent: number; partial: number }) {
  const { t } = useTranslation('lives');
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Who | null>(null);
  // those who did not watch, unless there are none: then those who have not completed
  const who: Who = chosen ?? (absent > 0 ? 'absent' : 'incomplete');
  const count = who === 'absent' ? absent : absent + partial;
  const [note, setNote] = useState('');
  const sending = useSingleFlight();
  const [error, setError] = useState<ServiceError | null>(null);
  const [result, setResult] = useState<MethodOutput<'lives.remindAbsentees'> | null>(null);
  // the services compose it as they will send it: the chosen people's words, with the note
  const previewNote = useDebouncedValue(note.trim(), 300);
  const preview = useServiceQuery('lives.remindPreview', { livingid, who, ...(previewNote ? { message: previewNote } : {}) }, { enabled: open, keepPrevious: true, topics: ['watch', 'training', 'messages'] });
  // the same words went to them within WeCom's window: sending now would reach nobody (a note makes it new)
  const repeatOf = previewNote === note.trim() ? (preview.data?.repeatOf ?? null) : null;

  const send = () =>
    sending.run(async () => {
      setError(null);
      try {
        const message = note.trim();
        setResult(await api.call('lives.remindAbsentees', { livingid, who, ...(message ? { message } : {}) }));
        setOpen(false);
        setNote(''); // sent: the next reminder starts blank, not with this note
      } catch (e) {
        setError(toServiceError(e)); // the modal stays open with the note as typed
      }
    });

  return (
    <>
      <OnlineButton icon={<BellOutlined />} disabled={absent + partial === 0} onClick={() => setOpen(true)} data-testid="remind-absentees">
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
        title={t(who === 'absent' ? 'detail.absentees.remindTitle' : 'detail.absentees.remindTitleIncomplete', { count })}
        okText={t('detail.absentees.remindOk')}
        okButtonProps={{ disabled: count === 0 || repeatOf !== null, 'data-testid': 'remind-confirm' } as ButtonProps}
        onOk={() => void send()}
        onCancel={() => setOpen(false)}
        confirmLoading={sending.pending}
        destroyOnHidden={false}
      >
        {partial > 0 ? (
          <Radio.Group
            value={who}
            onChange={(e) => setChosen(e.target.value as Who)}
            style={{ display: 'flex', flexDirection: 'column', gap: 4, marginBottom: 16 }}
            data-testid="remind-who"
            options={[
              { value: 'absent', label: t('detail.absentees.whoAbsent', { count: absent }), disabled: absent === 0 },
              { value: 'incomplete', label: t('detail.absentees.whoIncomplete', { count: absent + partial }) },
            ]}
          />
        ) : null}
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
        {preview.data ? (
          <div data-testid="remind-preview">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
              {t('detail.absentees.previewLabel')}
            </Typography.Paragraph>
            <MessagePreview body={preview.data.body} />
          </div>
        ) : null}
        {repeatOf ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="remind-repeated"
            title={t('detail.absentees.repeated', repeatOf)}
          />
        ) : null}
        {error ? <ErrorAlert error={error} compact className="remind-error" /> : null}
      </Modal>
    </>
  );
}
