import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { DEMO_PROFILE, defaultSettings } from '../../src/shared/settings.ts';
import {
  app,
  BrowserWindow,
  forked,
  lastServices,
  Menu,
  readyFakeElectron,
  timeline,
} from './fake-electron.ts';
import { installAppMenu } from '../../src/main/app-menu.ts';
import {
  createTestApp,
  disposeTestApps,
  eventsTo,
  invokeFrom,
  launcherWindow,
  mainWindow,
  servicesComeUp,
  settingsWithDemo,
  startToMainWindow,
  windowsOf,
} from './helpers.ts';

beforeEach(() => readyFakeElectron());
afterEach(() => disposeTestApps());

describe('start-up', () => {
  it('creates and loads the launcher before forking the services, and shows it once painted', () => {
    const { context } = createTestApp();
    context.start();
    const launcher = launcherWindow();
    expect(timeline.indexOf(`window:create #${launcher.id}`)).toBeLessThan(timeline.indexOf('fork'));
    expect(timeline.indexOf('window:load launcher.html')).toBeLessThan(timeline.indexOf('fork'));
    expect(launcher.options).toMatchObject({ show: false, frame: false, width: 420, height: 300 });
    expect(launcher.options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(launcher.visible).toBe(false);
    launcher.paint();
    expect(launcher.visible).toBe(true);
    expect(lastServices().modulePath).toBe('/app/out/main/chunks/services.js');
    expect(lastServices().options).toMatchObject({ serviceName: expect.any(String) });
  });

  it('posts init only after the services said ready, with paths under userData and the active profile', () => {
    const { context, userData } = createTestApp();
    context.start();
    const services = lastServices();
    expect(services.posted).toHaveLength(0);
    services.say({ type: 'ready' });
    const [init] = services.postedOf('init');
    expect(init?.message).toMatchObject({
      type: 'init',
      paths: { userData, cacheDb: `${userData}/cache.db`, logs: `${userData}/logs` },
      profile: DEMO_PROFILE,
      appVersion: '0.1.0',
    });
    expect((init?.message.settings as { activeProfileId: string }).activeProfileId).toBe('demo');
  });

  it('forwards progress to the launcher in order', () => {
    const { context } = createTestApp();
    context.start();
    const services = lastServices();
    services.say({ type: 'ready' });
    const steps = ['cache', 'credentials', 'simulator', 'connection', 'refresh'] as const;
    steps.forEach((id, i) =>
      services.say({ type: 'progress', step: i + 1, total: 5, id, label: `step ${id}` }),
    );
    const progress = eventsTo(launcherWindow().webContents, 'launcher.progress');
    expect(progress.map((e) => e.payload)).toEqual(
      steps.map((id, i) => ({ step: i + 1, total: 5, label: `step ${id}` })),
    );
    const seqs = progress.map((e) => e.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('loads the main window hidden while the services start, shows it when its page and the services are ready, then closes the launcher', async () => {
    const { context } = createTestApp();
    context.start();
    const launcher = launcherWindow();
    launcher.paint();
    // the page loads beside the services' start, not after it
    const main = mainWindow();
    expect(main.options).toMatchObject({ show: false, title: 'WeCom Live Desk' });
    expect(main.webContents.url).toMatch(/index\.html/);
    // its first paint comes before the services are up: it stays hidden behind the launcher
    await expect(invokeFrom(main, 'window.ready')).resolves.toEqual({ ok: true, output: { ok: true } });
    expect(main.visible).toBe(false);
    lastServices().say({ type: 'ready' });
    expect(main.visible).toBe(false);
    expect(launcher.closing).toBe(false);
    lastServices().say({ type: 'initDone', mode: 'online', asOf: null });
    expect(main.visible).toBe(true);
    // Closing is asynchronous, as in Electron: 'closed' follows on a later task.
    expect(launcher.closing).toBe(true);
    await vi.waitFor(() => expect(launcher.destroyed).toBe(true));
    expect(timeline.indexOf(`window:show #${main.id}`)).toBeLessThan(
      timeline.indexOf(`window:close #${launcher.id}`),
    );
    expect(context.phase).toBe('running');
    // Closing the launcher on purpose does not quit the app.
    expect(app.quitCalls).toBe(0);
  });

  it('shows the main window anyway when its page never says ready (did-finish-load + timeout)', () => {
    vi.useFakeTimers();
    const { context, log } = createTestApp({ overrides: { showFallbackMs: 4_000 } });
    context.start();
    servicesComeUp();
    const main = mainWindow();
    vi.advanceTimersByTime(10_000);
    expect(main.visible).toBe(false); // the fallback starts only once the page has loaded
    main.webContents.finishLoad();
    vi.advanceTimersByTime(3_999);
    expect(main.visible).toBe(false);
    vi.advanceTimersByTime(1);
    expect(main.visible).toBe(true);
    expect(launcherWindow().closing).toBe(true);
    vi.runOnlyPendingTimers();
    expect(launcherWindow().destroyed).toBe(true);
    expect(log.lines.some((l) => l.level === 'warn' && l.text.includes('did not report ready'))).toBe(true);
  });

  it('a page that said ready waits for slow services without the load fallback calling it unready', async () => {
    vi.useFakeTimers();
    const { context, log } = createTestApp({ overrides: { showFallbackMs: 4_000 } });
    context.start();
    const main = mainWindow();
    await invokeFrom(main, 'window.ready');
    main.webContents.finishLoad();
    vi.advanceTimersByTime(10_000); // a slow connection test
    expect(main.visible).toBe(false);
    expect(log.lines.some((l) => l.text.includes('did not report ready'))).toBe(false);
    servicesComeUp();
    expect(main.visible).toBe(true);
  });

  it('does not let the launcher show the main window early', async () => {
    const { context } = createTestApp();
    context.start();
    servicesComeUp();
    const result = await invokeFrom(launcherWindow(), 'window.ready');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(mainWindow().visible).toBe(false);
  });

  it('initFailed → launcher.error; Retry and Continue offline post retry to the services', async () => {
    const { context } = createTestApp();
    context.start();
    const services = lastServices();
    services.say({ type: 'ready' });
    services.say({
      type: 'initFailed',
      id: 'connection',
      message: 'WeCom is unreachable',
      error: { kind: 'network', code: 'NETWORK_REFUSED', message: 'WeCom is unreachable' },
      canContinueOffline: true,
    });
    const launcher = launcherWindow();
    expect(eventsTo(launcher.webContents, 'launcher.error').map((e) => e.payload)).toEqual([
      { message: 'WeCom is unreachable', error: { kind: 'network', code: 'NETWORK_REFUSED', message: 'WeCom is unreachable' }, canContinueOffline: true },
    ]);
    // the main window loaded behind the launcher and stays hidden, whatever its page says
    await invokeFrom(mainWindow(), 'window.ready');
    expect(mainWindow().visible).toBe(false);
    await invokeFrom(launcher, 'launcher.retry');
    await invokeFrom(launcher, 'launcher.continueOffline');
    expect(services.postedOf('retry').map((p) => p.message)).toEqual([
      { type: 'retry', offline: false },
      { type: 'retry', offline: true },
    ]);
    services.say({ type: 'initDone', mode: 'offline', asOf: 1_700_000_000_000, reason: 'unreachable' });
    expect(windowsOf('index')).toHaveLength(1);
    expect(mainWindow().visible).toBe(true);
  });

  it('first run: no profile → launcher.firstRun; chooseDemo saves the Demo profile and posts init with it', async () => {
    const { context, settings } = createTestApp({ settings: {} });
    context.start();
    const services = lastServices();
    services.say({ type: 'ready' });
    const launcher = launcherWindow();
    expect(eventsTo(launcher.webContents, 'launcher.firstRun')).toHaveLength(1);
    expect(services.postedOf('init')).toHaveLength(0);
    await expect(invokeFrom(launcher, 'launcher.chooseDemo')).resolves.toEqual({
      ok: true,
      output: { ok: true },
    });
    expect(settings.get().profiles).toEqual([DEMO_PROFILE]);
    expect(settings.get().activeProfileId).toBe('demo');
    const inits = services.postedOf('init');
    expect(inits).toHaveLength(1);
    expect(inits[0]?.message.profile).toEqual(DEMO_PROFILE);
    // The services were not restarted for it.
    expect(forked).toHaveLength(1);
  });

  it('a second instance brings the existing window to the front', async () => {
    const test = createTestApp();
    const { wireAppLifecycle } = await import('../../src/main/app-lifecycle.ts');
    wireAppLifecycle(test.context, test.log);
    const main = await startToMainWindow(test);
    main.minimized = true;
    main.focused = false;
    app.emit('second-instance', {}, [], '/');
    expect(main.minimized).toBe(false);
    expect(main.focused).toBe(true);
  });

  it('closing the launcher during start-up quits the app', async () => {
    const { context } = createTestApp();
    context.start();
    launcherWindow().close();
    expect(app.quitCalls).toBe(0); // 'closed' has not come yet
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
  });

  it('before-quit waits for the services to shut down cleanly', async () => {
    const test = createTestApp();
    const { wireAppLifecycle } = await import('../../src/main/app-lifecycle.ts');
    wireAppLifecycle(test.context, test.log);
    await startToMainWindow(test);
    const services = lastServices();
    let prevented = false;
    app.emit('before-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(services.postedOf('shutdown')).toHaveLength(1);
    expect(app.quitCalls).toBe(0);
    services.exit(0);
    await vi.waitFor(() => expect(app.quitCalls).toBe(1));
    // An expected exit is not a crash: nothing restarts.
    expect(forked).toHaveLength(1);
  });
});

describe('services crashes', () => {
  it('restarts with exponential backoff, re-runs init without the launcher, and reports the state', async () => {
    vi.useFakeTimers();
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const contents = main.webContents;

    const delays: number[] = [];
    for (let crash = 1; crash <= 3; crash++) {
      const before = forked.length;
      lastServices().exit(1);
      const restarting = eventsTo(contents, 'services.state').at(-1)?.payload as {
        state: string;
        restarts: number;
      };
      expect(restarting).toMatchObject({ state: 'restarting', cause: 'crash', restarts: crash });
      let waited = 0;
      while (forked.length === before) {
        vi.advanceTimersByTime(100);
        waited += 100;
        if (waited > 60_000) throw new Error('never restarted');
      }
      delays.push(waited);
      const child = lastServices();
      child.say({ type: 'ready' });
      expect(child.postedOf('init')).toHaveLength(1);
      child.say({ type: 'progress', step: 1, total: 5, id: 'cache', label: 'cache' });
      child.say({ type: 'initDone', mode: 'online', asOf: null });
      expect(eventsTo(contents, 'services.state').at(-1)?.payload).toMatchObject({
        state: 'running',
        restarts: crash,
      });
    }
    expect(delays).toEqual([500, 1_000, 2_000]);
    // No new windows and no launcher events after start-up.
    expect(windowsOf('index')).toHaveLength(1);
    expect(windowsOf('launcher')).toHaveLength(1);
    expect(eventsTo(contents, 'launcher.progress')).toHaveLength(0);
  });

  it('gives up after too many crashes in a short time: state failed with a clear message, no more forks', async () => {
    vi.useFakeTimers();
    const test = createTestApp({ overrides: { restartPolicy: { maxCrashes: 3, windowMs: 60_000 } } });
    const main = await startToMainWindow(test);
    for (let i = 0; i < 3; i++) {
      lastServices().exit(134);
      vi.advanceTimersByTime(10_000);
      servicesComeUp();
    }
    const before = forked.length;
    lastServices().exit(134);
    vi.advanceTimersByTime(120_000);
    expect(forked.length).toBe(before);
    const last = eventsTo(main.webContents, 'services.state').at(-1)?.payload as {
      state: string;
      message: string;
      error: { code: string; params: Record<string, unknown> };
    };
    expect(last.state).toBe('failed');
    // a code the renderer words, with how many crashes and where the log is
    expect(last.error).toMatchObject({ code: 'SERVICES_GAVE_UP', params: { crashes: 4, logs: `${test.userData}/logs` } });
    expect(last.message).toContain(`${test.userData}/logs`);
    expect(test.context.services.phase).toBe('failed');
  });

  it('a crash loop during start-up shows the error on the launcher; Retry starts the services again', async () => {
    vi.useFakeTimers();
    const { context } = createTestApp({ overrides: { restartPolicy: { maxCrashes: 1 } } });
    context.start();
    lastServices().exit(1);
    vi.advanceTimersByTime(1_000);
    expect(forked).toHaveLength(2);
    lastServices().exit(1);
    vi.advanceTimersByTime(60_000);
    expect(forked).toHaveLength(2);
    const launcher = launcherWindow();
    const [error] = eventsTo(launcher.webContents, 'launcher.error');
    expect(error?.payload).toMatchObject({ canContinueOffline: false });
    await invokeFrom(launcher, 'launcher.retry');
    expect(forked).toHaveLength(3);
    lastServices().say({ type: 'ready' });
    expect(lastServices().postedOf('init')).toHaveLength(1);
  });

  it('says what happened in plain English for the log (the renderer words the state itself)', async () => {
    const test = createTestApp({ settings: { ...settingsWithDemo(), language: 'en-US' } });
    const main = await startToMainWindow(test);
    lastServices().exit(139);
    expect(eventsTo(main.webContents, 'services.state').at(-1)?.payload).toMatchObject({
      state: 'restarting',
      message: 'The background services stopped unexpectedly (exit code 139); restarting in 0.5 s.',
    });
  });

  it('a crash long after the last one starts the backoff over', async () => {
    vi.useFakeTimers();
    const test = createTestApp({ overrides: { restartPolicy: { windowMs: 10_000 } } });
    await startToMainWindow(test);
    lastServices().exit(1);
    vi.advanceTimersByTime(500);
    servicesComeUp();
    vi.advanceTimersByTime(30_000);
    const before = forked.length;
    lastServices().exit(1);
    vi.advanceTimersByTime(499);
    expect(forked.length).toBe(before);
    vi.advanceTimersByTime(1);
    expect(forked.length).toBe(before + 1);
  });

  it('a process that never says ready is killed and restarted', () => {
    vi.useFakeTimers();
    const { context, log } = createTestApp({ overrides: { readyTimeoutMs: 5_000 } });
    context.start();
    const first = lastServices();
    vi.advanceTimersByTime(5_000);
    expect(first.killed).toBe(true);
    return vi.waitFor(() => {
      vi.advanceTimersByTime(500);
      expect(forked).toHaveLength(2);
      expect(log.lines.some((l) => l.text.includes('did not report ready'))).toBe(true);
    });
  });
});

describe('profiles and settings', () => {
  it('activating another profile restarts the services on it and tells the windows', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const corp = { ...DEMO_PROFILE, id: 'acme', name: 'Acme', kind: 'corp' as const, corpId: 'ww123' };
    await invokeFrom(main, 'profiles.save', corp);
    const first = lastServices();
    const activated = invokeFrom(main, 'profiles.activate', { id: 'acme' });
    expect(first.postedOf('shutdown')).toHaveLength(1);
    first.exit(0);
    await activated;
    await vi.waitFor(() => expect(forked).toHaveLength(2));
    const states = eventsTo(main.webContents, 'services.state').map((e) => e.payload as { state: string; cause?: string });
    expect(states.at(-1)).toMatchObject({ state: 'restarting', cause: 'profileSwitch' });
    const second = lastServices();
    second.say({ type: 'ready' });
    expect(second.postedOf('init')[0]?.message.profile).toMatchObject({ id: 'acme' });
    second.say({ type: 'initDone', mode: 'online', asOf: null });
    expect(eventsTo(main.webContents, 'services.state').at(-1)?.payload).toMatchObject({
      state: 'running',
      restarts: 1,
    });
  });

  it('other settings changes go to the services and every window without a restart', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const result = (await invokeFrom(main, 'settings.update', { language: 'en-US' })) as {
      ok: boolean;
      output: { language: string; activeProfileId: string };
    };
    expect(result.ok).toBe(true);
    expect(result.output.language).toBe('en-US');
    // Only what was sent changed: the active profile stayed.
    expect(result.output.activeProfileId).toBe('demo');
    const [posted] = lastServices().postedOf('settings');
    expect(posted?.message).toMatchObject({
      type: 'settings',
      settings: { language: 'en-US' },
      profile: { id: 'demo' },
    });
    expect(eventsTo(main.webContents, 'settings.changed').at(-1)?.payload).toMatchObject({
      language: 'en-US',
    });
    expect(forked).toHaveLength(1);
  });

  it('a partial network update keeps the other network fields', async () => {
    const settings = { ...defaultSettings(), profiles: [DEMO_PROFILE], activeProfileId: 'demo' };
    settings.network = { ...settings.network, timeoutMs: 12_000, maxRetries: 5 };
    const test = createTestApp({ settings });
    const main = await startToMainWindow(test);
    const result = (await invokeFrom(main, 'settings.update', {
      network: { proxyUrl: 'http://proxy.local:3128' },
    })) as {
      output: { network: { timeoutMs: number; maxRetries: number; proxyUrl: string } };
    };
    expect(result.output.network).toMatchObject({
      timeoutMs: 12_000,
      maxRetries: 5,
      proxyUrl: 'http://proxy.local:3128',
    });
  });

  it('refuses to activate a profile that does not exist', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const result = await invokeFrom(main, 'profiles.activate', { id: 'nobody' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_SUCH_PROFILE', params: { id: 'nobody' } } });
    expect(forked).toHaveLength(1);
  });
});

describe('windows', () => {
  it('every window is created with the secure webPreferences', async () => {
    const test = createTestApp();
    await startToMainWindow(test);
    expect(BrowserWindow.instances.length).toBeGreaterThanOrEqual(2);
    for (const window of BrowserWindow.instances) {
      expect(window.options.webPreferences).toMatchObject({
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        v8CacheOptions: 'bypassHeatCheck',
      });
      expect(window.webContents.url.startsWith('app://wld/')).toBe(true);
    }
  });

  it('reloads a main window whose page crashed (not one that exited cleanly)', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    main.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(main.webContents.reloads).toBe(0);
    main.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    expect(main.webContents.reloads).toBe(1);
    expect(test.log.lines.some((l) => l.level === 'error' && l.text.includes('crashed'))).toBe(true);
  });

  it('packaged builds have no developer menu', () => {
    installAppMenu(false, 'linux');
    expect(Menu.current).toBeUndefined();
    installAppMenu(true, 'linux');
    expect(Menu.current).toBeNull();
    installAppMenu(true, 'darwin');
    expect(JSON.stringify(Menu.current)).not.toMatch(/toggleDevTools|reload|viewMenu/i);
  });

  it('loads pages from the dev server in development', () => {
    const { context } = createTestApp({ overrides: { devServerUrl: 'http://localhost:5173' } });
    context.start();
    expect(launcherWindow().webContents.url).toBe('http://localhost:5173/launcher.html');
    expect(context.allowedOrigins).toEqual(['http://localhost:5173']);
  });
});
