// The main process as a whole: launcher first, services forked at once, main window when they are
// ready, ports brokered per window, crashes survived, settings kept. Every Electron object it
// touches is created here or handed in, so tests drive it with a fake Electron.
import path from 'node:path';
import { app, session } from 'electron';
import type { BrowserWindow, MessagePortMain } from 'electron';
import { DEMO_PROFILE } from '../shared/settings.ts';
import type { Profile } from '../shared/settings.ts';
import type { ServicesToMain } from '../shared/host-protocol.ts';
import { IPC } from '../shared/ipc-channels.ts';
import { serveAppProtocol } from './app-protocol.ts';
import { APP_ORIGIN } from './constants.ts';
import { contentSecurityPolicy } from './csp.ts';
import { registerIpc } from './ipc-router.ts';
import type { ServiceError } from '../shared/models.ts';
import type { AppLog, LogLevel } from './logger.ts';
import { MainEventChannel } from './main-events.ts';
import { gaveUpError, restartingMessage, switchingProfileMessage } from './messages.ts';
import type { MainEventPayload } from './main-events.ts';
import { createMainHandlers } from './main-handlers.ts';
import { originOf } from './origin.ts';
import { PortBroker } from './port-broker.ts';
import { RestartPolicy } from './restart-policy.ts';
import type { RestartPolicyOptions } from './restart-policy.ts';
import { answerCrypt } from './safe-storage.ts';
import { resolveSystemProxy, WECOM_API_URL } from './system-proxy.ts';
import { hardenSession, hardenWebContents } from './security.ts';
import { ServicesHost } from './services-host.ts';
import { SessionSecrets } from './session-secrets.ts';
import type { CrashInfo } from './services-host.ts';
import type { SettingsChange, SettingsStore } from './settings-store.ts';
import { WindowRegistry } from './window-registry.ts';
import type { TrackedWindow } from './window-registry.ts';
import { createLauncherWindow, createMainWindow } from './windows.ts';

export interface AppContextOptions {
  /** The built services entry (electron-vite `?modulePath`). */
  servicesPath: string;
  preloadPath: string;
  /** out/renderer, served as app://wld/. */
  rendererDir: string;
  /** The Vite dev server in development; null in a build. */
  devServerUrl: string | null;
  userData: string;
  logsDir: string;
  appVersion: string;
  electronVersion?: string | null;
  iconPath?: string;
  settings: SettingsStore;
  log: AppLog;
  servicesLog: (level: LogLevel, message: string) => void;
  restartPolicy?: Partial<RestartPolicyOptions>;
  /** After the main page loaded, how long to wait for `window.ready` before showing it anyway. */
  showFallbackMs?: number;
  readyTimeoutMs?: number;
  shutdownTimeoutMs?: number;
  now?: () => number;
}

/** launching: the launcher is up; running: the main window is shown. */
export type AppPhase = 'idle' | 'launching' | 'running' | 'quitting';

export class AppContext {
  readonly windows = new WindowRegistry();
  readonly events: MainEventChannel;
  readonly services: ServicesHost;
  readonly ports: PortBroker;
  private readonly options: AppContextOptions;
  private readonly log: AppLog;
  private readonly settings: SettingsStore;
  private currentPhase: AppPhase = 'idle';
  private launcher: TrackedWindow | null = null;
  private launcherClosing = false;
  private mainWindow: TrackedWindow | null = null;
  /** Services said `ready` but there is no profile: waiting for the launcher's first-run choice. */
  private waitingForProfile = false;
  /** `init` went to the current services process (so `settings` updates make sense to it). */
  private initPosted = false;
  /** Tells the main window its page painted (window.ready, or its load timed out or failed). */
  private mainPageReady: (() => void) | null = null;
  /** Shows the main window if its page is ready and the services are up. */
  private mainShowsWhenReady: (() => void) | null = null;
  /** The services reported initDone at least once: a main window may be shown. */
  private servicesInitialised = false;
  private unregisterIpc: (() => void) | null = null;
  private readonly sessionSecrets = new SessionSecrets();
  private shuttingDown: Promise<void> | null = null;
  /** The OS proxy for WeCom's host (null: direct); sent with `init` and again when it changes. */
  private systemProxy: string | null = null;
  private proxyTarget: string | null = null;

