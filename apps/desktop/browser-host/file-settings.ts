// A JSON-file settings backend for the browser host (the app uses electron-store; same schema and
// migrations, applied by SettingsStore).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SettingsBackend } from '../src/main/settings-store.ts';
import type { Settings } from '../src/shared/settings.ts';

export function fileBackend(file: string, initial: Partial<Settings> = {}): SettingsBackend {
  return {
    location: file,
    read: () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : structuredClone(initial)),
    write(settings) {
      mkdirSync(dirname(file), { recursive: true });
      // write-then-rename: a crash never leaves half a settings file
      writeFileSync(`${file}.tmp`, JSON.stringify(settings, null, 2));
      renameSync(`${file}.tmp`, file);
    },
  };
}
