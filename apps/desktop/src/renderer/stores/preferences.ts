// The UI's language and theme, from main's settings (`settings.get`), following `settings.changed`.
// The settings screen edits them through main; this store only mirrors what main holds.
import { create } from 'zustand';
import type { Settings } from '../../shared/settings.ts';
import { api } from '../api/client.ts';

export interface PreferencesState {
  language: Settings['language'];
  theme: Settings['theme'];
  /** True once main answered; until then the defaults (中文, system theme) apply. */
  loaded: boolean;
  activeProfileId: string | null;
  /** The active corp as the settings name it (and whether it is the Demo), for the top bar. */
  activeProfile: { name: string; demo: boolean } | null;
}

export interface PreferencesActions {
  applySettings(settings: Settings): void;
  /** Loads the settings once and follows their changes; returns the unsubscribe. */
  start(): () => void;
}

export const usePreferencesStore = create<PreferencesState & PreferencesActions>()((set, get) => ({
  language: 'zh-CN',
  theme: 'system',
  loaded: false,
  activeProfileId: null,
  activeProfile: null,
  applySettings: (settings) => {
    const active = settings.profiles.find((p) => p.id === settings.activeProfileId);
    set({
      language: settings.language,
      theme: settings.theme,
      activeProfileId: settings.activeProfileId,
      activeProfile: active ? { name: active.name, demo: active.kind === 'demo' } : null,
      loaded: true,
    });
  },
  start: () => {
    const off = api.onMain('settings.changed', (settings) => get().applySettings(settings));
    api.main('settings.get', {}).then(
      (settings) => get().applySettings(settings),
      (e: unknown) => {
        // Defaults stay in place; the shell still works.
        console.error('settings.get failed', e);
        set({ loaded: true });
      },
    );
    return off;
  },
}));
