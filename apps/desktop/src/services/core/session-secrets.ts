// Session-only secrets: kept here and by main, which hands them back on every init (restart, switch).
import type { ServicesToMain } from '../../shared/host-protocol.ts';
import { memorySessionStore, type SessionSecretStore } from '../secrets/secret-vault.ts';

export interface SessionSecrets {
  /** What the vault writes through: every change is told to main. */
  readonly store: SessionSecretStore;
  /** Restores the secrets main kept (no message back). */
  restore(secrets: Record<string, string>): void;
  has(account: string): boolean;
}

export function createSessionSecrets(post: (message: ServicesToMain) => void): SessionSecrets {
  const secrets = memorySessionStore();
  const store: SessionSecretStore = {
    get: (account) => secrets.get(account),
    set(account, secret) {
      secrets.set(account, secret);
      post({ type: 'sessionSecret', account, secret });
    },
    delete(account) {
      if (secrets.get(account) === undefined) return;
      secrets.delete(account);
      post({ type: 'sessionSecret', account, secret: null });
    },
  };
  return {
    store,
    restore(kept) {
      for (const [account, secret] of Object.entries(kept)) secrets.set(account, secret);
    },
    has: (account) => secrets.get(account) !== undefined,
  };
}
