import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { renderWithQueries } from '../../test-support/queries.tsx';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import '../../i18n/index.ts';
import '../../test-support/jsdom.ts';
import { fakeApi } from '../../test-support/fakeApi.ts';
import { defaultSettings } from '../../../shared/settings.ts';
import type { SecretsStatus } from '../../stores/settings.ts';
import { useSettingsStore } from '../../stores/settings.ts';
import { NetworkSection } from './NetworkSection.tsx';

vi.mock('../../api/client.ts', async () => (await import('../../test-support/fakeApi.ts')).fakeClientModule());

const status = (network?: SecretsStatus['network']): SecretsStatus => ({
  keychainAvailable: true,
  reason: null,
  store: 'keychain',
  location: null,
  apps: {},
  storage: {},
  ...(network ? { network } : {}),
});

function renderSection() {
  renderWithQueries(
    <AntApp>
      <NetworkSection settings={defaultSettings()} />
    </AntApp>,
  );
}

beforeEach(() => {
  fakeApi.reset();
  useSettingsStore.setState({ settings: null, error: null, loading: false });
});

describe('network section: credentials an older version left in the settings file', () => {
  it('says they were moved to the keychain', async () => {
    fakeApi.handle('secrets.status', () => status({ state: 'moved', count: 2, reason: null }));
    renderSection();
    expect(await screen.findByTestId('network-credentials-moved')).toHaveTextContent('2 项网关请求头值或代理凭据已移入系统钥匙串');
  });

  it('says they are still in plain text, and why, when there is no keychain', async () => {
    fakeApi.handle('secrets.status', () => status({ state: 'kept', count: 1, reason: 'Cannot autolaunch D-Bus' }));
    renderSection();
    const notice = await screen.findByTestId('network-credentials-moved');
    expect(notice).toHaveTextContent('仍以明文保存在设置文件中');
    expect(notice).toHaveTextContent('Cannot autolaunch D-Bus');
  });

  it('says nothing when there were none', async () => {
    fakeApi.handle('secrets.status', () => status());
    renderSection();
    await vi.waitFor(() => expect(fakeApi.callsOf('secrets.status')).toHaveLength(1));
    expect(screen.queryByTestId('network-credentials-moved')).toBeNull();
  });
});

describe('network section: Enter', () => {
  it('Enter in a field saves nothing; the save button does', async () => {
    const user = userEvent.setup();
    fakeApi.handleMain('settings.update', (patch) => ({ ...defaultSettings(), ...(patch as object) }));
    renderSection();
    const baseUrl = screen.getByLabelText('接口地址或 API 网关');
    await user.type(baseUrl, 'https://gw.example.com{Enter}');
    expect(fakeApi.mainCalls).toHaveLength(0);
    await user.click(screen.getByTestId('network-save'));
    await waitFor(() => expect(fakeApi.mainCalls.length).toBeGreaterThan(0));
  });
});

describe('network section: numbers as typed', () => {
  it('keeps an out-of-range number as typed and says the range, instead of replacing it', async () => {
    const user = userEvent.setup();
    fakeApi.handle('secrets.status', () => status());
    renderSection();
    const timeout = screen.getByLabelText(/超时/);
    await user.clear(timeout);
    await user.type(timeout, '-5');
    await user.tab();
    await waitFor(() => expect(screen.getByText('请填写 1,000 到 300,000 之间的整数')).toBeInTheDocument());
    expect(timeout).toHaveValue('-5');
  });
});
