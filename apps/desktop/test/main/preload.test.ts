import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import type { DesktopBridge } from '../../src/shared/contract.ts';
import { IPC } from '../../src/shared/ipc-channels.ts';
import type * as FakeElectron from './fake-electron.ts';

const posted: Array<{ data: unknown; origin: string; transfer: unknown[] }> = [];

// A fresh preload and a fresh fake Electron per test: the preload keeps module state.
let contextBridge: typeof FakeElectron.contextBridge;
let ipcRenderer: typeof FakeElectron.ipcRenderer;
let MessagePortMain: typeof FakeElectron.MessagePortMain;

async function loadPreload(): Promise<DesktopBridge> {
  await import('../../src/preload/index.ts');
  const bridge = contextBridge.exposed.get('wld');
  if (!bridge) throw new Error('the preload exposed nothing as window.wld');
  return bridge as DesktopBridge;
}

beforeEach(async () => {
  vi.resetModules();
  // Whatever instance the preload will import as `electron`.
  const fake = (await import('electron')) as unknown as typeof FakeElectron;
  fake.resetFakeElectron();
  ({ contextBridge, ipcRenderer, MessagePortMain } = fake);
  posted.length = 0;
  vi.stubGlobal('window', {
    postMessage: (data: unknown, origin: string, transfer: unknown[] = []) =>
      posted.push({ data, origin, transfer }),
  });
  vi.stubGlobal('location', { origin: 'app://wld' });
});
afterEach(() => vi.unstubAllGlobals());

describe('preload bridge', () => {
  it('exposes window.wld only, with just the bridge members', async () => {
    const bridge = await loadPreload();
    expect([...contextBridge.exposed.keys()]).toEqual(['wld']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'requestServicesPort', 'subscribe', 'version']);
    expect(bridge.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('invoke sends {method, input} on wld:invoke and unwraps the answer', async () => {
    const bridge = await loadPreload();
    ipcRenderer.invokeHandler = (channel, request) => {
      expect(channel).toBe(IPC.invoke);
      expect(request).toEqual({ method: 'settings.get', input: {} });
      return { ok: true, output: { language: 'en-US' } };
    };
    await expect(bridge.invoke('settings.get', {})).resolves.toEqual({ language: 'en-US' });
  });

  it('invoke rejects with the plain ServiceError main sent, code and errcode kept', async () => {
    const bridge = await loadPreload();
    const sent = { kind: 'validation', code: 'INVALID_INPUT', message: 'Invalid input for settings.update: theme' };
    ipcRenderer.invokeHandler = () => ({ ok: false, error: sent });
    const error = await bridge.invoke('settings.update', { theme: 'light' }).catch((e: unknown) => e);
    // a plain object, not an Error: contextBridge copies only an Error's message across worlds
    expect(error).not.toBeInstanceOf(Error);
    expect(structuredClone(error)).toEqual(sent);
    ipcRenderer.invokeHandler = () => ({ ok: false, error: { ...sent, kind: 'wecom', code: 'WECOM_60011', errcode: 60011 } });
    await expect(bridge.invoke('settings.get', {})).rejects.toEqual({ ...sent, kind: 'wecom', code: 'WECOM_60011', errcode: 60011 });
  });

  it('subscribe passes the payload only, stops after unsubscribe, and refuses unknown events', async () => {
    const bridge = await loadPreload();
    const seen: unknown[][] = [];
    const off = bridge.subscribe('services.state', (...args: unknown[]) => void seen.push(args));
    ipcRenderer.deliver(IPC.event, {
      event: 'services.state',
      payload: { state: 'running', restarts: 0, message: null },
      seq: 1,
    });
    ipcRenderer.deliver(IPC.event, { event: 'settings.changed', payload: {}, seq: 2 });
    off();
    ipcRenderer.deliver(IPC.event, {
      event: 'services.state',
      payload: { state: 'failed', restarts: 0, message: 'x' },
      seq: 3,
    });
    expect(seen).toEqual([[{ state: 'running', restarts: 0, message: null }]]);
    expect(() => bridge.subscribe('ipc.raw' as never, () => {})).toThrow(/Unknown event/);
  });

  it('replays the current state to a late subscriber, but never over a newer live event', async () => {
    const bridge = await loadPreload();
    let answerSticky: (value: unknown) => void = () => {};
    ipcRenderer.invokeHandler = (channel) => {
      expect(channel).toBe(IPC.subscribe);
      return new Promise((resolve) => (answerSticky = resolve));
    };
    const seen: unknown[] = [];
    bridge.subscribe('launcher.progress', (p) => void seen.push(p));
    // A live event arrives before the replay answer; the older replay must be dropped.
    ipcRenderer.deliver(IPC.event, {
      event: 'launcher.progress',
      payload: { step: 3, total: 5, label: 'c' },
      seq: 9,
    });
    answerSticky({ payload: { step: 2, total: 5, label: 'b' }, seq: 7 });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ step: 3, total: 5, label: 'c' }]);

    const late: unknown[] = [];
    ipcRenderer.invokeHandler = () => ({ payload: { step: 4, total: 5, label: 'd' }, seq: 11 });
    bridge.subscribe('launcher.progress', (p) => void late.push(p));
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual([{ step: 4, total: 5, label: 'd' }]);
  });

  it('requestServicesPort asks main with a fresh nonce and relays the port to the page under that nonce only', async () => {
    const bridge = await loadPreload();
    const nonce = await bridge.requestServicesPort();
    expect(nonce).toMatch(/^[0-9a-f-]{36}$/);
    expect(ipcRenderer.sentToMain).toEqual([{ channel: IPC.requestPort, args: [{ nonce }] }]);
    const other = await bridge.requestServicesPort();
    expect(other).not.toBe(nonce);

    const port = new MessagePortMain();
    ipcRenderer.deliver(IPC.port, { nonce: 'not-ours' }, [new MessagePortMain()]);
    expect(posted).toHaveLength(0);
    ipcRenderer.deliver(IPC.port, { nonce }, [port]);
    expect(posted).toEqual([{ data: { type: 'wld:port', nonce }, origin: 'app://wld', transfer: [port] }]);
  });
});
