// App group chats created by this app (`appchat.list`): create, edit members and owner, send.
import { useState } from 'react';
import type { ReactElement } from 'react';
import { Button, Card, Space, Table, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AppChat } from '../../../shared/models.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime, formatNumber, nameWithId } from '../../format.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { useServiceQuery } from '../../hooks/useServiceQuery.ts';
import { useMessagesStore } from '../../stores/messages.ts';
import { AppChatEditor } from './AppChatEditor.tsx';
import { AppChatSender } from './AppChatSender.tsx';

type Dialog = { kind: 'create' } | { kind: 'edit'; chat: AppChat } | { kind: 'send'; chat: AppChat } | null;

export function AppChatsTab() {
  const { t } = useTranslation('messages');
  const online = useOnlineAction();
  const chats = useServiceQuery('appchat.list', {}, { topics: ['appchat'] });
  const labels = useMessagesStore((s) => s.labels);
  const [dialog, setDialog] = useState<Dialog>(null);

  const gated = (node: ReactElement) => (online.disabled ? <Tooltip title={online.reason}><span>{node}</span></Tooltip> : node);

  return (
    <Card
      size="small"
      title={t('appchat.title')}
      extra={gated(
        <Button type="primary" icon={<PlusOutlined />} disabled={online.disabled} onClick={() => setDialog({ kind: 'create' })} data-testid="appchat-create">
          {t('appchat.create')}
        </Button>,
      )}
    >
      <Typography.Paragraph type="secondary">{t('appchat.hint')}</Typography.Paragraph>
      {chats.error ? <ErrorAlert error={chats.error} onRetry={chats.refetch} /> : null}
      <Table<AppChat>
        size="small"
        rowKey="chatid"
        loading={chats.loading}
        dataSource={chats.data?.chats ?? []}
        data-testid="appchat-table"
        locale={{ emptyText: t('appchat.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, size: 'small' }}
        columns={[
          { key: 'name', title: t('appchat.name'), dataIndex: 'name' },
          { key: 'chatid', title: 'chatid', render: (_: unknown, c) => <Typography.Text code>{c.chatid}</Typography.Text> },
          { key: 'owner', title: t('appchat.owner'), render: (_: unknown, c) => nameWithId(labels[`user:${c.owner}`], c.owner) },
          { key: 'members', title: t('appchat.members'), align: 'right', render: (_: unknown, c) => formatNumber(c.userlist.length) },
          { key: 'fetchedAt', title: t('appchat.fetchedAt'), render: (_: unknown, c) => formatDateTime(c.fetchedAt) },
          {
            key: 'actions',
            title: '',
            align: 'right',
            render: (_: unknown, c) => (
              <Space size={4}>
                {gated(
                  <Button size="small" type="link" disabled={online.disabled} onClick={() => setDialog({ kind: 'send', chat: c })} data-testid={`appchat-send-${c.chatid}`}>
                    {t('appchat.send')}
                  </Button>,
                )}
                {gated(
                  <Button size="small" type="link" disabled={online.disabled} onClick={() => setDialog({ kind: 'edit', chat: c })} data-testid={`appchat-edit-${c.chatid}`}>
                    {t('common:actions.edit')}
                  </Button>,
                )}
              </Space>
            ),
          },
        ]}
      />
      {dialog?.kind === 'create' || dialog?.kind === 'edit' ? (
        <AppChatEditor
          chat={dialog.kind === 'edit' ? dialog.chat : null}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            chats.refetch();
          }}
        />
      ) : null}
      {dialog?.kind === 'send' ? <AppChatSender chat={dialog.chat} onClose={() => setDialog(null)} /> : null}
    </Card>
  );
}
