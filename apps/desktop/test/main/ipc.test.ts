import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { mainContract } from '../../src/shared/contract.ts';
import { IPC } from '../../src/shared/ipc-channels.ts';
import { serviceErrorSchema } from '../../src/shared/models.ts';
import { isMethodAllowed } from '../../src/main/ipc-router.ts';
import { ipcMain, lastServices, readyFakeElectron, shell } from './fake-electron.ts';
import { createTestApp, disposeTestApps, invokeFrom, launcherWindow, startToMainWindow } from './helpers.ts';

beforeEach(() => readyFakeElectron());
afterEach(() => disposeTestApps());

describe('IPC sender check', () => {
  it('refuses calls from a frame that is not our page, from an iframe, and from an unknown webContents', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const request = { method: 'settings.get', input: {} };

    const foreignPage = {
      sender: main.webContents,
      senderFrame: { url: 'https://evil.example/', parent: null },
    };
    const fileUrl = { sender: main.webContents, senderFrame: { url: 'file:///etc/passwd', parent: null } };
    const iframe = {
      sender: main.webContents,
      senderFrame: { url: 'app://wld/index.html', parent: { url: 'app://wld/index.html', parent: null } },
    };
    const gone = { sender: main.webContents, senderFrame: null };
    const stranger = { sender: { id: 999_999 }, senderFrame: { url: 'app://wld/index.html', parent: null } };
    const otherHost = {
      sender: main.webContents,
      senderFrame: { url: 'app://other/index.html', parent: null },
    };

    for (const event of [foreignPage, fileUrl, iframe, gone, stranger, otherHost]) {
      await expect(ipcMain.invoke(IPC.invoke, event, request)).resolves.toMatchObject({
        ok: false,
        error: { kind: 'forbidden', code: 'FORBIDDEN' },
      });
    }
    // Our own page is answered.
    await expect(ipcMain.invoke(IPC.invoke, main.webContents.ipcEvent(), request)).resolves.toMatchObject({
      ok: true,
    });
    expect(test.log.lines.filter((l) => l.text.includes('unknown sender'))).toHaveLength(6);
  });

  it('refuses a port request and a subscription from a foreign frame', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const foreign = { sender: main.webContents, senderFrame: { url: 'https://evil.example/', parent: null } };
    ipcMain.emit(IPC.requestPort, foreign, { nonce: 'nonce-0001' });
    expect(lastServices().postedOf('connect')).toHaveLength(0);
    await expect(ipcMain.invoke(IPC.subscribe, foreign, 'services.state')).resolves.toBeNull();
    await expect(
      ipcMain.invoke(IPC.subscribe, main.webContents.ipcEvent(), 'services.state'),
    ).resolves.toMatchObject({
      payload: { state: 'running' },
    });
  });
});

