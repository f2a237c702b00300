import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderWithQueries } from '../../test-support/queries.tsx';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { RpcError } from '../../../shared/rpc-wire.ts';
import { defaultSettings } from '../../../shared/settings.ts';
import type { Profile, Settings } from '../../../shared/settings.ts';
import type { User } from '../../../shared/models.ts';
import { useSettingsStore } from '../../stores/settings.ts';
import type { SecretsStatus } from '../../stores/settings.ts';
import { ProfileForm } from './ProfileForm.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const SECRET = 'S3cr3t-ab12-ZZ-very-private';

function renderForm(options: { profile?: Profile | null; secrets?: SecretsStatus | null; active?: boolean } = {}) {
  const onClose = vi.fn();
  renderWithQueries(
    <AntApp>
      <ProfileForm
        open
        profile={options.profile ?? null}
        takenIds={new Set(['demo'])}
        secretsStatus={options.secrets ?? { keychainAvailable: true, reason: null, store: 'keychain', location: null, apps: {}, storage: {} }}
        active={options.active ?? false}
        onSubmit={useSettingsStore.getState().saveProfile}
        onClose={onClose}
      />
    </AntApp>,
  );
  const form = screen.getByTestId('profile-form');
  const app0 = within(screen.getByTestId('profile-app-0'));
  return {
    onClose,
    name: within(form).getByLabelText('名称') as HTMLInputElement,
    corpId: within(form).getByLabelText('企业 ID（CorpID）') as HTMLInputElement,
    agentId: app0.getByLabelText('AgentId') as HTMLInputElement,
    secret: app0.getByLabelText(/^Secret/) as HTMLInputElement,
  };
}

/** Pastes the whole value at once: one change event, as fast as a test can be. */
async function fill(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.click(input);
  await user.paste(text);
}

let saved: Settings;

beforeEach(() => {
  fakeApi.reset();
  useSettingsStore.setState({ settings: null, error: null, loading: false });
  saved = defaultSettings();
  fakeApi.handleMain('profiles.save', (profile) => {
    saved = { ...saved, profiles: [...saved.profiles.filter((p) => p.id !== profile.id), profile as Profile] };
    return saved;
  });
  fakeApi.handle('secrets.set', () => ({ ok: true, storage: 'keychain' }));
  fakeApi.handle('secrets.status', () => ({ keychainAvailable: true, reason: null, store: 'keychain', location: null, apps: { 'live-desk': true }, storage: { 'live-desk': 'keychain' } }));
});

describe('profile form validation', () => {
  it('rejects a corpId with other than letters and digits, with the message from the schema', async () => {
    const user = userEvent.setup();
    const { corpId } = renderForm();
    await fill(user, corpId, 'ww-12 34');
    expect(await screen.findByText('企业 ID 为 1–64 个英文字母或数字（不含空格和符号）')).toBeInTheDocument();
    await user.clear(corpId);
    await fill(user, corpId, 'ww1234abcd');
    await waitFor(() => expect(screen.queryByText('企业 ID 为 1–64 个英文字母或数字（不含空格和符号）')).not.toBeInTheDocument());
  });

  it('requires a positive agentid and a secret for a new app, and saves nothing until then', async () => {
    const user = userEvent.setup();
    const { name, corpId, agentId } = renderForm();
    await fill(user, name, '总部');
    await fill(user, corpId, 'ww1234abcd');
    await fill(user, agentId, '0');
    await user.click(screen.getByTestId('profile-save'));

    expect(await screen.findByText('AgentId 必须是正整数')).toBeInTheDocument();
    expect(await screen.findByText('请填写 Secret')).toBeInTheDocument();
    expect(fakeApi.mainCalls).toHaveLength(0);
    expect(fakeApi.callsOf('secrets.set')).toHaveLength(0);
  });

  it('keeps an empty agentid from passing as zero or null', async () => {
    const user = userEvent.setup();
    const { name, corpId, secret } = renderForm();
    await fill(user, name, '总部');
    await fill(user, corpId, 'ww1234abcd');
    await fill(user, secret, SECRET);
    await user.click(screen.getByTestId('profile-save'));
    expect(await screen.findByText('AgentId 必须是正整数')).toBeInTheDocument();
    expect(fakeApi.mainCalls).toHaveLength(0);
  });
});

