// Add or edit a corp profile: name, corpId, its own address, apps with agentid and secret, the lives
// anchors asked on every sync, an optional contacts-sync secret. The secrets go to the keychain only; the profile is saved without them.
// On a failed save the drawer stays open with everything the user typed.
import { SecretStorageTag } from './SecretStorageTag.tsx';
import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useServiceQueries } from '../../hooks/useServiceQuery.ts';
import { UserSelect, userLabel } from '../../components/UserSelect.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_LIVE_ANCHORS } from '../../../shared/settings.ts';
import type { Profile } from '../../../shared/settings.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { TechnicalDetails } from '../../components/TechnicalDetails.tsx';
import type { SaveProfileOutcome, SecretsStatus, ProfileSubmission } from '../../stores/settings.ts';
import { CONTACTS_SECRET_APP } from '../../stores/settings.ts';
import { emptyProfileForm, makeProfileId, profileToForm, toSubmission, validateProfileForm } from './profileForm.ts';
import type { FormIssue, ProfileFormValues } from './profileForm.ts';
import { TestConnection } from './TestConnection.tsx';
import type { ConnectionTestInput } from './TestConnection.tsx';
import { useIssueRule } from './useIssueRule.ts';

const MAX_APPS = 10;
/** Names looked up for anchors already in the profile when the form opens (the rest show their userid). */
const NAMED_ANCHORS = 50;

export interface ProfileFormProps {
  open: boolean;
  /** The profile to edit, or null to add a new corp. */
  profile: Profile | null;
  /** Ids already in use (a new profile gets a different one). */
  takenIds: ReadonlySet<string>;
  secretsStatus: SecretsStatus | null;
  /** WeCom base URL or gateway root from the network settings, for the connection test. */
  baseUrl?: string;
  /**
   * The profile being edited is the active one: its members are in the cache, so anchors are picked
   * by name. For any other profile the cache holds another corp's members: anchors are typed as userids.
   */
  active?: boolean;
  onSubmit: (submission: ProfileSubmission) => Promise<SaveProfileOutcome>;
  onClose: () => void;
}

