import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { IPC } from '../../src/shared/ipc-channels.ts';
import {
  BrowserWindow,
  forked,
  ipcMain,
  lastServices,
  MessagePortMain,
  readyFakeElectron,
} from './fake-electron.ts';
import {
  createTestApp,
  disposeTestApps,
  requestPortFrom,
  servicesComeUp,
  startToMainWindow,
} from './helpers.ts';

beforeEach(() => readyFakeElectron());
afterEach(() => disposeTestApps());

function portsPostedTo(window: BrowserWindow) {
  return window.webContents.posted.filter((p) => p.channel === IPC.port);
}

describe('port brokering', () => {
  it('gives one end of a new channel to the services (connect) and the other to the window, with its nonce', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    requestPortFrom(main, 'nonce-0001');
    const [connect] = lastServices().postedOf('connect');
    expect(connect?.message).toEqual({ type: 'connect', windowId: main.id });
    expect(connect?.transfer).toHaveLength(1);
    const [toWindow] = portsPostedTo(main);
    expect(toWindow?.message).toEqual({ nonce: 'nonce-0001' });
    expect(toWindow?.transfer).toHaveLength(1);
    const servicesEnd = connect?.transfer[0];
    const windowEnd = toWindow?.transfer[0];
    expect(servicesEnd).toBeInstanceOf(MessagePortMain);
    expect(windowEnd).toBeInstanceOf(MessagePortMain);
    // Two ends of one channel, not the same port twice.
    expect(servicesEnd).not.toBe(windowEnd);
    expect(test.context.ports.isConnected(main.id)).toBe(true);
  });

  it('a reload asks again: the services drop the old end before the new connect', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    requestPortFrom(main, 'nonce-0001');
    requestPortFrom(main, 'nonce-0002');
    const types = lastServices()
      .posted.map((p) => p.message)
      .filter((m) => m.type === 'connect' || m.type === 'disconnect');
    expect(types).toEqual([
      { type: 'connect', windowId: main.id },
      { type: 'disconnect', windowId: main.id },
      { type: 'connect', windowId: main.id },
    ]);
    expect(portsPostedTo(main).map((p) => p.message)).toEqual([
      { nonce: 'nonce-0001' },
      { nonce: 'nonce-0002' },
    ]);
  });

  it('closing the window posts disconnect', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    requestPortFrom(main, 'nonce-0001');
    main.close();
    await vi.waitFor(() => expect(main.destroyed).toBe(true));
    expect(
      lastServices()
        .postedOf('disconnect')
        .map((p) => p.message),
    ).toEqual([{ type: 'disconnect', windowId: main.id }]);
    expect(test.context.ports.isConnected(main.id)).toBe(false);
  });

  it('after a services restart the window gets a port to the new process', async () => {
    vi.useFakeTimers();
    try {
      const test = createTestApp();
      const main = await startToMainWindow(test);
      requestPortFrom(main, 'nonce-0001');
      const crashed = lastServices();
      crashed.exit(1);
      expect(test.context.ports.isConnected(main.id)).toBe(false);
      // The page asks again while the services are still down: the request waits.
      requestPortFrom(main, 'nonce-0002');
      expect(portsPostedTo(main)).toHaveLength(1);
      vi.advanceTimersByTime(500);
      expect(forked).toHaveLength(2);
      const fresh = lastServices();
      fresh.say({ type: 'ready' });
      expect(fresh.postedOf('connect')).toHaveLength(0); // not before init is done
      fresh.say({ type: 'initDone', mode: 'online', asOf: null });
      expect(fresh.postedOf('connect').map((p) => p.message)).toEqual([
        { type: 'connect', windowId: main.id },
      ]);
      expect(portsPostedTo(main).at(-1)?.message).toEqual({ nonce: 'nonce-0002' });
      // Nothing was posted to the dead process after it died.
      expect(crashed.postedOf('disconnect')).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a port asked for before the services have initialised comes once they have (never a port to a services that answers "not ready")', async () => {
    const test = createTestApp();
    test.context.start();
    const main = BrowserWindow.instances[1];
    if (!main) throw new Error('no main window');
    // the main window loads beside the services' start: its page asks before the process is up…
    requestPortFrom(main, 'nonce-0001');
    const services = lastServices();
    services.say({ type: 'ready' });
    // …and again while they initialise
    requestPortFrom(main, 'nonce-0002');
    expect(services.postedOf('connect')).toHaveLength(0);
    expect(portsPostedTo(main)).toHaveLength(0);
    services.say({ type: 'initDone', mode: 'online', asOf: null });
    expect(services.postedOf('connect').map((p) => p.message)).toEqual([{ type: 'connect', windowId: main.id }]);
    expect(portsPostedTo(main).map((p) => p.message)).toEqual([{ nonce: 'nonce-0002' }]);
    expect(test.context.ports.isConnected(main.id)).toBe(true);
  });

  it('only the main window may ask for a port, and only with a well-formed nonce', async () => {
    const test = createTestApp();
    test.context.start();
    servicesComeUp();
    const launcher = BrowserWindow.instances[0];
    if (!launcher) throw new Error('no launcher');
    requestPortFrom(launcher, 'nonce-0001');
    const main = BrowserWindow.instances[1];
    if (!main) throw new Error('no main window');
    ipcMain.emit(IPC.requestPort, main.webContents.ipcEvent(), { nonce: '<script>' });
    ipcMain.emit(IPC.requestPort, main.webContents.ipcEvent(), 'nonce-0001');
    expect(lastServices().postedOf('connect')).toHaveLength(0);
    expect(test.log.lines.filter((l) => l.level === 'warn' && l.text.includes('port request'))).toHaveLength(
      3,
    );
  });
});
