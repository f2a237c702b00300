// Main-process entry (out/main/index.js): privileges and paths before `ready`, one instance,
// then the AppContext does the rest. Anything that throws on the way ends in failStartup: a dialog
// with the log's path, the single-instance lock released, exit code 1.
import path from 'node:path';
import { app } from 'electron';
import log from 'electron-log/main';
import servicesPath from '../services/index.ts?modulePath';
import iconPath from '../../../../resources/icon.png?asset';
import { AppContext } from './app-context.ts';
import { applyAppIdentity } from './app-identity.ts';
import { wireAppLifecycle } from './app-lifecycle.ts';
import { installAppMenu } from './app-menu.ts';
import { registerAppSchemePrivileges } from './app-protocol.ts';
import { PRODUCT_NAME } from './constants.ts';
import { configureLogger, servicesLog } from './logger.ts';
import { buildPaths, chooseUserData } from './paths.ts';
import { electronStoreBackend } from './settings-electron-store.ts';
import { SettingsStore } from './settings-store.ts';
import { failStartup } from './startup-failure.ts';

registerAppSchemePrivileges();
app.enableSandbox();
app.setName(PRODUCT_NAME);
applyAppIdentity();
const userData = chooseUserData();
const logsDir = path.join(userData, 'logs');
let logFile = path.join(logsDir, 'main.log');

function start(): void {
  logFile = configureLogger(log, { logsDir, consoleLevel: app.isPackaged ? 'warn' : 'info' });
  log.errorHandler.startCatching({ showDialog: false });

  if (!app.requestSingleInstanceLock()) {
    // Another instance runs: it gets our 'second-instance' event and comes to the front.
    app.quit();
    return;
  }
  const built = buildPaths(import.meta.dirname);
  const devServerUrl =
    !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
  const settings = new SettingsStore(electronStoreBackend({ cwd: userData }, log), log);
  const context = new AppContext({
    servicesPath,
    preloadPath: built.preload,
    rendererDir: built.rendererDir,
    devServerUrl,
    userData,
    logsDir,
    appVersion: app.getVersion(),
    electronVersion: process.versions.electron ?? null,
    iconPath,
    settings,
    log,
    servicesLog: servicesLog(log),
  });
  wireAppLifecycle(context, log);
  log.info(`${PRODUCT_NAME} ${app.getVersion()} starting (userData ${userData})`);
  void app
    .whenReady()
    .then(() => {
      installAppMenu(app.isPackaged);
      context.start();
    })
    .catch((error: unknown) => failStartup(error, logFile, log));
}

try {
  start();
} catch (error) {
  failStartup(error, logFile, log);
}
