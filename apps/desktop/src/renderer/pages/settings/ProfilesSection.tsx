// The profiles list: which corp the app works on, add or edit a corp, activate one, or use the Demo.
import { useMemo, useState } from 'react';
import { App, Badge, Button, Card, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { DEMO_PROFILE } from '../../../shared/settings.ts';
import type { Profile, Settings } from '../../../shared/settings.ts';
import { useSettingsStore } from '../../stores/settings.ts';
import type { ProfileSubmission } from '../../stores/settings.ts';
import { useRefreshSecretsStatus, useSecretsStatus } from '../../hooks/useSecretsStatus.ts';
import { errorText } from '../../errors.ts';
import { ProfileForm } from './ProfileForm.tsx';

interface EditorState {
  open: boolean;
  profile: Profile | null;
  /** Remounts the form for each opening, so it starts from the profile's values. */
  key: number;
}

export function ProfilesSection({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const { message, modal } = App.useApp();
  const storeSaveProfile = useSettingsStore((s) => s.saveProfile);
  const storeRemoveProfile = useSettingsStore((s) => s.removeProfile);
  const activateProfile = useSettingsStore((s) => s.activateProfile);
  const refreshSecrets = useRefreshSecretsStatus();
  const [editor, setEditor] = useState<EditorState>({ open: false, profile: null, key: 0 });
  const [busy, setBusy] = useState<string | null>(null);

  const profiles = settings.profiles;
  const hasDemo = profiles.some((p) => p.kind === 'demo');
  const takenIds = useMemo(() => new Set(profiles.map((p) => p.id)), [profiles]);

  const corpIds = profiles.filter((p) => p.kind === 'corp').map((p) => p.id);
  const secrets = useSecretsStatus(corpIds.length > 0 ? corpIds : [DEMO_PROFILE.id]);
  // Writes that store or drop secrets: the keychain status is asked again afterwards, failed or not.
  const saveProfile = async (submission: ProfileSubmission) => {
    try {
      return await storeSaveProfile(submission);
    } finally {
      refreshSecrets();
    }
  };
  const removeProfile = async (id: string) => {
    try {
      return await storeRemoveProfile(id);
    } finally {
      refreshSecrets();
    }
  };

  // Whether the keychain works is the same for every profile: a new profile borrows a known answer.
  const keychainKnown = Object.values(secrets).find((s) => s !== undefined) ?? null;
  const editorSecrets = editor.profile
    ? (secrets[editor.profile.id] ?? null)
    : keychainKnown && { keychainAvailable: keychainKnown.keychainAvailable, reason: keychainKnown.reason, store: keychainKnown.store, location: keychainKnown.location, apps: {}, storage: {} };

  const openEditor = (profile: Profile | null) => {
    if (profile) refreshSecrets();
    setEditor((e) => ({ open: true, profile, key: e.key + 1 }));
  };

  const run = async (id: string, action: () => Promise<unknown>, done: string) => {
    setBusy(id);
    try {
      await action();
      void message.success(done);
    } catch (e) {
      modal.error({ title: t('profiles.actionFailed'), content: errorText(e) });
    } finally {
      setBusy(null);
    }
  };

  const activate = (p: Profile) =>
    modal.confirm({
      title: t('profiles.activateConfirmTitle', { name: p.name }),
      content: t('profiles.activateConfirm'),
      onOk: () => run(p.id, () => activateProfile(p.id), t('profiles.activated', { name: p.name })),
    });

  const switchToDemo = () =>
    run(
      DEMO_PROFILE.id,
      async () => {
        await saveProfile({ profile: DEMO_PROFILE, secrets: {} });
        await activateProfile(DEMO_PROFILE.id);
      },
      t('profiles.activated', { name: DEMO_PROFILE.name }),
    );

  const keychainTag = (p: Profile) => {
    if (p.kind === 'demo') return <Tag>{t('secrets.demo')}</Tag>;
    const status = secrets[p.id];
    if (!status) return <Tag>{t('secrets.unknown')}</Tag>;
    const missing = p.apps.filter((a) => !status.apps[a.name]).map((a) => a.name);
    const sessionOnly = Object.entries(status.storage).filter(([, where]) => where === 'session').map(([name]) => name);
    if (!status.keychainAvailable || sessionOnly.length > 0) {
      return (
        <Tooltip title={`${t('secrets.sessionApps', { apps: sessionOnly.join(', ') || '–' })} · ${t('secrets.where.sessionHelp')}`}>
          <Tag color="orange" data-testid={`session-only-${p.id}`}>
            {t('secrets.session')}
          </Tag>
        </Tooltip>
      );
    }
    return missing.length > 0 ? (
      <Tooltip title={t('secrets.missingApps', { apps: missing.join(', ') })}>
        <Tag color="red">{t('secrets.missing')}</Tag>
      </Tooltip>
    ) : (
      <Tag color="green">{t('secrets.keychain')}</Tag>
    );
  };

  const columns: TableColumnsType<Profile> = [
    {
      key: 'name',
      title: t('profiles.name'),
      render: (_: unknown, p) => (
        // a narrow window moves the tags, together, to a line of their own, never the dot away from its name
        <Flex wrap gap="4px 8px" align="center">
          {p.id === settings.activeProfileId ? <Badge status="success" text={p.name} style={{ whiteSpace: 'nowrap' }} /> : <span>{p.name}</span>}
          <Flex gap={4}>
            {p.kind === 'demo' ? <Tag color="purple">{t('profiles.demo')}</Tag> : null}
            {p.id === settings.activeProfileId ? <Tag color="blue">{t('profiles.active')}</Tag> : null}
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'corpId',
      title: t('profiles.corpId'),
      // one line, cut with … and whole on hover: an id split across lines reads as two
      render: (_: unknown, p) =>
        p.corpId ? (
          <Typography.Text code ellipsis={{ tooltip: p.corpId }} style={{ maxWidth: 180, whiteSpace: 'nowrap' }}>
            {p.corpId}
          </Typography.Text>
        ) : (
          '–'
        ),
    },
    {
      key: 'apps',
      title: t('profiles.apps'),
      render: (_: unknown, p) => p.apps.map((a) => `${a.name} (${a.agentId})`).join(', ') || '–',
    },
    { key: 'secrets', title: t('profiles.secrets'), render: (_: unknown, p) => keychainTag(p) },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_: unknown, p) => (
        <Space size={4}>
          <Button
            size="small"
            type="link"
            disabled={p.id === settings.activeProfileId}
            loading={busy === p.id}
            onClick={() => activate(p)}
            data-testid={`profile-activate-${p.id}`}
          >
            {t('profiles.activate')}
          </Button>
          {p.kind === 'corp' ? (
            <Button size="small" type="link" onClick={() => openEditor(p)} data-testid={`profile-edit-${p.id}`}>
              {t('common:actions.edit')}
            </Button>
          ) : null}
          <Popconfirm
            title={t('profiles.removeConfirm', { name: p.name })}
            description={p.kind === 'corp' ? t('profiles.removeConfirmSecrets') : undefined}
            disabled={p.id === settings.activeProfileId}
            // opened from the table's right edge: grow leftwards, wrap instead of running off screen
            placement="topRight"
            styles={{ root: { maxWidth: 320 } }}
            onConfirm={() => run(p.id, () => removeProfile(p.id), t('profiles.removed', { name: p.name }))}
          >
            <Button size="small" type="link" danger disabled={p.id === settings.activeProfileId}>
              {t('common:actions.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('profiles.title')}
      size="small"
      extra={
        <Space>
          {hasDemo ? null : (
            <Button icon={<ExperimentOutlined />} onClick={() => void switchToDemo()} loading={busy === DEMO_PROFILE.id}>
              {t('profiles.switchToDemo')}
            </Button>
          )}
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor(null)} data-testid="profile-add">
            {t('profiles.add')}
          </Button>
        </Space>
      }
    >
      <Table<Profile>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={profiles}
        pagination={false}
        data-testid="profiles-table"
        locale={{ emptyText: t('profiles.empty') }}
      />
      <ProfileForm
        key={editor.key}
        open={editor.open}
        profile={editor.profile}
        takenIds={takenIds}
        secretsStatus={editorSecrets}
        baseUrl={settings.network.baseUrl || undefined}
        active={editor.profile !== null && editor.profile.id === settings.activeProfileId}
        onSubmit={saveProfile}
        onClose={() => setEditor((e) => ({ ...e, open: false }))}
      />
    </Card>
  );
}
