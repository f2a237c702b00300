// What main answers itself: app info, links out, settings and profiles, the launcher's choices.
import { shell } from 'electron';
import type { MainHandlers } from './ipc-router.ts';
import { MainCallError } from './call-errors.ts';
import { isAllowedExternalUrl } from './external-links.ts';
import type { AppLog } from './logger.ts';
import { LINK_NOT_ALLOWED } from './messages.ts';
import type { SettingsStore } from './settings-store.ts';
import { settingsPatchFrom } from './settings-patch.ts';
import type { TrackedWindow } from './window-registry.ts';

export interface MainHandlerDeps {
  appVersion: string;
  electronVersion: string | null;
  logsDir: string;
  settings: SettingsStore;
  log: AppLog;
  launcherRetry: (offline: boolean) => void | Promise<void>;
  chooseDemo: () => void;
  windowReady: (window: TrackedWindow) => void;
  quit: () => void;
}

export function createMainHandlers(deps: MainHandlerDeps): MainHandlers {
  return {
    'app.info': () => ({
      version: deps.appVersion,
      platform: process.platform,
      electron: deps.electronVersion,
      logFolder: deps.logsDir,
    }),
    'app.openLogFolder': async () => {
      const error = await shell.openPath(deps.logsDir);
      if (error) throw new MainCallError('OPEN_FAILED', `Could not open the log folder: ${error}`);
      return { ok: true };
    },
    'app.openExternal': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) {
        deps.log.warn('refused to open an external link outside the allow-list:', url);
        throw new MainCallError('LINK_NOT_ALLOWED', LINK_NOT_ALLOWED, 'forbidden');
      }
      await shell.openExternal(url);
      return { ok: true };
    },
    'app.quit': () => {
      deps.quit();
      return { ok: true };
    },
    'settings.get': () => deps.settings.get(),
    'settings.update': (input, { rawInput }) => deps.settings.update(settingsPatchFrom(input, rawInput)),
    'profiles.save': (profile) => deps.settings.saveProfile(profile),
    'profiles.remove': ({ id }) => deps.settings.removeProfile(id),
    'profiles.activate': ({ id }) => deps.settings.activateProfile(id),
    'launcher.retry': async () => {
      await deps.launcherRetry(false);
      return { ok: true };
    },
    'launcher.continueOffline': async () => {
      await deps.launcherRetry(true);
      return { ok: true };
    },
    'launcher.chooseDemo': () => {
      deps.chooseDemo();
      return { ok: true };
    },
    'window.ready': (_input, { window }) => {
      deps.windowReady(window);
      return { ok: true };
    },
  };
}
