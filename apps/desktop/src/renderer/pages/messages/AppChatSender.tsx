// Sends a message to one app group chat (`appchat.send`), with the same content editor and limits as
// the composer; the draft stays as typed if WeCom refuses.
import { useMemo, useState } from 'react';
import { App, Button, Flex, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppChat } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { emptyDraft } from '../../stores/messages.ts';
import type { ComposerDraft } from '../../stores/messages.ts';
import { ContentEditor } from './ContentEditor.tsx';
import { draftIssues, draftToBody } from './messageLimits.ts';

export function AppChatSender({ chat, onClose }: { chat: AppChat; onClose: () => void }) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const online = useOnlineAction();
  const [draft, setDraft] = useState<ComposerDraft>(emptyDraft);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const issues = useMemo(() => draftIssues(draft), [draft]);

  const send = async () => {
    setAttempted(true);
    setError(null);
    const body = draftToBody(draft);
    if (!body) return;
    setSending(true);
    try {
      await api.call('appchat.send', { chatid: chat.chatid, body });
      void message.success(t('appchat.sent', { name: chat.name }));
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t('appchat.sendTitle', { name: chat.name })}
      onCancel={onClose}
      data-testid="appchat-sender"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={sending} disabled={online.disabled} title={online.reason ?? undefined} onClick={() => void send()} data-testid="appchat-send">
            {t('compose.send')}
          </Button>
        </Flex>
      }
    >
      <ContentEditor draft={draft} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} issues={issues} showIssues={attempted} />
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
