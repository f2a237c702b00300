// The two kinds of window: the small frameless launcher and the main window. Both start hidden with
// a background colour matching their page, and use the same secure webPreferences.
import { BrowserWindow, nativeTheme } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Settings } from '../shared/settings.ts';
import { pageUrl } from './app-protocol.ts';
import { LAUNCHER_BACKGROUND, LAUNCHER_SIZE, MAIN_BACKGROUND, MAIN_SIZE, PRODUCT_NAME } from './constants.ts';
import type { AppLog } from './logger.ts';

export interface WindowOptions {
  preloadPath: string;
  devServerUrl: string | null;
  iconPath?: string;
  log: AppLog;
}

function load(window: BrowserWindow, url: string, log: AppLog): void {
  window.loadURL(url).catch((error: unknown) => log.error(`could not load ${url}:`, error));
}

/**
 * Every window of the app. The webPreferences are spelled out on the constructor (not spread from a
 * helper) so that reviewers and static scanners see them where the window is made.
 */
function secureWindow(options: WindowOptions, extra: BrowserWindowConstructorOptions): BrowserWindow {
  return new BrowserWindow({
    show: false,
    title: PRODUCT_NAME,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    ...extra,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would ask for a new window; none may open anyway, this removes the path.
      disableBlinkFeatures: 'Auxclick',
      // V8's code cache is written at a script's first run, not its second: the second start of the
      // app already takes the main window's compiled code from the cache (Chromium's default waits
      // for a script to be seen twice, so only the third start would).
      v8CacheOptions: 'bypassHeatCheck',
    },
  });
}

export function createLauncherWindow(options: WindowOptions): BrowserWindow {
  const window = secureWindow(options, {
    ...LAUNCHER_SIZE,
    frame: false,
    resizable: false,
    maximizable: false,
    fullscreenable: false,
    center: true,
    backgroundColor: nativeTheme.shouldUseDarkColors ? LAUNCHER_BACKGROUND.dark : LAUNCHER_BACKGROUND.light,
  });
  // Shown once painted: no white frame before the page.
  window.once('ready-to-show', () => window.show());
  load(window, pageUrl('launcher', options.devServerUrl), options.log);
  return window;
}

export function mainBackground(theme: Settings['theme']): string {
  const dark = theme === 'dark' || (theme === 'system' && nativeTheme.shouldUseDarkColors);
  return dark ? MAIN_BACKGROUND.dark : MAIN_BACKGROUND.light;
}

/** Created hidden: shown when its page says `window.ready` (see AppContext). */
export function createMainWindow(options: WindowOptions & { theme: Settings['theme'] }): BrowserWindow {
  const window = secureWindow(options, {
    ...MAIN_SIZE,
    backgroundColor: mainBackground(options.theme),
    autoHideMenuBar: true,
  });
  load(window, pageUrl('index', options.devServerUrl), options.log);
  return window;
}
