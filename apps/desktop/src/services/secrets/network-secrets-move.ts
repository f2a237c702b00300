// Network credentials that a settings file from an older version still holds in plain text (gateway
// header values, a proxy's user:password) go to the vault once, at start, the way `secrets.setNetwork`
// stores them; main then strips them from the file. Nothing is stripped unless every value went where
// it survives a restart (the keychain or the encrypted file): without such a store they stay, and the
// user is told so.
import { NETWORK_SECRETS_PROFILE, PROXY_AUTH_ACCOUNT, extractNetworkSecrets, headerAccount } from '../../shared/network-secrets.ts';
import type { NetworkSettings, Settings } from '../../shared/settings.ts';
import { bindingName, destinationOf } from './bound-vault.ts';
import type { BoundVault } from './bound-vault.ts';
import { CONTACTS_ACCOUNT } from './secret-vault.ts';
import type { SecretStorage, SecretVault } from './secret-vault.ts';
import { reasonOf } from '../../shared/error-reason.ts';

/** One network credential into the vault: the one path for `secrets.setNetwork` and the move. */
export function storeNetworkSecret(vault: SecretVault, account: string, secret: string): Promise<SecretStorage> {
  return vault.set(NETWORK_SECRETS_PROFILE, account, secret);
}

export type NetworkSecretsMove =
  | { state: 'none' }
  /** Stored; `network` is the settings without them (what the file should now hold). */
  | { state: 'moved'; accounts: string[]; network: NetworkSettings }
  /** Left in the settings file: no store that survives a restart, or it refused them. */
  | { state: 'kept'; accounts: string[]; reason: string };

export interface MoveOptions {
  /** The vault the services use (bound to the destination of `settings`). */
  vault: BoundVault;
  /** The same vault unbound: to carry the destination bindings over to the stripped settings. */
  raw: SecretVault;
  settings: Settings;
  log: (level: 'info' | 'warn', message: string) => void;
}

export async function moveNetworkSecrets({ vault, raw, settings, log }: MoveOptions): Promise<NetworkSecretsMove> {
  const { network, secrets } = extractNetworkSecrets(settings.network);
  const accounts = Object.keys(secrets);
  if (accounts.length === 0) return { state: 'none' };
  const status = await vault.status();
  if (!status.available) return { state: 'kept', accounts, reason: status.reason ?? 'no keychain' };
  try {
    for (const account of accounts) {
      const storage = await storeNetworkSecret(vault, account, secrets[account]!);
      if (storage === 'session') return { state: 'kept', accounts, reason: 'the keychain kept it for this session only' };
    }
  } catch (e) {
    return { state: 'kept', accounts, reason: reasonOf(e) };
  }
  // Header values are part of the destination fingerprint: the secrets bound to the settings as they
  // were (the same place, the values now kept apart) stay bound to the settings without them.
  const before = destinationOf(settings.network);
  const after = destinationOf(network);
  if (before !== after) {
    const owners: Array<[string, string]> = [
      ...settings.profiles.flatMap((p) => [...p.apps.map((a): [string, string] => [p.id, a.name]), [p.id, CONTACTS_ACCOUNT] as [string, string]]),
      ...[...Object.keys(settings.network.gatewayHeaders).map(headerAccount), PROXY_AUTH_ACCOUNT].map((a): [string, string] => [NETWORK_SECRETS_PROFILE, a]),
    ];
    for (const [profileId, app] of owners) {
      try {
        if ((await raw.get(profileId, bindingName(app))) === before) await raw.set(profileId, bindingName(app), after);
      } catch (e) {
        // the secret itself is safe; at worst it is withheld until entered again
        log('warn', `could not carry over the destination of ${profileId}/${app}: ${reasonOf(e)}`);
      }
    }
  }
  return { state: 'moved', accounts, network };
}
