// Where the profile's secrets come from: the vault (keychain, encrypted file or this run's memory,
// bound to the WeCom address they were entered for), the Demo simulator, and network credentials an
// older settings file kept in plain text.
import { headerAccount, NETWORK_SECRETS_PROFILE, PROXY_AUTH_ACCOUNT } from '../../shared/network-secrets.ts';
import type { ServicesToMain } from '../../shared/host-protocol.ts';
import type { SimServer } from '@wld/wecom-sim';
import { bindVault, destinationOf, type BoundVault } from '../secrets/bound-vault.ts';
import { encryptedFileFallback } from '../secrets/encrypted-file-fallback.ts';
import type { MainCrypt } from '../secrets/main-crypt.ts';
import { moveNetworkSecrets } from '../secrets/network-secrets-move.ts';
import { CONTACTS_ACCOUNT, accountOf, createSecretVault } from '../secrets/secret-vault.ts';
import type { ProfileSecrets } from '../wecom/client-factory.ts';
import type { CoreLog, CoreState } from './core-state.ts';
import type { ServicesRuntimeOptions } from './runtime-options.ts';
import type { SessionSecrets } from './session-secrets.ts';

export type NetworkSecretsMove = { state: 'moved' | 'kept'; count: number; reason: string | null };

export interface Credentials {
  readonly vault: BoundVault;
  /** The profile's secrets (and the network ones); marks secrets withheld from a new address. */
  loadSecrets(): Promise<ProfileSecrets>;
  /** True when the last load found secrets entered for another WeCom address or gateway. */
  secretsWithheld(): boolean;
  secretStorage(profileId: string, app: string): Promise<'keychain' | 'encrypted-file' | 'session' | 'missing'>;
  networkSecretsMove(): NetworkSecretsMove | null;
}

interface CredentialsDeps {
  state: CoreState;
  options: ServicesRuntimeOptions;
  session: SessionSecrets;
  crypt: MainCrypt;
  post: (message: ServicesToMain) => void;
  log: CoreLog;
  ensureSimulator: () => Promise<SimServer>;
}

export function createCredentials({ state, options, session, crypt, post, log, ensureSimulator }: CredentialsDeps): Credentials {
  // secrets answer only for the WeCom address and gateway they were entered for
  const rawVault = createSecretVault({
    session: session.store,
    mode: options.keychain ?? 'system',
    ...(options.loadKeytar ? { loadKeytar: options.loadKeytar } : {}),
    ...(options.presetSecrets ? { preset: options.presetSecrets } : {}),
    ...(options.encryptedFileFallback ? { fallback: encryptedFileFallback(() => state.init?.paths.userData ?? null, crypt) } : {}),
  });
  const vault = bindVault(rawVault, () => destinationOf(state.settings?.network ?? { baseUrl: '', gatewayHeaders: {} }));
  /** Plain-text network credentials of an older settings file: looked at once per start. */
  let networkMove: NetworkSecretsMove | null = null;
  let networkMoveChecked = false;
  let withheld = false;
  let loggedStore: string | null = null;

  /** The log says where secrets are kept (and why not in the keychain) whenever that changes. */
  async function logSecretStore(): Promise<void> {
    const status = await vault.status();
    const where =
      status.store === 'keychain'
        ? 'the system keychain'
        : status.store === 'encrypted-file'
          ? `the encrypted file ${status.location ?? ''} (keychain: ${status.reason ?? 'unavailable'})`
          : `memory only, for this run (${status.reason ?? 'no secret store'})`;
    if (where === loggedStore) return;
    loggedStore = where;
    log(status.store === 'memory' ? 'warn' : 'info', `secrets are kept in ${where}`);
  }

  /** Gateway header values and proxy credentials kept in the vault (see network-secrets.ts). */
  async function loadNetworkSecrets(): Promise<Record<string, string>> {
    const kept: Record<string, string> = {};
    if (!state.settings) return kept;
    const accounts = [...Object.keys(state.settings.network.gatewayHeaders).map(headerAccount), PROXY_AUTH_ACCOUNT];
    for (const account of accounts) {
      const value = await vault.get(NETWORK_SECRETS_PROFILE, account);
      if (value !== null) kept[account] = value;
    }
    return kept;
  }

  /**
   * Network credentials an older version left in plain text go to the vault; main then strips them
   * from the settings file. Until main's new settings arrive these services already use the stripped
   * ones (the values come from the vault), so nothing is sent twice or withheld meanwhile.
   */
  async function moveLegacyNetworkSecrets(): Promise<void> {
    if (networkMoveChecked || !state.settings) return;
    networkMoveChecked = true;
    const result = await moveNetworkSecrets({ vault, raw: rawVault, settings: state.settings, log });
    if (result.state === 'none') return;
    if (result.state === 'kept') {
      networkMove = { state: 'kept', count: result.accounts.length, reason: result.reason };
      log('warn', `${result.accounts.length} network credential(s) stay in plain text in the settings file: no keychain or encrypted store (${result.reason})`);
      return;
    }
    networkMove = { state: 'moved', count: result.accounts.length, reason: null };
    state.settings = { ...state.settings, network: result.network };
    log('info', `moved ${result.accounts.length} network credential(s) from the settings file to the keychain: ${result.accounts.join(', ')}`);
    post({ type: 'networkSecretsMoved', accounts: result.accounts });
  }

  async function loadSecrets(): Promise<ProfileSecrets> {
    await moveLegacyNetworkSecrets();
    const secrets: ProfileSecrets = { apps: new Map(), contacts: null, network: await loadNetworkSecrets() };
    const profile = state.profile;
    if (!profile) return secrets;
    if (profile.kind === 'demo') {
      const demo = await ensureSimulator();
      const app = demo.apps[0]!;
      secrets.apps.set(profile.apps[0]?.name ?? app.name, app.secret);
      secrets.contacts = demo.contactsSecret;
      return secrets;
    }
    await logSecretStore();
    withheld = false;
    const names = [...profile.apps.map((app) => app.name), ...(profile.hasContactsSecret ? [CONTACTS_ACCOUNT] : [])];
    for (const name of names) {
      if (await vault.isWithheld(profile.id, name)) withheld = true;
      const secret = await vault.get(profile.id, name);
      if (!secret) continue;
      if (name === CONTACTS_ACCOUNT) secrets.contacts = secret;
      else secrets.apps.set(name, secret);
    }
    return secrets;
  }

  return {
    vault,
    loadSecrets,
    secretsWithheld: () => withheld,
    async secretStorage(profileId, app) {
      // a secret withheld from a new address counts as missing, wherever it is kept
      if ((await vault.get(profileId, app)) === null) return 'missing';
      if (session.has(accountOf(profileId, app))) return 'session';
      const { store } = await vault.status();
      return store === 'encrypted-file' ? 'encrypted-file' : 'keychain';
    },
    networkSecretsMove: () => networkMove,
  };
}
