// App secrets: the OS keychain through keytar, loaded lazily (a native module that needs D-Bus on
// Linux). When no keyring can be reached (no D-Bus, locked collection, module missing) secrets are
// kept for this run only, and `status()` says why. Those session-only secrets live in a
// SessionSecretStore: the services hand them to main, which outlives a services restart or a profile
// switch. Secrets never leave this module except to build the WeCom client (and that store).
export const KEYCHAIN_SERVICE = 'WeCom Live Desk';
/** The account suffix of the contacts-sync (通讯录同步) secret. */
export const CONTACTS_ACCOUNT = 'contacts';

export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type SecretStorage = 'keychain' | 'session';

export interface KeychainStatus {
  available: boolean;
  reason: string | null;
}

export interface SecretVault {
  status(): Promise<KeychainStatus>;
  get(profileId: string, app: string): Promise<string | null>;
  set(profileId: string, app: string, secret: string): Promise<SecretStorage>;
  delete(profileId: string, app: string): Promise<void>;
}

/** Where session-only secrets are kept (default: this process's memory). */
export interface SessionSecretStore {
  get(account: string): string | undefined;
  set(account: string, secret: string): void;
  delete(account: string): void;
}

export function memorySessionStore(initial: Record<string, string> = {}): SessionSecretStore & { entries(): Record<string, string> } {
  const map = new Map(Object.entries(initial));
  return {
    get: (account) => map.get(account),
    set: (account, secret) => void map.set(account, secret),
    delete: (account) => void map.delete(account),
    entries: () => Object.fromEntries(map),
  };
}

export interface SecretVaultOptions {
  /** 'memory' never touches the OS keychain (tests, or a user who turned it off). */
  mode?: 'system' | 'memory';
  /** Loads keytar; replaceable in tests. */
  loadKeytar?: () => Promise<KeytarLike>;
  /** Secrets known up front, by account `${profileId}/${app}` (tests, the browser harness). */
  preset?: Record<string, string>;
  /** Keeps session-only secrets; default: in memory, lost with this process. */
  session?: SessionSecretStore;
}

export const accountOf = (profileId: string, app: string): string => `${profileId}/${app}`;

async function importKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

export function createSecretVault(options: SecretVaultOptions = {}): SecretVault {
  const session = options.session ?? memorySessionStore();
  for (const [account, secret] of Object.entries(options.preset ?? {})) session.set(account, secret);
  let keytar: Promise<KeytarLike | null> | null = null;
  let unavailableReason: string | null = options.mode === 'memory' ? 'keychain disabled for this run' : null;

  function markUnavailable(error: unknown) {
    unavailableReason ??= describe(error);
  }

  /** The keytar module when the keyring answered; null otherwise (reason recorded). */
  function backend(): Promise<KeytarLike | null> {
    if (unavailableReason) return Promise.resolve(null);
    keytar ??= (async () => {
      try {
        const module = await (options.loadKeytar ?? importKeytar)();
        // A read proves D-Bus and the Secret Service are there (no D-Bus fails here).
        await module.getPassword(KEYCHAIN_SERVICE, '__probe__');
        return module;
      } catch (error) {
        markUnavailable(error);
        return null;
      }
    })();
    return keytar.then((module) => (unavailableReason ? null : module));
  }

  return {
    async status() {
      await backend();
      return { available: unavailableReason === null, reason: unavailableReason };
    },
    async get(profileId, app) {
      const account = accountOf(profileId, app);
      const kept = session.get(account);
      if (kept !== undefined) return kept;
      const module = await backend();
      if (!module) return null;
      try {
        return await module.getPassword(KEYCHAIN_SERVICE, account);
      } catch (error) {
        markUnavailable(error);
        return null;
      }
    },
    async set(profileId, app, secret) {
      const account = accountOf(profileId, app);
      const module = await backend();
      if (module) {
        try {
          await module.setPassword(KEYCHAIN_SERVICE, account, secret);
          session.delete(account);
          return 'keychain';
        } catch (error) {
          // e.g. "Cannot create an item in a locked collection"
          markUnavailable(error);
        }
      }
      session.set(account, secret);
      return 'session';
    },
    async delete(profileId, app) {
      const account = accountOf(profileId, app);
      session.delete(account);
      const module = await backend();
      if (!module) return;
      try {
        await module.deletePassword(KEYCHAIN_SERVICE, account);
      } catch (error) {
        markUnavailable(error);
      }
    },
  };
}