describe('saving a profile', () => {
  it('sends the secret only to secrets.set, never to profiles.save', async () => {
    const user = userEvent.setup();
    const { name, corpId, agentId, secret, onClose } = renderForm();
    await fill(user, name, 'Headquarters');
    await fill(user, corpId, 'ww1234abcd');
    await fill(user, agentId, '1000002');
    await fill(user, secret, SECRET);
    await user.click(screen.getByTestId('profile-save'));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const saves = fakeApi.mainCalls.filter((c) => c.method === 'profiles.save');
    expect(saves).toHaveLength(1);
    expect(saves[0]?.input).toEqual({
      id: 'headquarters',
      name: 'Headquarters',
      kind: 'corp',
      corpId: 'ww1234abcd',
      apps: [{ name: 'live-desk', agentId: 1000002 }],
      hasContactsSecret: false,
    });
    expect(JSON.stringify(fakeApi.mainCalls)).not.toContain(SECRET);
    expect(fakeApi.callsOf('secrets.set').map((c) => c.input)).toEqual([
      { profileId: 'headquarters', app: 'live-desk', secret: SECRET },
    ]);
  });

  it('keeps what the user typed when saving fails, and shows the sentence', async () => {
    const user = userEvent.setup();
    fakeApi.handleMain('profiles.save', () => {
      throw new RpcError({ kind: 'internal', code: 'SETTINGS_WRITE', message: '设置文件无法写入' });
    });
    const { name, corpId, agentId, secret, onClose } = renderForm();
    await fill(user, name, '总部');
    await fill(user, corpId, 'ww1234abcd');
    await fill(user, agentId, '1000002');
    await fill(user, secret, SECRET);
    await user.click(screen.getByTestId('profile-save'));

    expect(await screen.findByTestId('error-alert')).toHaveTextContent('设置文件无法写入');
    expect(onClose).not.toHaveBeenCalled();
    expect(corpId.value).toBe('ww1234abcd');
    expect(secret.value).toBe(SECRET);
    expect(fakeApi.callsOf('secrets.set')).toHaveLength(0);
  });

  it('lets an edit keep the stored secret when the field stays blank', async () => {
    const user = userEvent.setup();
    const profile: Profile = {
      id: 'hq',
      name: '总部',
      kind: 'corp',
      corpId: 'ww1234abcd',
      apps: [{ name: 'live-desk', agentId: 1000002 }],
      hasContactsSecret: false,
    };
    const { onClose, secret } = renderForm({ profile, secrets: { keychainAvailable: true, reason: null, store: 'keychain', location: null, apps: { 'live-desk': true }, storage: { 'live-desk': 'keychain' } } });
    expect(secret).toHaveAttribute('placeholder', '已保存；留空表示不修改');
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(fakeApi.mainCalls.filter((c) => c.method === 'profiles.save')[0]?.input).toMatchObject({ id: 'hq', corpId: 'ww1234abcd' });
    expect(fakeApi.callsOf('secrets.set')).toHaveLength(0);
  });

  it('says "session only" when the keychain is unavailable', () => {
    renderForm({ secrets: { keychainAvailable: false, reason: 'Cannot autolaunch D-Bus', store: 'memory', location: null, apps: {}, storage: {} } });
    const warning = screen.getByTestId('keychain-unavailable');
    expect(warning).toHaveTextContent('仅本次会话');
    // the system's own message is a collapsed detail, not part of the sentence
    expect(within(warning).getByTestId('technical-details')).toHaveTextContent('技术细节Cannot autolaunch D-Bus');
    expect(within(warning).getByTestId('technical-details')).not.toHaveAttribute('open');
    expect(screen.queryByTestId('secrets-encrypted-file')).toBeNull();
  });

  it('says where the secrets are kept when the keychain is out and the encrypted file is used', () => {
    renderForm({
      secrets: {
        keychainAvailable: true,
        reason: 'keytar.node: invalid ELF header',
        store: 'encrypted-file',
        location: 'C:\\Users\\me\\AppData\\Roaming\\WeCom Live Desk\\secrets.enc.json',
        apps: {},
        storage: {},
      },
    });
    const note = screen.getByTestId('secrets-encrypted-file');
    expect(note).toHaveTextContent('Secret 保存在加密文件中');
    expect(note).toHaveTextContent('secrets.enc.json');
    expect(note).toHaveTextContent('invalid ELF header');
    expect(screen.queryByTestId('keychain-unavailable')).toBeNull();
  });
});

