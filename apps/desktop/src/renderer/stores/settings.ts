// Settings screen state: the settings main keeps (profiles, network, language, theme) and the actions
// that write them (the keychain status per profile is the `secrets.status` query). Secrets go to the services' keychain only;
// profiles go to main without them.
import { create } from 'zustand';
import type { MainInput, MethodOutput } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import type { Profile, Settings } from '../../shared/settings.ts';
import { api } from '../api/client.ts';
import { toServiceError } from '../errors.ts';

export type { SecretsStatus } from '../hooks/useSecretsStatus.ts';
export type SecretStorage = MethodOutput<'secrets.set'>['storage'];

/** The keychain account name of a profile's contacts-sync (通讯录同步) secret. */
export const CONTACTS_SECRET_APP = 'contacts';

/** A profile as typed in the form: the profile itself plus the secrets to store beside it. */
export interface ProfileSubmission {
  profile: Profile;
  /** app name → secret; only apps whose secret the user typed (blank keeps the stored one). */
  secrets: Record<string, string>;
}

export interface SaveProfileOutcome {
  settings: Settings;
  /** Where each typed secret went: the keychain, or memory for this session only. */
  storage: Record<string, SecretStorage>;
}

export interface SettingsState {
  settings: Settings | null;
  loading: boolean;
  error: ServiceError | null;
}

export interface SettingsActions {
  load(): Promise<void>;
  /** Applies a `settings.changed` event from main. */
  receive(settings: Settings): void;
  update(patch: MainInput<'settings.update'>): Promise<Settings>;
  saveProfile(submission: ProfileSubmission): Promise<SaveProfileOutcome>;
  removeProfile(id: string): Promise<Settings>;
  activateProfile(id: string): Promise<Settings>;
}

export const useSettingsStore = create<SettingsState & SettingsActions>()((set, get) => ({
  settings: null,
  loading: false,
  error: null,
  load: async () => {
    set({ loading: true, error: null });
    try {
      const settings = await api.main('settings.get', {});
      set({ settings, loading: false });
    } catch (e) {
      set({ loading: false, error: toServiceError(e) });
    }
  },
  receive: (settings) => set({ settings }),
  update: async (patch) => {
    const settings = await api.main('settings.update', patch);
    set({ settings });
    return settings;
  },
  saveProfile: async ({ profile, secrets }) => {
    // The profile goes to main exactly as the schema knows it: no secret can ride along.
    const clean: Profile = {
      id: profile.id,
      name: profile.name,
      kind: profile.kind,
      corpId: profile.corpId,
      apps: profile.apps.map((a) => ({ name: a.name, agentId: a.agentId, ...(a.roles && a.roles.length > 0 ? { roles: a.roles } : {}) })),
      hasContactsSecret: profile.hasContactsSecret || Boolean(secrets[CONTACTS_SECRET_APP]),
      ...(profile.liveAnchors && profile.liveAnchors.length > 0 ? { liveAnchors: profile.liveAnchors } : {}),
      ...(profile.baseUrl ? { baseUrl: profile.baseUrl } : {}),
    };
    const before = get().settings?.profiles.find((p) => p.id === clean.id) ?? null;
    const settings = await api.main('profiles.save', clean);
    set({ settings });
    // Apps renamed or removed in the form leave no secret behind in the keychain.
    const kept = new Set(clean.apps.map((a) => a.name));
    const dropped = (before?.apps ?? []).map((a) => a.name).filter((name) => !kept.has(name));
    await Promise.allSettled(dropped.map((app) => api.call('secrets.delete', { profileId: clean.id, app })));
    const storage: Record<string, SecretStorage> = {};
    for (const [app, secret] of Object.entries(secrets)) {
      if (!secret) continue;
      const result = await api.call('secrets.set', { profileId: clean.id, app, secret });
      storage[app] = result.storage;
    }
    return { settings, storage };
  },
  removeProfile: async (id) => {
    const removed = get().settings?.profiles.find((p) => p.id === id) ?? null;
    const settings = await api.main('profiles.remove', { id });
    set({ settings });
    // Main forgets the profile; its secrets leave the keychain too (best effort: the profile is gone
    // either way, and a secret nobody references is never read).
    if (removed && removed.kind === 'corp') {
      const apps = [...removed.apps.map((a) => a.name), ...(removed.hasContactsSecret ? [CONTACTS_SECRET_APP] : [])];
      await Promise.allSettled(apps.map((app) => api.call('secrets.delete', { profileId: id, app })));
    }
    return settings;
  },
  activateProfile: async (id) => {
    const settings = await api.main('profiles.activate', { id });
    set({ settings });
    return settings;
  },
}));
