import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import '../i18n/index.ts';
import { fakeApi } from '../test-support/fakeApi.ts';
import { RpcError } from '../../shared/rpc-wire.ts';
import type { ConnectionState } from '../../shared/models.ts';
import { initialConnectionState, useConnectionStore } from './connection.ts';
import { useOnlineAction } from '../hooks/useOnlineAction.ts';

vi.mock('../api/client.ts', async () => (await import('../test-support/fakeApi.ts')).fakeClientModule());

const offline: ConnectionState = {
  state: 'offline',
  asOf: 1_763_700_000_000,
  since: 1_763_700_100_000,
  lastError: { kind: 'network', code: 'NETWORK', message: '无法连接企业微信服务器' },
};
const online: ConnectionState = { state: 'online', asOf: 1_763_700_200_000, since: 1_763_700_200_000, lastError: null };

beforeEach(() => {
  fakeApi.reset();
  useConnectionStore.setState(initialConnectionState);
});

describe('connection store', () => {
  it('loads the state on start and follows connection and services.state events', async () => {
    fakeApi.handle('connection.state', () => offline);
    const stop = useConnectionStore.getState().start();
    await waitFor(() => expect(useConnectionStore.getState().state).toBe('offline'));
    expect(useConnectionStore.getState().asOf).toBe(offline.asOf);
    expect(useConnectionStore.getState().lastError?.message).toBe('无法连接企业微信服务器');

    fakeApi.emit('connection', online);
    expect(useConnectionStore.getState()).toMatchObject({ state: 'online', lastError: null, asOf: online.asOf });

    fakeApi.emitMain('services.state', { state: 'restarting', restarts: 1, message: null });
    expect(useConnectionStore.getState().servicesState).toEqual({ state: 'restarting', restarts: 1, message: null });

    // Back up: the new services are asked for the connection state again.
    fakeApi.handle('connection.state', () => online);
    useConnectionStore.getState().applyConnection(offline);
    fakeApi.emitMain('services.state', { state: 'running', restarts: 1, message: null });
    await waitFor(() => expect(useConnectionStore.getState().state).toBe('online'));
    expect(fakeApi.callsOf('connection.state')).toHaveLength(2);

    stop();
    fakeApi.emit('connection', offline);
    expect(useConnectionStore.getState().state).toBe('online');
  });

  it('reconnect asks the services and keeps the reason when WeCom is still unreachable', async () => {
    useConnectionStore.getState().applyConnection(offline);
    fakeApi.handle('connection.reconnect', () => ({ ...offline, lastError: { kind: 'network', code: 'TIMEOUT', message: '连接超时' } }));
    await act(() => useConnectionStore.getState().reconnect());
    expect(useConnectionStore.getState()).toMatchObject({ state: 'offline', reconnecting: false });
    expect(useConnectionStore.getState().reconnectError?.message).toBe('连接超时');

    fakeApi.handle('connection.reconnect', () => online);
    await act(() => useConnectionStore.getState().reconnect());
    expect(useConnectionStore.getState()).toMatchObject({ state: 'online', reconnectError: null });
  });

  it("asks the services to try WeCom when the system's network goes down or comes back", async () => {
    fakeApi.handle('connection.state', () => online);
    const stop = useConnectionStore.getState().start();
    await waitFor(() => expect(useConnectionStore.getState().state).toBe('online'));

    // down: the services probe now and say offline, instead of at their next WeCom call
    fakeApi.handle('connection.reconnect', () => offline);
    window.dispatchEvent(new Event('offline'));
    await waitFor(() => expect(useConnectionStore.getState().state).toBe('offline'));
    expect(fakeApi.callsOf('connection.reconnect')).toHaveLength(1);
    // a second "down" while offline asks nothing
    window.dispatchEvent(new Event('offline'));

    // back: the services probe again and come back online; the banner's reason is not touched
    fakeApi.handle('connection.reconnect', () => online);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(useConnectionStore.getState().state).toBe('online'));
    expect(fakeApi.callsOf('connection.reconnect')).toHaveLength(2);
    expect(useConnectionStore.getState()).toMatchObject({ reconnecting: false, reconnectError: null });

    // unconfigured (no or refused credentials): only new credentials help, nothing is asked
    useConnectionStore.getState().applyConnection({ ...offline, state: 'unconfigured' });
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('offline'));
    expect(fakeApi.callsOf('connection.reconnect')).toHaveLength(2);

    // stopped: the window's events are no longer followed
    useConnectionStore.getState().applyConnection(online);
    stop();
    window.dispatchEvent(new Event('offline'));
    expect(fakeApi.callsOf('connection.reconnect')).toHaveLength(2);
  });

  it('reconnect turns a failed call into a ServiceError', async () => {
    fakeApi.handle('connection.reconnect', () => {
      throw new RpcError({ kind: 'internal', code: 'SERVICES_FAILED', message: '后台服务已停止' });
    });
    await act(() => useConnectionStore.getState().reconnect());
    expect(useConnectionStore.getState().reconnectError).toMatchObject({ code: 'SERVICES_FAILED', message: '后台服务已停止' });
  });
});

describe('useOnlineAction', () => {
  it('is enabled online and disabled with the reason otherwise', () => {
    const { result } = renderHook(() => useOnlineAction());
    expect(result.current).toEqual({ disabled: true, reason: '正在检查与企业微信的连接' });

    act(() => useConnectionStore.getState().applyConnection(online));
    expect(result.current).toEqual({ disabled: false, reason: null });

    act(() => useConnectionStore.getState().applyConnection(offline));
    expect(result.current).toEqual({ disabled: true, reason: '离线时无法操作，需要连接企业微信' });

    act(() => useConnectionStore.getState().applyConnection({ ...online, state: 'unconfigured' }));
    expect(result.current.reason).toBe('尚未配置企业：请在“设置”中添加企业');

    act(() => {
      useConnectionStore.getState().applyConnection(online);
      useConnectionStore.getState().applyServicesState({ state: 'restarting', restarts: 2, message: null });
    });
    expect(result.current).toEqual({ disabled: true, reason: '后台服务正在重启，请稍候' });
  });
});
