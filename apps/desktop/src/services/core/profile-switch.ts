// What main sends while the services run: the init message, new settings or profile, the OS proxy.
// A change of WeCom address, gateway or profile reloads the credentials and reconnects.
import type { InitMessage } from '../../shared/host-protocol.ts';
import type { Profile, Settings } from '../../shared/settings.ts';
import type { CoreState } from './core-state.ts';
import type { SessionSecrets } from './session-secrets.ts';

interface SwitchDeps {
  state: CoreState;
  session: SessionSecrets;
  /** Init is done and the cache is open: a change can be acted on now. */
  running: () => boolean;
  reloadCredentials: () => Promise<void>;
  applyBot: () => void;
}

export function createProfileSwitch({ state, session, running, reloadCredentials, applyBot }: SwitchDeps) {
  return {
    configure(message: InitMessage): void {
      state.init = message;
      session.restore(message.sessionSecrets);
      state.settings = message.settings;
      state.profile = message.profile;
      state.environment = { ...state.environment, systemProxy: message.systemProxy ?? null };
    },
    async setSystemProxy(url: string | null): Promise<void> {
      if (state.environment.systemProxy === url) return;
      state.environment = { ...state.environment, systemProxy: url };
      if (running() && state.profile) await reloadCredentials();
    },
    async updateSettings(next: Settings, nextProfile: Profile | null): Promise<void> {
      const reconnect =
        JSON.stringify(state.settings?.network) !== JSON.stringify(next.network) ||
        JSON.stringify(state.profile) !== JSON.stringify(nextProfile);
      state.settings = next;
      state.profile = nextProfile;
      if (reconnect && running()) await reloadCredentials();
      if (running()) applyBot();
    },
  };
}