describe('invoke validation', () => {
  it('rejects malformed envelopes, unknown methods and inputs outside the contract', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const event = main.webContents.ipcEvent();
    const cases: Array<[unknown, string]> = [
      [null, 'INVALID_REQUEST'],
      ['settings.get', 'INVALID_REQUEST'],
      [{ method: 'settings.get', input: {}, extra: 1 }, 'INVALID_REQUEST'],
      [{ method: 'constructor', input: {} }, 'UNKNOWN_METHOD'],
      [{ method: '__proto__', input: {} }, 'UNKNOWN_METHOD'],
      [{ method: 'fs.readFile', input: {} }, 'UNKNOWN_METHOD'],
      [{ method: 'settings.get', input: { x: 1 } }, 'INVALID_INPUT'],
      [{ method: 'settings.update', input: { language: 'fr-FR' } }, 'INVALID_INPUT'],
      [{ method: 'settings.update', input: { network: { timeoutMs: 5 } } }, 'INVALID_INPUT'],
      [
        { method: 'profiles.save', input: { id: 'Bad Id!', name: 'x', kind: 'corp', corpId: '', apps: [] } },
        'INVALID_INPUT',
      ],
      [{ method: 'app.openExternal', input: { url: 'not a url' } }, 'INVALID_INPUT'],
      [{ method: 'profiles.activate', input: {} }, 'INVALID_INPUT'],
    ];
    for (const [request, code] of cases) {
      const result = await ipcMain.invoke(IPC.invoke, event, request);
      expect(result, JSON.stringify(request)).toMatchObject({ ok: false, error: { code } });
    }
    // None of them changed the settings.
    expect(test.settings.get().language).toBe('zh-CN');
  });

  it('names the invalid field in the message', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const result = (await invokeFrom(main, 'settings.update', { theme: 'pink' })) as {
      error: { message: string };
    };
    expect(result.error.message).toMatch(/settings\.update.*theme/);
    // the one error shape: a plain ServiceError that the renderer reads as any other
    expect(serviceErrorSchema.parse(result.error)).toMatchObject({ kind: 'validation', code: 'INVALID_INPUT' });
  });

  it('lets the launcher drive start-up only, and the main window everything else', () => {
    const methods = Object.keys(mainContract) as Array<keyof typeof mainContract>;
    for (const method of methods) {
      expect(isMethodAllowed('main', method)).toBe(!method.startsWith('launcher.'));
    }
    expect(isMethodAllowed('launcher', 'launcher.chooseDemo')).toBe(true);
    expect(isMethodAllowed('launcher', 'settings.get')).toBe(true);
    expect(isMethodAllowed('launcher', 'profiles.save')).toBe(false);
    expect(isMethodAllowed('launcher', 'settings.update')).toBe(false);
    expect(isMethodAllowed('launcher', 'app.openExternal')).toBe(false);
  });

  it('answers app.info and refuses links outside the allow-list', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    await expect(invokeFrom(main, 'app.info')).resolves.toMatchObject({
      ok: true,
      output: { version: '0.1.0', platform: process.platform, logFolder: `${test.userData}/logs` },
    });
    await expect(
      invokeFrom(main, 'app.openExternal', { url: 'https://evil.example/' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { kind: 'forbidden', code: 'LINK_NOT_ALLOWED' },
    });
    await expect(
      invokeFrom(main, 'app.openExternal', {
        url: 'https://developer.work.weixin.qq.com/document/path/90236',
      }),
    ).resolves.toMatchObject({ ok: true });
    expect(shell.openedExternal).toEqual(['https://developer.work.weixin.qq.com/document/path/90236']);
  });
});

describe('state replay on subscribe', () => {
  it('a launcher that subscribes late still gets the current step, and only the newest launcher state', async () => {
    const test = createTestApp();
    test.context.start();
    const services = lastServices();
    services.say({ type: 'ready' });
    services.say({ type: 'progress', step: 2, total: 5, id: 'credentials', label: 'credentials' });
    const event = launcherWindow().webContents.ipcEvent();
    const progress = (await ipcMain.invoke(IPC.subscribe, event, 'launcher.progress')) as {
      payload: unknown;
      seq: number;
    };
    expect(progress.payload).toEqual({ step: 2, total: 5, label: 'credentials' });
    const unreachable = { kind: 'network', code: 'NETWORK_REFUSED', message: 'unreachable' } as const;
    services.say({ type: 'initFailed', id: 'connection', message: 'unreachable', error: unreachable, canContinueOffline: false });
    await expect(ipcMain.invoke(IPC.subscribe, event, 'launcher.progress')).resolves.toBeNull();
    const error = (await ipcMain.invoke(IPC.subscribe, event, 'launcher.error')) as {
      payload: unknown;
      seq: number;
    };
    expect(error.payload).toEqual({ message: 'unreachable', error: unreachable, canContinueOffline: false });
    expect(error.seq).toBeGreaterThan(progress.seq);
    await expect(ipcMain.invoke(IPC.subscribe, event, 'no.such.event')).resolves.toBeNull();
  });
});
