// Builds an AppContext on the fake Electron with in-memory settings and a recording log, and
// walks it through the usual start-up so each test starts where it needs to.
import { mkdtempSync } from 'node:fs';
import { vi } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppContext } from '../../src/main/app-context.ts';
import type { AppContextOptions } from '../../src/main/app-context.ts';
import type { AppLog, LogLevel } from '../../src/main/logger.ts';
import { SettingsStore, memoryBackend } from '../../src/main/settings-store.ts';
import { DEMO_PROFILE, defaultSettings } from '../../src/shared/settings.ts';
import type { Settings } from '../../src/shared/settings.ts';
import type { EventEnvelope } from '../../src/shared/ipc-channels.ts';
import { IPC } from '../../src/shared/ipc-channels.ts';
import { BrowserWindow, ipcMain, lastServices } from './fake-electron.ts';
import type { FakeUtilityProcess, FakeWebContents } from './fake-electron.ts';

export interface RecordingLog extends AppLog {
  lines: Array<{ level: LogLevel | 'services'; text: string }>;
}

export function recordingLog(): RecordingLog {
  const lines: RecordingLog['lines'] = [];
  const at =
    (level: LogLevel) =>
    (...args: unknown[]) =>
      void lines.push({ level, text: args.map(String).join(' ') });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export function settingsWithDemo(): Settings {
  return { ...defaultSettings(), profiles: [DEMO_PROFILE], activeProfileId: DEMO_PROFILE.id };
}

export interface TestApp {
  context: AppContext;
  settings: SettingsStore;
  log: RecordingLog;
  userData: string;
}

const created: TestApp[] = [];

/**
 * Stops every app a test created, so no restart or ready timer of one test fires during the next.
 * Call from afterEach.
 */
export async function disposeTestApps(): Promise<void> {
  vi.useRealTimers();
  await Promise.all(created.splice(0).map((t) => t.context.shutdown()));
}

export function createTestApp(
  options: { settings?: unknown; overrides?: Partial<AppContextOptions> } = {},
): TestApp {
  const userData = mkdtempSync(path.join(tmpdir(), 'wld-main-'));
  const log = recordingLog();
  const settings = new SettingsStore(memoryBackend(options.settings ?? settingsWithDemo()), log);
  const context = new AppContext({
    servicesPath: '/app/out/main/chunks/services.js',
    preloadPath: '/app/out/preload/index.cjs',
    rendererDir: path.join(userData, 'renderer'),
    devServerUrl: null,
    userData,
    logsDir: path.join(userData, 'logs'),
    appVersion: '0.1.0',
    settings,
    log,
    servicesLog: (level, message) => void log.lines.push({ level: 'services', text: `${level} ${message}` }),
    shutdownTimeoutMs: 20,
    ...options.overrides,
  });
  const app = { context, settings, log, userData };
  created.push(app);
  return app;
}

/** Windows by the page they loaded. */
export function windowsOf(page: 'launcher' | 'index'): BrowserWindow[] {
  return BrowserWindow.instances.filter((w) => w.webContents.url.endsWith(`/${page}.html`));
}

export function launcherWindow(): BrowserWindow {
  const window = windowsOf('launcher')[0];
  if (!window) throw new Error('no launcher window');
  return window;
}

export function mainWindow(): BrowserWindow {
  const window = windowsOf('index').at(-1);
  if (!window) throw new Error('no main window');
  return window;
}

/** Main events a window received, by name. */
export function eventsTo(contents: FakeWebContents, name?: string): EventEnvelope[] {
  return (contents.sentOn(IPC.event) as EventEnvelope[]).filter(
    (e) => name === undefined || e.event === name,
  );
}

/** Calls main like the preload does, from that window's page. */
export function invokeFrom(window: BrowserWindow, method: string, input: unknown = {}): Promise<unknown> {
  return ipcMain.invoke(IPC.invoke, window.webContents.ipcEvent(), { method, input });
}

/** The page asks for a services port. */
export function requestPortFrom(window: BrowserWindow, nonce: string): void {
  ipcMain.emit(IPC.requestPort, window.webContents.ipcEvent(), { nonce });
}

/** Services: ready → (init) → initDone online. */
export function servicesComeUp(child: FakeUtilityProcess = lastServices()): void {
  child.say({ type: 'ready' });
  child.say({ type: 'initDone', mode: 'online', asOf: null });
}

/** Start-up until the main window is shown and the launcher closed. */
export async function startToMainWindow(app: TestApp): Promise<BrowserWindow> {
  app.context.start();
  launcherWindow().paint();
  servicesComeUp();
  const main = mainWindow();
  await invokeFrom(main, 'window.ready');
  return main;
}
