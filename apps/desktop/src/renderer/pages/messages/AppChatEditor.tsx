// Create an app group chat from a selection of users, or rename one, change its owner and add or
// remove members. Values stay as typed when WeCom refuses.
import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppChat } from '../../../shared/models.ts';
import { api } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { nameWithId } from '../../format.ts';
import { useOnlineAction } from '../../hooks/useOnlineAction.ts';
import { useSingleFlight } from '../../hooks/useSingleFlight.ts';
import { useMessagesStore } from '../../stores/messages.ts';
import { APPCHAT_LIMITS, charCount } from '@wld/wecom-core/rules';
import { appChatIssues, memberDiff } from './appChatForm.ts';
import type { AppChatField, AppChatFormValues } from './appChatForm.ts';
import { MemberSelect } from './MemberSelect.tsx';

export interface AppChatEditorProps {
  /** null creates a chat */
  chat: AppChat | null;
  onClose: () => void;
  onSaved: (chat: AppChat) => void;
}

export function AppChatEditor({ chat, onClose, onSaved }: AppChatEditorProps) {
  const { t } = useTranslation('messages');
  const { message } = App.useApp();
  const online = useOnlineAction();
  const labels = useMessagesStore((s) => s.labels);
  const mode = chat ? 'edit' : 'create';
  const [values, setValues] = useState<AppChatFormValues>(() => ({
    name: chat?.name ?? '',
    members: chat?.userlist ?? [],
    owner: chat?.owner ?? null,
    chatid: '',
  }));
  const [attempted, setAttempted] = useState(false);
  const saving = useSingleFlight();
  const [error, setError] = useState<unknown>(null);
  const issues = appChatIssues(values, mode);
  const status = (field: AppChatField) => {
    const issue = issues.find((i) => i.field === field);
    const show = attempted || (field === 'name' && issue?.key === 'appchat.issues.nameTooLong');
    return issue && show ? { validateStatus: 'error' as const, help: t(issue.key, issue.values ?? {}) } : {};
  };
  const set = (patch: Partial<AppChatFormValues>) => setValues((v) => ({ ...v, ...patch }));

  const save = async () => {
    setAttempted(true);
    setError(null);
    if (issues.length > 0) return;
    await saving.run(async () => {
      try {
        let saved: AppChat;
        if (!chat) {
          const result = await api.call('appchat.create', {
            name: values.name.trim(),
            userlist: [...new Set(values.members)],
            ...(values.owner ? { owner: values.owner } : {}),
            ...(values.chatid.trim() ? { chatid: values.chatid.trim() } : {}),
          });
          saved = result.chat;
        } else {
          const diff = memberDiff(chat.userlist, values.members);
          const result = await api.call('appchat.update', {
            chatid: chat.chatid,
            ...(values.name.trim() !== chat.name ? { name: values.name.trim() } : {}),
            ...(values.owner && values.owner !== chat.owner ? { owner: values.owner } : {}),
            ...diff,
          });
          saved = result.chat;
        }
        void message.success(chat ? t('appchat.updated') : t('appchat.created'));
        onSaved(saved);
      } catch (e) {
        setError(e);
      }
    });
  };

  const ownerOptions = values.members.map((id) => ({ value: id, label: nameWithId(labels[`user:${id}`], id) }));
  const diff = chat ? memberDiff(chat.userlist, values.members) : null;

  return (
    <Drawer
      open
      onClose={onClose}
      size={560}
      title={chat ? t('appchat.editTitle', { name: chat.name }) : t('appchat.createTitle')}
      data-testid="appchat-editor"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => void save()}
            loading={saving.pending}
            disabled={online.disabled}
            title={online.reason ?? undefined}
            data-testid="appchat-save"
          >
            {chat ? t('common:actions.save') : t('appchat.create')}
          </Button>
        </Flex>
      }
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('appchat.name')} required {...status('name')} extra={`${charCount(values.name.trim())} / ${APPCHAT_LIMITS.nameChars}`}>
          <Input value={values.name} onChange={(e) => set({ name: e.target.value })} data-testid="appchat-name" />
        </Form.Item>
        <Form.Item
          label={t('appchat.members')}
          required
          {...status('members')}
          extra={
            <span>
              {t('appchat.memberCount', { count: values.members.length, min: APPCHAT_LIMITS.minMembers, max: APPCHAT_LIMITS.maxMembers })}
              {diff && (diff.addUsers.length || diff.removeUsers.length)
                ? ` · ${t('appchat.diff', { add: diff.addUsers.length, remove: diff.removeUsers.length })}`
                : ''}
            </span>
          }
        >
          <MemberSelect
            value={values.members}
            onChange={(members) => set({ members, owner: values.owner && members.includes(values.owner) ? values.owner : null })}
            maxCount={APPCHAT_LIMITS.maxMembers}
            data-testid="appchat-members"
            aria-label={t('appchat.members')}
          />
        </Form.Item>
        <Form.Item label={t('appchat.owner')} {...status('owner')} extra={chat ? undefined : t('appchat.ownerHelp')}>
          <Select<string>
            value={values.owner ?? undefined}
            onChange={(owner) => set({ owner: owner ?? null })}
            allowClear
            options={ownerOptions}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('appchat.ownerPlaceholder')}
            aria-label={t('appchat.owner')}
          />
        </Form.Item>
        {chat ? (
          <Typography.Paragraph type="secondary">chatid: {chat.chatid}</Typography.Paragraph>
        ) : (
          <Form.Item label={t('appchat.chatid')} {...status('chatid')} extra={t('appchat.chatidHelp')}>
            <Input value={values.chatid} onChange={(e) => set({ chatid: e.target.value })} maxLength={32} spellCheck={false} />
          </Form.Item>
        )}
        {error ? <ErrorAlert error={error} /> : null}
      </Form>
    </Drawer>
  );
}