  constructor(options: AppContextOptions) {
    this.options = options;
    this.log = options.log;
    this.settings = options.settings;
    this.events = new MainEventChannel(this.windows);
    this.services = new ServicesHost({
      modulePath: options.servicesPath,
      log: options.log,
      servicesLog: options.servicesLog,
      onMessage: (message) => this.onServicesMessage(message),
      onCrash: (info) => this.onServicesCrash(info),
      policy: new RestartPolicy(options.restartPolicy),
      ...(options.readyTimeoutMs !== undefined ? { readyTimeoutMs: options.readyTimeoutMs } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    this.ports = new PortBroker({
      postToServices: (message, transfer) => this.services.post(message, transfer),
      sendToWindow: (windowId, nonce, port) => this.sendPort(windowId, nonce, port),
    });
  }

  get phase(): AppPhase {
    return this.currentPhase;
  }

  get launcherWindow(): BrowserWindow | null {
    return this.launcher?.window ?? null;
  }

  get mainBrowserWindow(): BrowserWindow | null {
    return this.mainWindow?.window ?? null;
  }

  /** Origins whose pages may call main. */
  get allowedOrigins(): string[] {
    const dev = this.options.devServerUrl ? originOf(this.options.devServerUrl) : null;
    return dev ? [dev] : [APP_ORIGIN];
  }

  /** Call once the app is ready. */
  start(): void {
    if (this.currentPhase !== 'idle') return;
    const dev = this.options.devServerUrl ? originOf(this.options.devServerUrl) : null;
    const csp = contentSecurityPolicy(dev);
    hardenSession(session.defaultSession, { csp, origins: this.allowedOrigins });
    if (!this.options.devServerUrl) serveAppProtocol(session.defaultSession, this.options.rendererDir, csp);
    app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, this.log));
    this.unregisterIpc = registerIpc({
      windows: this.windows,
      allowedOrigins: this.allowedOrigins,
      handlers: createMainHandlers({
        appVersion: this.options.appVersion,
        electronVersion: this.options.electronVersion ?? null,
        logsDir: this.options.logsDir,
        settings: this.settings,
        log: this.log,
        launcherRetry: (offline) => this.launcherRetry(offline),
        chooseDemo: () => this.chooseDemo(),
        windowReady: (window) => this.windowReady(window),
        quit: () => app.quit(),
      }),
      sticky: (window, event) => this.events.sticky(window, event),
      onPortRequest: (window, nonce) => this.ports.request(window.id, nonce),
      log: this.log,
    });
    this.windows.onClosed((tracked) => this.onWindowClosed(tracked));
    this.settings.onChange((change) => this.onSettingsChanged(change));

    this.currentPhase = 'launching';
    this.launcher = this.windows.add(createLauncherWindow(this.windowOptions()), 'launcher');
    this.services.start();
    // With a profile to open, the main window loads its page (hidden) while the services start, and
    // shows when both are done; it waits for its services port until initDone (PortBroker). The
    // first run opens it once a profile is chosen.
    if (this.settings.activeProfile()) this.openMainWindow();
    void this.refreshSystemProxy();
  }

  /** Resolves the OS proxy for the base URL in Settings (or WeCom's); tells the services when it changed. */
  async refreshSystemProxy(): Promise<void> {
    const target = this.settings.get().network.baseUrl || WECOM_API_URL;
    if (target === this.proxyTarget) return;
    this.proxyTarget = target;
    const proxy = await resolveSystemProxy(target, this.log);
    if (this.proxyTarget !== target || proxy === this.systemProxy) return;
    this.systemProxy = proxy;
    this.log.info(`system proxy for ${target}: ${proxy ?? 'direct'}`);
    if (this.initPosted) this.services.post({ type: 'systemProxy', url: proxy });
  }

  /** A second instance was started: bring ours to the front instead. */
  focus(): void {
    const main = this.mainWindow?.window;
    const target = main && !main.isDestroyed() && main.isVisible() ? main : (this.launcher?.window ?? main);
    if (!target || target.isDestroyed()) return;
    if (target.isMinimized()) target.restore();
    target.show();
    target.focus();
  }

  /** macOS: the dock icon was clicked with no window open. */
  reopen(): void {
    if (this.currentPhase === 'running' && !this.mainWindow) this.openMainWindow();
  }

  /**
   * Before quitting: let the services close their database. Every call returns the same shutdown,
   * so a second quit while the services are closing waits for it instead of cutting it short.
   */
  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      this.currentPhase = 'quitting';
      await this.services.stop(this.options.shutdownTimeoutMs ?? 3_000);
      this.unregisterIpc?.();
    })();
    return this.shuttingDown;
  }

  // ─── services ───────────────────────────────────────────────────────────

  private onServicesMessage(message: ServicesToMain): void {
    switch (message.type) {
      case 'ready':
        this.onServicesReady();
        break;
      case 'progress':
        if (this.currentPhase === 'launching') {
          this.sendToLauncher('launcher.progress', {
            step: message.step,
            total: message.total,
            label: message.label,
            ...(message.counts ? { counts: message.counts } : {}),
            ...(message.note ? { note: message.note } : {}),
          });
        }
        break;
      case 'initDone':
        this.onInitDone(message);
        break;
      case 'initFailed':
        this.onInitFailed(message);
        break;
      case 'sessionSecret':
        this.sessionSecrets.apply(message.account, message.secret);
        break;
      case 'networkSecretsMoved':
        try {
          this.settings.dropMovedNetworkSecrets(message.accounts, this.log);
        } catch (e) {
          // the credentials stay in the file (and in the keychain): moved again on the next start
          this.log.warn(`could not remove the moved network credentials from the settings: ${String(e)}`);
        }
        break;
      case 'crypt':
        // Answered at once; the services are 'ready' whenever they can ask.
        this.services.post(answerCrypt(message));
        break;
      case 'log':
        break;
    }
  }

  private onServicesReady(): void {
    this.initPosted = false;
    const profile = this.settings.activeProfile();
    if (!profile && this.currentPhase === 'launching') {
      this.waitingForProfile = true;
      this.sendToLauncher('launcher.firstRun', {});
      return;
    }
    this.postInit(profile);
  }

  private postInit(profile: Profile | null): void {
    // the first run's profile is chosen: the main window loads while the services initialise on it
    if (profile && this.currentPhase === 'launching' && !this.mainWindow) this.openMainWindow();
    const { userData, logsDir, appVersion } = this.options;
    this.initPosted = this.services.post({
      type: 'init',
      paths: { userData, cacheDb: path.join(userData, 'cache.db'), logs: logsDir },
      profile,
      settings: this.settings.get(),
      appVersion,
      sessionSecrets: this.sessionSecrets.snapshot(),
      systemProxy: this.systemProxy,
    });
  }

  private onInitDone(message: Extract<ServicesToMain, { type: 'initDone' }>): void {
    this.log.info(
      `services initialised: ${message.mode}${message.reason ? ` (${message.reason})` : ''}, data as of ${
        message.asOf === null ? 'never' : new Date(message.asOf).toISOString()
      }`,
    );
    this.ports.servicesRunning();
    this.setServicesState('running', null);
    this.servicesInitialised = true;
    if (this.currentPhase !== 'launching') return;
    if (this.mainWindow) this.mainShowsWhenReady?.();
    else this.openMainWindow();
  }

  private onInitFailed(message: Extract<ServicesToMain, { type: 'initFailed' }>): void {
    this.log.warn(`services init failed at ${message.id}: ${message.message}`);
    if (this.currentPhase === 'launching') {
      this.sendToLauncher('launcher.error', {
        message: message.message,
        error: message.error,
        canContinueOffline: message.canContinueOffline,
      });
    } else {
      this.setServicesState('failed', message.message, message.error);
    }
  }

  private onServicesCrash(info: CrashInfo): void {
    this.ports.servicesStopped();
    this.initPosted = false;
    if (info.decision.action === 'restart') {
      this.setServicesState('restarting', restartingMessage(info.code, info.decision.delayMs), undefined, 'crash');
      return;
    }
    const error = gaveUpError(info.decision.crashesInWindow, this.options.logsDir);
    this.setServicesState('failed', error.message, error);
    if (this.currentPhase === 'launching') {
      this.sendToLauncher('launcher.error', { message: error.message, error, canContinueOffline: false });
    }
  }

  private setServicesState(
    state: MainEventPayload<'services.state'>['state'],
    message: string | null,
    error?: ServiceError,
    cause?: MainEventPayload<'services.state'>['cause'],
  ): void {
    this.events.broadcast('services.state', { state, restarts: this.services.restarts, message, ...(error ? { error } : {}), ...(cause ? { cause } : {}) });
  }

  private async restartServices(reason: string): Promise<void> {
    this.ports.servicesStopped();
    this.initPosted = false;
    this.events.broadcast('services.state', {
      state: 'restarting',
      cause: 'profileSwitch',
      restarts: this.services.restarts + 1,
      message: reason,
    });
    await this.services.restart();
  }

  // ─── launcher ───────────────────────────────────────────────────────────

  private async launcherRetry(offline: boolean): Promise<void> {
    if (this.services.phase === 'failed') {
      this.log.info('retrying the services after they gave up');
      await this.services.retryAfterFailure();
      return;
    }
    if (!this.services.post({ type: 'retry', offline })) {
      this.log.warn('retry asked while the services are not ready; they will start on their own');
    }
  }

  private chooseDemo(): void {
    if (!this.settings.get().profiles.some((p) => p.id === DEMO_PROFILE.id))
      this.settings.saveProfile(DEMO_PROFILE);
    // activateProfile → onSettingsChanged posts init (first run) or restarts the services.
    this.settings.activateProfile(DEMO_PROFILE.id);
    if (this.waitingForProfile) {
      // Demo was already active but services were waiting: start them now.
      this.waitingForProfile = false;
      this.postInit(this.settings.activeProfile());
    }
  }

  private sendToLauncher<E extends 'launcher.progress' | 'launcher.error' | 'launcher.firstRun'>(
    event: E,
    payload: MainEventPayload<E>,
  ): void {
    if (this.launcher) this.events.send(this.launcher, event, payload);
  }

  private closeLauncher(): void {
    const launcher = this.launcher;
    if (!launcher) return;
    this.launcherClosing = true;
    if (!launcher.window.isDestroyed()) launcher.window.close();
  }

  // ─── main window ────────────────────────────────────────────────────────

  private openMainWindow(): void {
    const window = createMainWindow({ ...this.windowOptions(), theme: this.settings.get().theme });
    const tracked = this.windows.add(window, 'main');
    this.mainWindow = tracked;
    let shown = false;
    let pageReady = false;
    let fallback: ReturnType<typeof setTimeout> | null = null;
    const reveal = () => {
      if (shown || window.isDestroyed()) return;
      shown = true;
      this.mainPageReady = null;
      this.mainShowsWhenReady = null;
      window.show();
      window.focus();
      this.closeLauncher();
      if (this.currentPhase === 'launching') this.currentPhase = 'running';
    };
    // shown when the last of the two comes: its page painted, the services initialised
    const showWhenReady = () => {
      if (pageReady && this.servicesInitialised) reveal();
    };
    const pageIsReady = () => {
      pageReady = true;
      if (fallback) clearTimeout(fallback);
      showWhenReady();
    };
    this.mainPageReady = pageIsReady;
    this.mainShowsWhenReady = showWhenReady;
    // The page normally says `window.ready` after its first paint; if it never does, show it anyway.
    window.webContents.once('did-finish-load', () => {
      if (pageReady) return; // it said ready before the load event
      fallback = setTimeout(() => {
        this.log.warn('the main window did not report ready; showing it anyway');
        pageIsReady();
      }, this.options.showFallbackMs ?? 5_000);
    });
    window.webContents.once('did-fail-load', (_event, code: number, description: string) => {
      this.log.error(`the main window failed to load (${code} ${description})`);
      pageIsReady();
    });
    // A crashed page comes back by itself; on reload it asks for a fresh services port.
    window.webContents.on('render-process-gone', (_event, details: { reason: string; exitCode: number }) => {
      this.log.error(`the main window's page is gone (${details.reason}, exit code ${details.exitCode})`);
      if (details.reason !== 'clean-exit' && !window.isDestroyed()) window.webContents.reload();
    });
    window.on('unresponsive', () => this.log.warn('the main window is not responding'));
  }

  private windowReady(window: TrackedWindow): void {
    if (window.kind === 'main' && this.mainWindow?.id === window.id) this.mainPageReady?.();
  }

  private onWindowClosed(tracked: TrackedWindow): void {
    this.ports.forget(tracked.id);
    if (this.mainWindow?.id === tracked.id) {
      this.mainWindow = null;
      this.mainPageReady = null;
      this.mainShowsWhenReady = null;
    }
    if (this.launcher?.id === tracked.id) {
      this.launcher = null;
      // Closing the launcher before the app opened (Alt+F4, the dock) means: quit.
      if (!this.launcherClosing && this.currentPhase === 'launching') app.quit();
    }
  }

  private sendPort(windowId: number, nonce: string, port: MessagePortMain): void {
    const tracked = this.windows.get(windowId);
    if (!tracked || tracked.window.isDestroyed()) {
      port.close();
      return;
    }
    tracked.window.webContents.postMessage(IPC.port, { nonce }, [port]);
  }

  // ─── settings ───────────────────────────────────────────────────────────

  private onSettingsChanged(change: SettingsChange): void {
    this.events.broadcast('settings.changed', change.settings);
    const profile = this.settings.activeProfile();
    if (change.activeProfileChanged) {
      if (this.waitingForProfile) {
        this.waitingForProfile = false;
        this.postInit(profile);
        return;
      }
      this.log.info(`active profile is now ${profile?.id ?? 'none'}: restarting the services`);
      void this.restartServices(
        switchingProfileMessage(profile?.name ?? null),
      ).catch((error: unknown) => this.log.error('could not restart the services:', error));
      return;
    }
    if (this.initPosted) this.services.post({ type: 'settings', settings: change.settings, profile });
    void this.refreshSystemProxy();
  }

  private windowOptions() {
    return {
      preloadPath: this.options.preloadPath,
      devServerUrl: this.options.devServerUrl,
      log: this.log,
      ...(this.options.iconPath ? { iconPath: this.options.iconPath } : {}),
    };
  }
}
