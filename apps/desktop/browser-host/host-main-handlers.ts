// main's calls as the browser host answers them: the same settings store, shell calls that only log.
// The checks before them (window rules, input) are main-calls.ts's.
import { join } from 'node:path';
import type { MainInput, MainMethod } from '../src/shared/contract.ts';
import { DEMO_PROFILE, type Profile } from '../src/shared/settings.ts';
import { isAllowedExternalUrl } from '../src/main/external-links.ts';
import { settingsPatchFrom } from '../src/main/settings-patch.ts';
import { MainCallError } from '../src/main/call-errors.ts';
import type { SettingsStore } from '../src/main/settings-store.ts';
import type { MainCallHandlers } from './main-calls.ts';

export interface HostMainDeps {
  settings: SettingsStore;
  userData: string;
  /** Asks the services to run init again (online, or straight to the cache). */
  retry(offline: boolean): void;
  log(line: string): void;
}

export function hostMainHandlers(deps: HostMainDeps): MainCallHandlers {
  const { settings, log } = deps;
  const ok = { ok: true } as const;
  const handlers: { [M in MainMethod]: (input: never, rawInput: unknown) => unknown } = {
    'app.info': () => ({ version: 'browser-host', platform: process.platform, electron: null, logFolder: join(deps.userData, 'logs') }),
    'app.openLogFolder': () => ok,
    'app.openExternal': ({ url }: { url: string }) => {
      if (!isAllowedExternalUrl(url)) throw new MainCallError('LINK_NOT_ALLOWED', 'Only WeCom admin and documentation pages open from the app.', 'forbidden');
      log(`open external ${url}`);
      return ok;
    },
    'app.quit': () => ok,
    'settings.get': () => settings.get(),
    'settings.update': (input: MainInput<'settings.update'>, rawInput: unknown) => settings.update(settingsPatchFrom(input, rawInput)),
    'profiles.save': (profile: Profile) => settings.saveProfile(profile),
    'profiles.remove': ({ id }: { id: string }) => settings.removeProfile(id),
    'profiles.activate': ({ id }: { id: string }) => settings.activateProfile(id),
    'launcher.retry': () => {
      deps.retry(false);
      return ok;
    },
    'launcher.continueOffline': () => {
      deps.retry(true);
      return ok;
    },
    'launcher.chooseDemo': () => {
      settings.saveProfile(DEMO_PROFILE);
      settings.activateProfile(DEMO_PROFILE.id);
      return ok;
    },
    'window.ready': () => ok,
  };
  return handlers as MainCallHandlers;
}
