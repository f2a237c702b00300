// The fake Electron is as strict as the real one where main's code could otherwise rely on leniency.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  app,
  BrowserWindow,
  contextBridge,
  MessageChannelMain,
  resetFakeElectron,
  session,
  timeline,
  utilityProcess,
} from './fake-electron.ts';

beforeEach(() => resetFakeElectron());

describe('the stricter fake Electron', () => {
  it('whenReady resolves on a later task, and APIs that need a ready app throw before it', async () => {
    expect(() => new BrowserWindow()).toThrow(/before the app is ready/);
    expect(() => session.defaultSession).toThrow(/before the app is ready/);
    expect(() => utilityProcess.fork('/x.js')).toThrow(/before the app is ready/);
    let resolved = false;
    const ready = app.whenReady().then(() => (resolved = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(resolved).toBe(false);
    await ready;
    expect(app.isReady()).toBe(true);
    expect(new BrowserWindow().id).toBeGreaterThan(0);
  });

  it('quit() emits before-quit (preventable), then will-quit and quit', async () => {
    await app.whenReady();
    const seen: string[] = [];
    let prevent = true;
    app.on('before-quit', (event: { preventDefault(): void }) => {
      seen.push('before-quit');
      if (prevent) event.preventDefault();
    });
    app.on('will-quit', () => seen.push('will-quit'));
    app.on('quit', () => seen.push('quit'));
    app.quit();
    expect(seen).toEqual(['before-quit']);
    prevent = false;
    app.quit();
    expect(seen).toEqual(['before-quit', 'before-quit', 'will-quit', 'quit']);
  });

  it('a window closes asynchronously: close (preventable) now, closed on a later task', async () => {
    await app.whenReady();
    const window = new BrowserWindow();
    const events: string[] = [];
    window.on('close', () => events.push('close'));
    window.on('closed', () => events.push('closed'));
    window.close();
    expect(events).toEqual(['close']);
    expect(window.isDestroyed()).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual(['close', 'closed']);
    expect(window.isDestroyed()).toBe(true);
  });

  it('a port emits close when its other end closes, and when the process holding it exits', async () => {
    await app.whenReady();
    const { port1, port2 } = new MessageChannelMain();
    let closed = 0;
    port2.on('close', () => (closed += 1));
    port1.close();
    await Promise.resolve();
    expect(closed).toBe(1);

    const child = utilityProcess.fork('/services.js');
    const channel = new MessageChannelMain();
    let windowEndClosed = false;
    channel.port2.on('close', () => (windowEndClosed = true));
    child.postMessage({ type: 'connect' }, [channel.port1]);
    child.exit(1);
    await Promise.resolve();
    expect(windowEndClosed).toBe(true);
  });

  it('posting to an exited process does nothing', async () => {
    await app.whenReady();
    const child = utilityProcess.fork('/services.js');
    child.exit(0);
    expect(() => child.postMessage({ type: 'shutdown' })).not.toThrow();
    expect(child.postedOf('shutdown')).toHaveLength(0);
    expect(timeline).toContain('services:dropped shutdown');
  });

  it('contextBridge copies values and reduces thrown Errors to their message', async () => {
    const original = { nested: { n: 1 }, fail: () => Promise.reject(Object.assign(new Error('no'), { code: 'X' })) };
    contextBridge.exposeInMainWorld('api', original);
    const exposed = contextBridge.exposed.get('api') as typeof original;
    expect(exposed.nested).not.toBe(original.nested);
    exposed.nested.n = 2;
    expect(original.nested.n).toBe(1);
    const error = (await exposed.fail().catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.message).toBe('no');
    expect(error.code).toBeUndefined();
  });
});
