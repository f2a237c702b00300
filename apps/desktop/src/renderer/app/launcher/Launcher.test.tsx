import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DesktopBridge, MainEvent } from '../../../shared/contract.ts';
import { Launcher } from './Launcher.tsx';

function fakeBridge(language: 'zh-CN' | 'en-US' = 'en-US') {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const invoke = vi.fn(async (method: string) => (method === 'settings.get' ? { language } : { ok: true }));
  const bridge = {
    version: 'test',
    invoke,
    subscribe: (event: MainEvent, l: (p: unknown) => void) => {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(l);
      return () => set.delete(l);
    },
    requestServicesPort: async () => 'n',
  } as unknown as DesktopBridge;
  const emit = (event: MainEvent, payload: unknown) => act(() => listeners.get(event)?.forEach((l) => l(payload)));
  return { bridge, invoke, emit };
}

describe('Launcher', () => {
  it('shows the current step with a determinate progress bar', async () => {
    const { bridge, emit } = fakeBridge();
    render(<Launcher bridge={bridge} />);
    await waitFor(() => expect(screen.getByText('WeCom Live Desk')).toBeInTheDocument());
    emit('launcher.progress', { step: 2, total: 5, label: 'credentials' });
    expect(screen.getByTestId('launcher-step')).toHaveTextContent('Loading credentials…');
    expect(screen.getByTestId('launcher-progress')).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByText('Step 2 of 5')).toBeInTheDocument();
    emit('launcher.progress', {
      step: 5,
      total: 5,
      label: 'refresh.org',
      counts: { done: 3, total: 9 },
      note: { code: 'RETRYING', params: { unit: 'department 7', code: 'HTTP_502' }, message: 'department 7 failed for now (HTTP_502); retrying', until: null },
    });
    expect(screen.getByTestId('launcher-step')).toHaveTextContent('Syncing the organisation… 3/9 · department 7 failed for now (HTTP_502); retrying');
  });

  it('words the steps and the services’ errors in Chinese from their keys and codes', async () => {
    const { bridge, emit } = fakeBridge('zh-CN');
    render(<Launcher bridge={bridge} />);
    await waitFor(() => expect(screen.getByText('企微直播台')).toBeInTheDocument());
    emit('launcher.progress', { step: 1, total: 4, label: 'cache' });
    expect(screen.getByTestId('launcher-step')).toHaveTextContent('正在打开本地缓存…');
    emit('launcher.error', {
      message: 'WeCom refused the credentials',
      error: { kind: 'wecom', code: 'WRONG_SECRET', errcode: 40001, message: 'WeCom refused the credentials' },
      canContinueOffline: false,
    });
    expect(screen.getByTestId('launcher-error')).toHaveTextContent('企业微信拒绝了凭据：应用 Secret 或企业 ID 不正确，请在设置中检查');
    emit('launcher.error', {
      message: 'Offline',
      error: { kind: 'offline', code: 'OFFLINE', params: { context: 'read' }, message: 'Offline' },
      canContinueOffline: true,
    });
    expect(screen.getByTestId('launcher-error')).toHaveTextContent('当前离线：无法连接企业微信，请在连接恢复后重试');
  });

  it('offers Retry and Continue offline on an error, and calls main', async () => {
    const { bridge, emit, invoke } = fakeBridge();
    render(<Launcher bridge={bridge} />);
    emit('launcher.error', { message: 'WeCom did not answer within 30 s', canContinueOffline: true });
    expect(screen.getByTestId('launcher-error')).toHaveTextContent('WeCom did not answer within 30 s');
    fireEvent.click(screen.getByTestId('launcher-offline'));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('launcher.continueOffline', {}));

    emit('launcher.error', { message: 'The cache is locked', canContinueOffline: false });
    expect(screen.queryByTestId('launcher-offline')).toBeNull();
    fireEvent.click(screen.getByTestId('launcher-retry'));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('launcher.retry', {}));
    await waitFor(() => expect(screen.queryByTestId('launcher-error')).toBeNull());
  });

  it('first run: both choices start the Demo; "Connect my corp" asks for Settings after start', async () => {
    const { bridge, emit, invoke } = fakeBridge('zh-CN');
    render(<Launcher bridge={bridge} />);
    await waitFor(() => expect(screen.getByText('企微直播台')).toBeInTheDocument());
    emit('launcher.firstRun', {});
    expect(screen.getByTestId('launcher-corp')).toHaveTextContent('随后在“设置”中添加企业');
    fireEvent.click(screen.getByTestId('launcher-corp'));
    await waitFor(() => expect(invoke).toHaveBeenCalledWith('launcher.chooseDemo', {}));
    expect(localStorage.getItem('wld.openAfterStart')).toBe('/settings');
  });

  it("shows main's sentence when a call fails with a plain ServiceError", async () => {
    const { bridge, emit, invoke } = fakeBridge();
    invoke.mockImplementation(async (method: string) => {
      if (method === 'settings.get') return { language: 'en-US' };
      throw { kind: 'forbidden', code: 'FORBIDDEN', message: 'The launcher window may not call that.' };
    });
    render(<Launcher bridge={bridge} />);
    emit('launcher.error', { message: 'The cache is locked', canContinueOffline: false });
    fireEvent.click(screen.getByTestId('launcher-retry'));
    expect(await screen.findByText('That did not work: The launcher window may not call that.')).toBeInTheDocument();
  });
});