describe('test connection', () => {
  it('tests the typed credentials and explains a wrong secret (40001) with its fix', async () => {
    const user = userEvent.setup();
    fakeApi.handle('connection.test', () => ({
      ok: false,
      latencyMs: 42,
      error: { kind: 'wecom', code: 'WECOM_40001', errcode: 40001, params: { errmsg: 'invalid credential', endpoint: '/cgi-bin/gettoken' }, message: 'Invalid secret or credential' },
      errcode: 40001,
    }));
    const { corpId, agentId, secret } = renderForm();
    await fill(user, corpId, 'ww1234abcd');
    await fill(user, agentId, '1000002');
    await fill(user, secret, 'wrong-secret');
    await user.click(screen.getByTestId('test-connection'));

    const result = await screen.findByTestId('test-connection-result');
    // worded by the renderer from the shared errcode table, in the app's language
    expect(result).toHaveTextContent('Secret 不正确或凭证无效（错误码 40001）');
    expect(result).toHaveTextContent('错误码 40001');
    expect(result).toHaveTextContent('检查应用的 Secret 是否正确');
    expect(fakeApi.callsOf('connection.test')[0]?.input).toEqual({ corpId: 'ww1234abcd', agentId: 1000002, secret: 'wrong-secret' });
    expect(fakeApi.mainCalls).toHaveLength(0);
  });

  it('asks for the secret instead of testing without one', async () => {
    const user = userEvent.setup();
    const { corpId, agentId } = renderForm();
    await fill(user, corpId, 'ww1234abcd');
    await fill(user, agentId, '1000002');
    await user.click(screen.getByTestId('test-connection'));
    expect(await screen.findByText('测试连接需要填写 Secret')).toBeInTheDocument();
    expect(fakeApi.callsOf('connection.test')).toHaveLength(0);
  });
});

describe('removing a profile', () => {
  it('removes the profile through main and its secrets from the keychain', async () => {
    const profile: Profile = {
      id: 'hq',
      name: '总部',
      kind: 'corp',
      corpId: 'ww1234abcd',
      apps: [{ name: 'live-desk', agentId: 1000002 }],
      hasContactsSecret: true,
    };
    useSettingsStore.setState({ settings: { ...defaultSettings(), profiles: [profile] } });
    fakeApi.handleMain('profiles.remove', () => defaultSettings());
    fakeApi.handle('secrets.delete', () => ({ ok: true }));
    await useSettingsStore.getState().removeProfile('hq');
    expect(fakeApi.mainCalls.map((c) => [c.method, c.input])).toEqual([['profiles.remove', { id: 'hq' }]]);
    expect(fakeApi.callsOf('secrets.delete').map((c) => c.input)).toEqual([
      { profileId: 'hq', app: 'live-desk' },
      { profileId: 'hq', app: 'contacts' },
    ]);
    expect(useSettingsStore.getState().settings?.profiles).toEqual([]);
  });

  it('deletes the secret of an app that an edit removed', async () => {
    const profile: Profile = {
      id: 'hq',
      name: '总部',
      kind: 'corp',
      corpId: 'ww1234abcd',
      apps: [
        { name: 'live-desk', agentId: 1000002 },
        { name: 'old-app', agentId: 1000009 },
      ],
      hasContactsSecret: false,
    };
    useSettingsStore.setState({ settings: { ...defaultSettings(), profiles: [profile] } });
    fakeApi.handle('secrets.delete', () => ({ ok: true }));
    await useSettingsStore.getState().saveProfile({ profile: { ...profile, apps: [profile.apps[0]!] }, secrets: {} });
    expect(fakeApi.callsOf('secrets.delete').map((c) => c.input)).toEqual([{ profileId: 'hq', app: 'old-app' }]);
    expect(fakeApi.callsOf('secrets.set')).toHaveLength(0);
  });
});

