// Compose and send an app message: content (with live limits), recipients (with caps), then the
// result with any invalid or unlicensed recipients. Sending needs WeCom: disabled offline, with why.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Department, Recipients, Tag } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../format.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { useMessagesStore } from '../../stores/messages.ts';
import { ContentEditor } from './ContentEditor.tsx';
import { RecipientPicker } from './RecipientPicker.tsx';
import { recipientsText } from './recipientsText.ts';
import { SendResultView } from './SendResultView.tsx';
import { draftIssues, draftToBody, recipientIssues } from './messageLimits.ts';

/** How many people the recipients reach by the cache; null when it cannot say (the confirmation still lists what was picked). */
async function reachOf(recipients: Recipients): Promise<{ count: number; stale: boolean; asOf: number | null } | null> {
  try {
    return await api.call('messages.reach', { recipients });
  } catch {
    return null;
  }
}

export interface ComposerProps {
  departments: readonly Department[];
  tags: readonly Tag[];
}

export function Composer({ departments, tags }: ComposerProps) {
  const { t } = useTranslation('messages');
  const { modal } = App.useApp();
  const online = useOnlineAction();
  const draft = useMessagesStore((s) => s.draft);
  const recipients = useMessagesStore((s) => s.recipients);
  const labels = useMessagesStore((s) => s.labels);
  const lastResult = useMessagesStore((s) => s.lastResult);
  const patchDraft = useMessagesStore((s) => s.patchDraft);
  const setLastResult = useMessagesStore((s) => s.setLastResult);
  const clearContent = useMessagesStore((s) => s.clearContent);
  const [attempted, setAttempted] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const issues = useMemo(() => draftIssues(draft), [draft]);
  const recipientProblems = recipientIssues(recipients);
  const overLimit = issues.some((i) => /tooMany/.test(i.key));

  const names = (kind: 'user' | 'dept' | 'tag', id: string) => {
    if (kind === 'user') return labels[`user:${id}`];
    if (kind === 'dept') return departments.find((d) => String(d.id) === id)?.name;
    return tags.find((tag) => String(tag.tagid) === id)?.tagname;
  };

  const send = async () => {
    setAttempted(true);
    setError(null);
    const body = draftToBody(draft);
    if (!body || recipientProblems.length > 0) return;
    const reach = await reachOf(recipients);
    const ok = await modal.confirm({
      title: t('compose.confirmTitle'),
      content: (
        <>
          {reach ? <p data-testid="send-reach">{t('compose.reach', { count: reach.count })}</p> : null}
          {reach?.stale ? <p data-testid="send-reach-stale">{t('compose.reachStale', { asOf: formatDateTime(reach.asOf) })}</p> : null}
          <p style={{ marginBottom: 0 }}>
            {t('compose.confirm', { recipients: recipientsText(t, recipients) })}
          </p>
        </>
      ),
      okText: t('compose.send'),
    });
    if (!ok) return;
    setSending(true);
    setLastResult(null); // the previous send's result does not stand beside this one's wait or failure
    try {
      const result = await api.call('messages.send', { recipients, body });
      setLastResult(result);
      clearContent();
      setAttempted(false);
    } catch (e) {
      setError(e); // the draft stays as typed
    } finally {
      setSending(false);
    }
  };

  const sendButton = (
    <Button
      type="primary"
      icon={<SendOutlined />}
      loading={sending}
      disabled={online.disabled || overLimit}
      onClick={() => void send()}
      data-testid="message-send"
    >
      {t('compose.send')}
    </Button>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('compose.content')}>
          <ContentEditor draft={draft} onChange={patchDraft} issues={issues} showIssues={attempted} />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Flex vertical gap={12}>
          <Card size="small" title={t('compose.recipients')}>
            <RecipientPicker departments={departments} tags={tags} showRequired={attempted} />
          </Card>
          <Flex justify="flex-end" gap={8}>
            {online.disabled ? <Tooltip title={online.reason}><span>{sendButton}</span></Tooltip> : sendButton}
          </Flex>
          {/* every message goes out with WeCom's duplicate check (services/handlers/send-message.ts) */}
          <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'end' }} data-testid="send-dedupe-hint">
            {t('compose.dedupeHint')}
          </Typography.Text>
          {online.disabled ? <Alert type="info" showIcon title={online.reason} data-testid="send-disabled-reason" /> : null}
          {error ? <ErrorAlert error={error} /> : null}
          {lastResult ? <SendResultView result={lastResult} names={names} onClose={() => setLastResult(null)} /> : null}
        </Flex>
      </Col>
    </Row>
  );
}
