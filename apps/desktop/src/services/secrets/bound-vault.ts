// Secrets bound to where they were entered for: the WeCom origin (base URL's scheme, host and port)
// and the gateway headers. When either changes, a stored secret is withheld — no call carries it —
// until the user enters it again, so a changed base URL can never collect the secrets of the old one.
import { createHash } from 'node:crypto';
import type { NetworkSettings } from '../../shared/settings.ts';
import type { SecretVault } from './secret-vault.ts';

export const DEFAULT_WECOM_ORIGIN = 'https://qyapi.weixin.qq.com';

/** The keychain account that records a secret's destination: app names never contain ':'. */
export const bindingName = (app: string): string => `${app}:destination`;

/** A fingerprint of where calls go: the base URL's origin and the gateway headers (hashed: they may be keys). */
export function destinationOf(network: Pick<NetworkSettings, 'baseUrl' | 'gatewayHeaders'>): string {
  let origin = DEFAULT_WECOM_ORIGIN;
  if (network.baseUrl) {
    try {
      origin = new URL(network.baseUrl).origin;
    } catch {
      origin = `invalid:${network.baseUrl}`;
    }
  }
  const headers = Object.entries(network.gatewayHeaders)
    .map(([name, value]) => [name.toLowerCase(), value])
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  return createHash('sha256').update(JSON.stringify([origin, headers])).digest('hex');
}

export interface BoundVault extends SecretVault {
  /** True when a secret is stored but was entered for another destination. */
  isWithheld(profileId: string, app: string): Promise<boolean>;
}

/**
 * `get` answers only secrets entered for the current destination; `set` records it. A secret stored
 * before bindings existed is bound to the destination it is first read for.
 */
export function bindVault(vault: SecretVault, destination: () => string): BoundVault {
  async function read(profileId: string, app: string): Promise<{ secret: string | null; withheld: boolean }> {
    const secret = await vault.get(profileId, app);
    if (secret === null) return { secret: null, withheld: false };
    const current = destination();
    const bound = await vault.get(profileId, bindingName(app));
    if (bound === null) {
      await vault.set(profileId, bindingName(app), current);
      return { secret, withheld: false };
    }
    return bound === current ? { secret, withheld: false } : { secret: null, withheld: true };
  }
  return {
    status: () => vault.status(),
    get: async (profileId, app) => (await read(profileId, app)).secret,
    isWithheld: async (profileId, app) => (await read(profileId, app)).withheld,
    async set(profileId, app, secret) {
      const storage = await vault.set(profileId, app, secret);
      await vault.set(profileId, bindingName(app), destination());
      return storage;
    },
    async delete(profileId, app) {
      await vault.delete(profileId, app);
      await vault.delete(profileId, bindingName(app));
    },
  };
}
