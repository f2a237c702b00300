// Main and the REAL services runtime together (in this process, behind the fake utility process):
// the Demo profile's embedded simulator, a real SQLite cache in a temp userData, the launcher's
// progress, the main window, a brokered port carrying real RPC calls — and the same after a crash.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { startServicesRuntime } from '../../src/services/runtime.ts';
import type { ServicesRuntime } from '../../src/services/runtime.ts';
import { fromElectronPort } from '../../src/shared/rpc-ports.ts';
import { createRpcClient } from '../../src/shared/rpc.ts';
import type { RpcClient } from '../../src/shared/rpc.ts';
import { IPC } from '../../src/shared/ipc-channels.ts';
import type { FakeUtilityProcess } from './fake-electron.ts';
import { forked, readyFakeElectron, utilityProcess } from './fake-electron.ts';
import type { BrowserWindow } from './fake-electron.ts';
import {
  createTestApp,
  disposeTestApps,
  eventsTo,
  invokeFrom,
  launcherWindow,
  requestPortFrom,
  windowsOf,
} from './helpers.ts';
import type { TestApp } from './helpers.ts';

const runtimes: ServicesRuntime[] = [];
/** The exit code a process reports when its runtime stops (0: a clean shutdown). */
const exitCodes = new Map<FakeUtilityProcess, number>();
const clients: RpcClient[] = [];
let test: TestApp | null = null;

/** Each fork runs the real runtime, wired like src/services/index.ts wires Electron's parentPort. */
function runRealServices(child: FakeUtilityProcess): void {
  const handlers: Array<(message: unknown, ports: ReturnType<typeof fromElectronPort>[]) => void> = [];
  const runtime = startServicesRuntime(
    {
      // Like a real process boundary: asynchronous, and a copy.
      post: (message) => queueMicrotask(() => child.say(structuredClone(message))),
      onMessage: (handler) => void handlers.push(handler),
    },
    {
      keychain: 'memory',
      demo: { size: { departments: 12, users: 120, tags: 4, lives: 6, maxViewers: 40 } },
      monitorIntervalMs: 60_000,
      onShutdown: () => queueMicrotask(() => child.exit(exitCodes.get(child) ?? 0)),
    },
  );
  runtimes.push(runtime);
  child.onPost = (message, transfer) => {
    for (const handler of handlers)
      handler(
        message,
        transfer.map((port) => fromElectronPort(port)),
      );
  };
}

async function portClient(main: BrowserWindow, nonce: string): Promise<RpcClient> {
  const before = main.webContents.posted.length;
  requestPortFrom(main, nonce);
  await vi.waitFor(() => expect(main.webContents.posted.length).toBeGreaterThan(before), { timeout: 20_000 });
  const posted = main.webContents.posted.at(-1);
  expect(posted?.channel).toBe(IPC.port);
  const port = posted?.transfer[0];
  if (!port) throw new Error('no port reached the window');
  const client = createRpcClient(fromElectronPort(port));
  clients.push(client);
  return client;
}

beforeEach(async () => {
  await readyFakeElectron();
  utilityProcess.onFork = runRealServices;
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await disposeTestApps();
  await Promise.all(runtimes.splice(0).map((r) => r.shutdown()));
  exitCodes.clear();
  test = null;
});

describe('main with the real services runtime', () => {
  it('Demo start-up: progress in order on the launcher, main window, then RPC over the brokered port', async () => {
    test = createTestApp({ overrides: { shutdownTimeoutMs: 10_000 } });
    test.context.start();
    const launcher = launcherWindow();
    // the main window loads (hidden) beside the services' start; its page paints and asks for its
    // port before they are up: the window shows, and the port comes, once they have initialised
    const main = windowsOf('index')[0];
    if (!main) throw new Error('no main window');
    await invokeFrom(main, 'window.ready');
    expect(main.visible).toBe(false);
    const early = portClient(main, 'nonce-integration-1');
    await vi.waitFor(() => expect(main.visible).toBe(true), { timeout: 60_000, interval: 50 });

    const progress = eventsTo(launcher.webContents, 'launcher.progress').map(
      (e) => e.payload as { step: number; total: number; label: string },
    );
    expect(progress.length).toBeGreaterThanOrEqual(3);
    const steps = progress.map((p) => p.step);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(progress.every((p) => p.label.length > 0 && p.step <= p.total)).toBe(true);

    await vi.waitFor(() => expect(launcher.destroyed).toBe(true));

    const client = await early;
    const state = await client.call('connection.state', {});
    expect(state).toMatchObject({ state: 'online' });
    const org = await client.call('org.departments', {});
    expect(org.departments.length).toBeGreaterThan(0);
    expect(org.asOf).not.toBeNull();
  });

  it('a window port that closes is detached by the services at once (ports detach on close)', async () => {
    test = createTestApp({ overrides: { shutdownTimeoutMs: 10_000 } });
    test.context.start();
    await vi.waitFor(() => expect(windowsOf('index')).toHaveLength(1), { timeout: 60_000, interval: 50 });
    const main = windowsOf('index')[0];
    if (!main) throw new Error('no main window');
    await invokeFrom(main, 'window.ready');
    const client = await portClient(main, 'nonce-close-1');
    await client.call('connection.state', {});
    const runtime = runtimes[0];
    if (!runtime) throw new Error('no services');
    expect(runtime.core.server.endpointCount).toBe(1);
    // The page's end goes (a crashed renderer): no `disconnect` from main, only the port's close.
    const pagePort = main.webContents.posted.at(-1)?.transfer[0];
    pagePort?.close();
    await vi.waitFor(() => expect(runtime.core.server.endpointCount).toBe(0));
    expect(forked[0]?.postedOf('disconnect')).toHaveLength(0);
  });

  it('after a crash the services restart, re-run init on the warm cache, and a new port works again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      test = createTestApp({ overrides: { shutdownTimeoutMs: 10_000 } });
      test.context.start();
      await vi.waitFor(() => expect(windowsOf('index')).toHaveLength(1), { timeout: 60_000, interval: 50 });
      const main = windowsOf('index')[0];
      if (!main) throw new Error('no main window');
      await invokeFrom(main, 'window.ready');
      const before = await (await portClient(main, 'nonce-integration-1')).call('org.departments', {});

      // The process dies (its runtime stops and frees the cache file, then exits with 139, unasked).
      const crashed = forked[0];
      const runtime = runtimes[0];
      if (!crashed || !runtime) throw new Error('no services');
      exitCodes.set(crashed, 139);
      await runtime.shutdown();
      await vi.waitFor(() => expect(crashed.exited).toBe(true));
      expect(eventsTo(main.webContents, 'services.state').at(-1)?.payload).toMatchObject({
        state: 'restarting',
      });
      vi.advanceTimersByTime(500);
      expect(forked).toHaveLength(2);
      await vi.waitFor(
        () =>
          expect(eventsTo(main.webContents, 'services.state').at(-1)?.payload).toMatchObject({
            state: 'running',
          }),
        { timeout: 60_000, interval: 50 },
      );
      const after = await (await portClient(main, 'nonce-integration-2')).call('org.departments', {});
      expect(after.departments.map((d) => d.id).sort()).toEqual(before.departments.map((d) => d.id).sort());
      // Still one main window; the launcher saw nothing of the restart.
      expect(windowsOf('index')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
