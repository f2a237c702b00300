// secrets.set / status / delete. Write-only from the renderer: status says which secrets exist, never what they are.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { CONTACTS_ACCOUNT } from '../secrets/secret-vault.ts';
import { storeNetworkSecret } from '../secrets/network-secrets-move.ts';

type Methods = 'secrets.set' | 'secrets.setNetwork' | 'secrets.status' | 'secrets.delete';

export function secretsHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  const affectsActive = (profileId: string) => ctx.profile()?.id === profileId && ctx.profile()?.kind === 'corp';
  return {
    'secrets.set': async ({ profileId, app, secret }) => {
      const storage = await ctx.vault.set(profileId, app, secret);
      if (affectsActive(profileId)) void ctx.reloadCredentials().catch((e: unknown) => ctx.log('warn', `reconnect after a new secret failed: ${String(e)}`));
      return { ok: true as const, storage };
    },
    'secrets.setNetwork': async ({ account, secret }) => {
      const storage = await storeNetworkSecret(ctx.vault, account, secret);
      void ctx.reloadCredentials().catch((e: unknown) => ctx.log('warn', `reconnect after a network credential failed: ${String(e)}`));
      return { ok: true as const, storage };
    },
    'secrets.status': async ({ profileId }) => {
      const status = await ctx.vault.status();
      const profile = ctx.settings().profiles.find((p) => p.id === profileId) ?? (ctx.profile()?.id === profileId ? ctx.profile() : null);
      const apps: Record<string, boolean> = {};
      const storage: Record<string, 'keychain' | 'encrypted-file' | 'session' | 'simulator' | 'missing'> = {};
      if (profile) {
        const names = [...profile.apps.map((a) => a.name), CONTACTS_ACCOUNT];
        for (const name of names) {
          // the Demo's secrets come from the embedded simulator
          storage[name] = profile.kind === 'demo' ? 'simulator' : await ctx.secretStorage(profile.id, name);
          apps[name] = storage[name] !== 'missing';
        }
      }
      const network = ctx.networkSecretsMove();
      return { keychainAvailable: status.available, reason: status.reason, store: status.store, location: status.location, apps, storage, ...(network ? { network } : {}) };
    },
    'secrets.delete': async ({ profileId, app }) => {
      await ctx.vault.delete(profileId, app);
      if (affectsActive(profileId)) void ctx.reloadCredentials().catch((e: unknown) => ctx.log('warn', `reload after deleting a secret failed: ${String(e)}`));
      return { ok: true as const };
    },
  };
}