describe('lives anchors', () => {
  const fresh = { asOf: 1_700_000_000_000, stale: false };
  const member = (userid: string, name: string): User => ({ userid, name, position: '', status: 1, mainDepartment: 1, departments: [1] });
  const members = [member('zhangsan', '张三'), member('lisi', '李四'), member('wangwu', '王五')];
  const hq: Profile = {
    id: 'hq',
    name: '总部',
    kind: 'corp',
    corpId: 'ww1234abcd',
    apps: [{ name: 'live-desk', agentId: 1000002 }],
    hasContactsSecret: false,
    liveAnchors: ['zhangsan'],
  };
  const stored: SecretsStatus = { keychainAvailable: true, reason: null, store: 'keychain', location: null, apps: { 'live-desk': true }, storage: { 'live-desk': 'keychain' } };
  const savedProfile = () => fakeApi.mainCalls.filter((c) => c.method === 'profiles.save').at(-1)?.input as Profile | undefined;

  beforeEach(() => {
    fakeApi.handle('users.get', ({ userid }) => {
      const user = members.find((m) => m.userid === userid);
      if (!user) throw new RpcError({ kind: 'validation', code: 'NOT_FOUND', message: 'No such member.' });
      return { ...fresh, user, departmentNames: [], tags: [], watched: [] };
    });
    fakeApi.handle('users.search', ({ query = '' }) => {
      const rows = members.filter((m) => m.name.includes(query) || m.userid.includes(query));
      return { ...fresh, total: rows.length, rows };
    });
  });

  it('explains what the anchors are for, shows the stored ones by name and adds one picked by name', async () => {
    const user = userEvent.setup();
    const { onClose } = renderForm({ profile: hq, secrets: stored, active: true });
    expect(screen.getByText(/每次同步都会查找这些成员的直播/)).toBeInTheDocument();
    const picker = screen.getByTestId('profile-live-anchors');
    expect(await within(picker).findByText('张三')).toBeInTheDocument();
    await user.click(within(picker).getByRole('combobox'));
    await user.keyboard('李');
    await user.click(await screen.findByText('李四 (lisi)'));
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(savedProfile()?.liveAnchors).toEqual(['zhangsan', 'lisi']);
  });

  it('removing every anchor leaves none in the profile', async () => {
    const user = userEvent.setup();
    const { onClose } = renderForm({ profile: hq, secrets: stored, active: true });
    const picker = screen.getByTestId('profile-live-anchors');
    await within(picker).findByText('张三');
    await user.click(within(picker).getByLabelText('close'));
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(savedProfile()).not.toHaveProperty('liveAnchors');
  });

  it('for a profile that is not active, takes typed userids and never searches the cache (another corp\'s members)', async () => {
    const user = userEvent.setup();
    const { onClose } = renderForm({ profile: hq, secrets: stored, active: false });
    expect(screen.getByText(/切换到此企业配置后可按姓名选择成员/)).toBeInTheDocument();
    const picker = screen.getByTestId('profile-live-anchors');
    expect(within(picker).getByText('zhangsan')).toBeInTheDocument();
    await user.click(within(picker).getByRole('combobox'));
    await user.keyboard('zhaoliu{Enter}');
    await user.click(screen.getByTestId('profile-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(savedProfile()?.liveAnchors).toEqual(['zhangsan', 'zhaoliu']);
    expect(fakeApi.callsOf('users.search')).toHaveLength(0);
    expect(fakeApi.callsOf('users.get')).toHaveLength(0);
  });
});
