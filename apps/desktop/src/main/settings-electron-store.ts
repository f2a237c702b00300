// The settings file: electron-store (atomic writes) in userData/settings.json.
// A file that is not JSON at all is kept aside as settings.corrupt-<time>.json and replaced.
import fs from 'node:fs';
import path from 'node:path';
import Store from 'electron-store';
import type { Settings } from '../shared/settings.ts';
import type { SettingsBackend } from './settings-store.ts';
import type { AppLog } from './logger.ts';
import { systemClock } from '@wld/clock';

export interface ElectronStoreBackendOptions {
  /** Folder of the file; default: app.getPath('userData'). */
  cwd?: string;
  name?: string;
}

function open(options: ElectronStoreBackendOptions): Store<Record<string, unknown>> {
  return new Store<Record<string, unknown>>({
    name: options.name ?? 'settings',
    ...(options.cwd ? { cwd: options.cwd } : {}),
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
}

export function electronStoreBackend(options: ElectronStoreBackendOptions, log: AppLog): SettingsBackend {
  let store: Store<Record<string, unknown>>;
  try {
    store = open(options);
  } catch (error) {
    if (!(error instanceof SyntaxError) || !options.cwd) throw error;
    const file = path.join(options.cwd, `${options.name ?? 'settings'}.json`);
    const aside = path.join(options.cwd, `${options.name ?? 'settings'}.corrupt-${systemClock.now()}.json`);
    log.warn(`settings file ${file} is not valid JSON; kept as ${aside}, starting from defaults`);
    fs.renameSync(file, aside);
    store = open(options);
  }
  return {
    location: store.path,
    read: () => store.store,
    write: (settings: Settings) => {
      store.store = settings as unknown as Record<string, unknown>;
    },
  };
}
