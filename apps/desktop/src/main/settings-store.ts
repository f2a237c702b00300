// Settings and profiles, kept by main. The storage is a small interface (electron-store in the app,
// memory or a temp dir in tests); every write is validated against the settings schema first.
import { CodedError } from '@wld/wecom-core/rules';
import { networkSettingsSchema, settingsSchema } from '../shared/settings.ts';
import type { NetworkSettings, Profile, Settings } from '../shared/settings.ts';
import { stripNetworkSecrets } from '../shared/network-secrets.ts';
import { migrateSettings } from './settings-migrations.ts';
import type { AppLog } from './logger.ts';

export interface SettingsBackend {
  read(): unknown;
  write(settings: Settings): void;
  /** Where the settings live (a file path, or a label for memory). */
  readonly location: string;
}

export function memoryBackend(initial: unknown = {}): SettingsBackend & { data: unknown } {
  const backend = {
    data: structuredClone(initial),
    location: 'memory',
    read: () => structuredClone(backend.data),
    write: (settings: Settings) => {
      backend.data = structuredClone(settings);
    },
  };
  return backend;
}

export type SettingsPatch = Partial<Pick<Settings, 'activeProfileId' | 'language' | 'theme'>> & {
  network?: Partial<NetworkSettings>;
};

export interface SettingsChange {
  settings: Settings;
  previous: Settings;
  /** The active profile is another one (or none): the services must restart on it. */
  activeProfileChanged: boolean;
}

export class SettingsError extends CodedError {
  override name = 'SettingsError';
  /** What the renderer words the refusal from (errors.json: INVALID_SETTINGS, NO_SUCH_PROFILE). */
  readonly params: Record<string, string>;
  constructor(message: string, code: 'INVALID_SETTINGS' | 'NO_SUCH_PROFILE' = 'INVALID_SETTINGS', params: Record<string, string> = {}) {
    super(code, message);
    this.params = params;
  }
}

export class SettingsStore {
  private readonly backend: SettingsBackend;
  private current: Settings;
  private readonly listeners = new Set<(change: SettingsChange) => void>();

  constructor(backend: SettingsBackend, log: AppLog) {
    this.backend = backend;
    const loaded = migrateSettings(backend.read());
    this.current = loaded.settings;
    for (const problem of loaded.problems) log.warn(`settings (${backend.location}): ${problem}`);
    if (loaded.newerVersion) {
      log.warn(
        `settings were written by a newer version (v${loaded.fromVersion}); read what this version understands`,
      );
    } else if (loaded.migrated || loaded.problems.length > 0) {
      if (loaded.migrated)
        log.info(`settings migrated from v${loaded.fromVersion} to v${this.current.version}`);
      backend.write(this.current);
    }
  }

  get location(): string {
    return this.backend.location;
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  /** The active profile; when the id points nowhere but profiles exist, the first one. */
  activeProfile(): Profile | null {
    const { profiles, activeProfileId } = this.current;
    return profiles.find((p) => p.id === activeProfileId) ?? profiles[0] ?? null;
  }

  onChange(listener: (change: SettingsChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(patch: SettingsPatch): Settings {
    const next: Settings = { ...this.current };
    if (patch.language !== undefined) next.language = patch.language;
    if (patch.theme !== undefined) next.theme = patch.theme;
    if (patch.network !== undefined)
      next.network = networkSettingsSchema.parse({ ...this.current.network, ...patch.network });
    if (patch.activeProfileId !== undefined) {
      this.assertProfileExists(patch.activeProfileId);
      next.activeProfileId = patch.activeProfileId;
    }
    return this.commit(next);
  }

  /**
   * The services moved these network credentials (an older version's plain text) to the keychain:
   * the file keeps the header names and the proxy URL without user:password. Logged once.
   */
  dropMovedNetworkSecrets(accounts: readonly string[], log: AppLog): Settings {
    const settings = this.update({ network: stripNetworkSecrets(this.current.network, accounts) });
    log.info(`settings (${this.backend.location}): ${accounts.length} network credential(s) moved to the keychain and removed from the file`);
    return settings;
  }

  /** Adds the profile, or replaces the one with the same id. */
  saveProfile(profile: Profile): Settings {
    const exists = this.current.profiles.some((p) => p.id === profile.id);
    const profiles = exists
      ? this.current.profiles.map((p) => (p.id === profile.id ? profile : p))
      : [...this.current.profiles, profile];
    return this.commit({ ...this.current, profiles });
  }

  /** Removes a profile; when it was active, the first remaining one (or none) becomes active. */
  removeProfile(id: string): Settings {
    this.assertProfileExists(id);
    const profiles = this.current.profiles.filter((p) => p.id !== id);
    const activeProfileId =
      this.current.activeProfileId === id ? (profiles[0]?.id ?? null) : this.current.activeProfileId;
    return this.commit({ ...this.current, profiles, activeProfileId });
  }

  activateProfile(id: string): Settings {
    this.assertProfileExists(id);
    return this.commit({ ...this.current, activeProfileId: id });
  }

  private assertProfileExists(id: string | null): void {
    if (id !== null && !this.current.profiles.some((p) => p.id === id)) {
      throw new SettingsError(`There is no profile "${id}".`, 'NO_SUCH_PROFILE', { id: id.slice(0, 80) });
    }
  }

  private commit(next: Settings): Settings {
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      throw new SettingsError(`Invalid settings: ${field} ${issue?.message ?? ''}`.trim(), 'INVALID_SETTINGS', {
        field,
        problem: issue?.message ?? '',
      });
    }
    const previous = this.current;
    const previousActive = this.activeProfile();
    this.backend.write(parsed.data);
    this.current = parsed.data;
    const active = this.activeProfile();
    const change: SettingsChange = {
      settings: this.get(),
      previous,
      activeProfileChanged: previousActive?.id !== active?.id,
    };
    for (const listener of this.listeners) listener(change);
    return this.get();
  }
}