export function ProfileForm({ open, profile, takenIds, secretsStatus, baseUrl, active = false, onSubmit, onClose }: ProfileFormProps) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileFormValues>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  // Re-render on app edits so the "stored" badge follows the app name being typed.
  Form.useWatch('apps', form);
  const initialValues = useMemo(() => (profile ? profileToForm(profile) : emptyProfileForm()), [profile]);
  const anchorLabels = useAnchorLabels(active ? (profile?.liveAnchors ?? []) : []);

  const storedSecrets = useMemo(() => {
    const stored = new Set<string>();
    for (const [app, has] of Object.entries(secretsStatus?.apps ?? {})) if (has) stored.add(app);
    return stored;
  }, [secretsStatus]);
  const validate = (values: ProfileFormValues): FormIssue[] => validateProfileForm(values, { storedSecrets });
  const { rule } = useIssueRule(form, validate);
  const keychainOff = secretsStatus !== null && !secretsStatus.keychainAvailable;

  const submit = async () => {
    setSaveError(null);
    try {
      await form.validateFields({ recursive: true });
    } catch {
      return; // the fields show what is wrong
    }
    const values = form.getFieldsValue(true) as ProfileFormValues;
    if (validate(values).length > 0) return;
    const id = profile?.id ?? makeProfileId(values.name, takenIds);
    setSaving(true);
    try {
      const outcome = await onSubmit(toSubmission(values, id, profile));
      const kept = Object.values(outcome.storage);
      if (kept.includes('session')) void message.warning(t('profiles.savedSessionOnly'));
      else if (kept.includes('encrypted-file')) void message.success(t('profiles.savedEncryptedFile'));
      else void message.success(t('profiles.saved'));
      onClose();
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const credentialsFor = (index: number) => async (): Promise<ConnectionTestInput | null> => {
    try {
      await form.validateFields([['corpId'], ['apps', index, 'agentId']]);
    } catch {
      return null;
    }
    const values = form.getFieldsValue(true) as ProfileFormValues;
    const app = values.apps[index];
    if (!app || app.agentId === null) return null;
    if (app.secret.trim() === '') {
      form.setFields([{ name: ['apps', index, 'secret'], errors: [t('test.secretNeeded')] }]);
      return null;
    }
    return {
      corpId: values.corpId.trim(),
      agentId: app.agentId,
      secret: app.secret.trim(),
      ...(baseUrl ? { baseUrl } : {}),
    };
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      title={profile ? t('profiles.editTitle', { name: profile.name }) : t('profiles.addTitle')}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="profile-save">
            {t('common:actions.save')}
          </Button>
        </Flex>
      }
    >
      <Form<ProfileFormValues>
        // a name of its own makes its fields' ids unique: the network section behind the drawer
        // has a baseUrl too, and a label must point at its own field
        name="profile"
        form={form}
        layout="vertical"
        initialValues={initialValues}
        data-testid="profile-form"
        onFinish={() => void submit()}
        requiredMark
      >
        {keychainOff ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="keychain-unavailable"
            title={t('secrets.sessionOnlyTitle')}
            description={
              <>
                {t('secrets.sessionOnly')}
                <TechnicalDetails text={secretsStatus?.reason} />
              </>
            }
          />
        ) : null}
        {secretsStatus?.store === 'encrypted-file' ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="secrets-encrypted-file"
            title={t('secrets.encryptedFileTitle')}
            description={
              <>
                {t('secrets.encryptedFile', { location: secretsStatus.location ?? '' })}
                <TechnicalDetails text={secretsStatus.reason} />
              </>
            }
          />
        ) : null}
        <Form.Item name="name" label={t('profiles.name')} rules={[rule(['name'])]} required>
          <Input placeholder={t('profiles.namePlaceholder')} maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="corpId" label={t('profiles.corpId')} rules={[rule(['corpId'])]} extra={t('profiles.corpIdHelp')} required>
          <Input placeholder="ww0123456789abcdef" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="baseUrl" label={t('profiles.baseUrl')} rules={[rule(['baseUrl'])]} extra={t('profiles.baseUrlHelp')}>
          <Input placeholder="https://qyapi.weixin.qq.com" autoComplete="off" spellCheck={false} data-testid="profile-base-url" />
        </Form.Item>

        <Typography.Title level={5}>{t('profiles.apps')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('profiles.appsHelp')}</Typography.Paragraph>
        <Form.List name="apps">
          {(fields, { add, remove }) => (
            <Flex vertical gap={12}>
              {fields.map((field) => {
                const appName = (form.getFieldValue(['apps', field.name, 'name']) as string | undefined)?.trim() ?? '';
                const stored = storedSecrets.has(appName);
                return (
                  <div
                    key={field.key}
                    data-testid={`profile-app-${field.name}`}
                    style={{ border: '1px solid var(--ant-color-border-secondary)', borderRadius: 8, padding: 12 }}
                  >
                    <Flex gap={8} align="start" wrap>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('profiles.appName')}
                        rules={[rule(['apps', field.name, 'name'])]}
                        style={{ flex: '1 1 140px', marginBottom: 8 }}
                        required
                      >
                        <Input maxLength={64} />
                      </Form.Item>
                      <Form.Item
                        name={[field.name, 'agentId']}
                        label={t('profiles.agentId')}
                        rules={[rule(['apps', field.name, 'agentId'])]}
                        style={{ flex: '1 1 140px', marginBottom: 8 }}
                        required
                      >
                        <InputNumber style={{ width: '100%' }} placeholder="1000002" controls={false} precision={0} />
                      </Form.Item>
                      {/* beside the name and AgentId inputs, level with them */}
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('profiles.removeApp')}
                        disabled={fields.length <= 1}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: 30 }}
                      />
                      <Form.Item name={[field.name, 'roles']} label={t('profiles.roles')} extra={t('profiles.rolesHelp')} style={{ flex: '1 1 100%', marginBottom: 8 }}>
                        <Checkbox.Group
                          data-testid={`profile-app-roles-${field.name}`}
                          options={(['lives', 'messages', 'contacts'] as const).map((role) => ({ value: role, label: t(`profiles.role.${role}`) }))}
                        />
                      </Form.Item>
                    </Flex>
                    <Form.Item
                      name={[field.name, 'secret']}
                      label={
                        <Space size={6}>
                          {t('profiles.secret')}
                          <SecretStorageTag storage={secretsStatus?.storage[appName]} testId={`secret-storage-${field.name}`} />
                        </Space>
                      }
                      rules={[rule(['apps', field.name, 'secret'])]}
                      extra={t('profiles.secretHelp')}
                      required={!stored}
                      style={{ marginBottom: 8 }}
                    >
                      <Input.Password
                        autoComplete="new-password"
                        spellCheck={false}
                        placeholder={stored ? t('profiles.secretKeep') : ''}
                      />
                    </Form.Item>
                    <TestConnection getCredentials={credentialsFor(field.name)} />
                  </div>
                );
              })}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_APPS}
                onClick={() => add({ name: '', agentId: null, secret: '' })}
              >
                {t('profiles.addApp')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Form.Item
          name="liveAnchors"
          label={t('profiles.liveAnchors')}
          extra={active ? t('profiles.liveAnchorsHelp') : `${t('profiles.liveAnchorsHelp')} ${t('profiles.liveAnchorsByUserid')}`}
          style={{ marginTop: 16 }}
        >
          {active ? (
            <UserSelect
              multiple
              maxCount={MAX_LIVE_ANCHORS}
              knownLabels={anchorLabels}
              placeholder={t('profiles.liveAnchorsPlaceholder')}
              aria-label={t('profiles.liveAnchors')}
              data-testid="profile-live-anchors"
            />
          ) : (
            <Select
              mode="tags"
              maxCount={MAX_LIVE_ANCHORS}
              open={false}
              tokenSeparators={[',', ' ', '，']}
              placeholder={t('profiles.liveAnchorsUseridPlaceholder')}
              aria-label={t('profiles.liveAnchors')}
              data-testid="profile-live-anchors"
            />
          )}
        </Form.Item>

        <Form.Item
          name="contactsSecret"
          label={
            <Space size={6}>
              {t('profiles.contactsSecret')}
              <SecretStorageTag storage={secretsStatus?.storage[CONTACTS_SECRET_APP]} testId="secret-storage-contacts" />
            </Space>
          }
          rules={[rule(['contactsSecret'])]}
          extra={t('profiles.contactsSecretHelp')}
          style={{ marginTop: 16 }}
        >
          <Input.Password autoComplete="new-password" spellCheck={false} />
        </Form.Item>
        {saveError ? <ErrorAlert error={saveError} /> : null}
      </Form>
    </Drawer>
  );
}

/** Names of the anchors the profile already lists, from the cache (the active profile's members). */
function useAnchorLabels(userids: readonly string[]): Record<string, string> {
  const named = useMemo(() => userids.slice(0, NAMED_ANCHORS).map((userid) => ({ userid })), [userids]);
  const found = useServiceQueries('users.get', named, { topics: ['users'] });
  const labels: Record<string, string> = {};
  for (const { data } of found) if (data) labels[data.user.userid] = userLabel(data.user);
  return labels;
}
