// The state the services' parts share: what main sent at init (paths, settings, profile), the open
// cache and the network environment. One mutable record, owned by createServicesCore.
import type { InitMessage } from '../../shared/host-protocol.ts';
import type { Profile, Settings } from '../../shared/settings.ts';
import type { Cache } from '../cache/index.ts';
import type { Language } from '../i18n.ts';
import { systemEnvironment, type NetworkEnvironment } from '../wecom/network-environment.ts';

export interface CoreState {
  init: InitMessage | null;
  settings: Settings | null;
  profile: Profile | null;
  cache: Cache | null;
  environment: NetworkEnvironment;
}

export const initialCoreState = (): CoreState => ({
  init: null,
  settings: null,
  profile: null,
  cache: null,
  environment: systemEnvironment(null),
});

export const languageOf = (state: CoreState): Language => state.settings?.language ?? 'zh-CN';

export type CoreLog = (level: 'debug' | 'info' | 'warn' | 'error', message: string) => void;
