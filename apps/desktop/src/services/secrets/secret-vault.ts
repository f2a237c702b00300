// App secrets: the OS keychain through keytar, loaded lazily (a native module that needs D-Bus on
// Linux). Where keytar cannot load or reach a keyring, an encrypted file (Electron's safeStorage,
// through main) when the host has one; memory for this run only when neither works. `status()`
// always says which store is used, where, and why the keychain is not. Secrets kept for this run only
// live in a SessionSecretStore: the services hand them to main, which outlives a services restart or
// a profile switch. Secrets never leave this module except to build the WeCom client (and that store).
import { reasonOf } from '../../shared/error-reason.ts';
export const KEYCHAIN_SERVICE = 'WeCom Live Desk';
/** The account suffix of the contacts-sync (通讯录同步) secret. */
export const CONTACTS_ACCOUNT = 'contacts';

export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Where a secret went: the OS keychain, the safeStorage-encrypted file, or memory for this run. */
export type SecretStorage = 'keychain' | 'encrypted-file' | 'session';

export interface KeychainStatus {
  /** Secrets survive a restart (keychain or encrypted file). */
  available: boolean;
  /** Why the keychain is not used (null when it is). */
  reason: string | null;
  store: 'keychain' | 'encrypted-file' | 'memory';
  /** The encrypted file's path when that is the store; null otherwise. */
  location: string | null;
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

/** Where secrets go when keytar cannot load or reach a keyring: an encrypted file (safeStorage). */
export interface VaultFallback {
  /** Resolves once the store is proven usable (an encrypt/decrypt round trip); rejects with why not. */
  load: () => Promise<KeytarLike>;
  location: () => string;
}

export interface SecretVaultOptions {
  /** 'memory' never touches the OS keychain (tests, or a user who turned it off). */
  mode?: 'system' | 'memory';
  /** Loads keytar; replaceable in tests. */
  loadKeytar?: () => Promise<KeytarLike>;
  fallback?: VaultFallback;
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
  const text = reasonOf(error);
  return text.split('\n')[0]?.slice(0, 300) ?? 'unknown error';
}

type BackendKind = 'keychain' | 'encrypted-file';

interface Backend {
  kind: BackendKind;
  module: KeytarLike;
}

export function createSecretVault(options: SecretVaultOptions = {}): SecretVault {
  const session = options.session ?? memorySessionStore();
  for (const [account, secret] of Object.entries(options.preset ?? {})) session.set(account, secret);
  /** Why each persistent store is out; a store that failed once is not tried again this run. */
  const failed = new Map<BackendKind, string>();
  if (options.mode === 'memory') failed.set('keychain', 'keychain disabled for this run');
  if (!options.fallback) failed.set('encrypted-file', 'no encrypted-file store in this host');
  let chosen: Promise<Backend | null> | null = null;

  async function tryKeychain(): Promise<Backend> {
    const module = await (options.loadKeytar ?? importKeytar)();
    // A read proves D-Bus and the Secret Service are there (no D-Bus fails here).
    await module.getPassword(KEYCHAIN_SERVICE, '__probe__');
    return { kind: 'keychain', module };
  }

  async function choose(): Promise<Backend | null> {
    const candidates: Array<[BackendKind, () => Promise<Backend>]> = [
      ['keychain', tryKeychain],
      ['encrypted-file', async () => ({ kind: 'encrypted-file', module: await options.fallback!.load() })],
    ];
    for (const [kind, attempt] of candidates) {
      if (failed.has(kind)) continue;
      try {
        return await attempt();
      } catch (error) {
        failed.set(kind, describe(error));
      }
    }
    return null;
  }

  /** The store in use; null when only memory is left. */
  function backend(): Promise<Backend | null> {
    chosen ??= choose();
    return chosen;
  }

  /** A store that worked stopped working (a locked collection, a missing key): try the next one. */
  function lost(backend: Backend, error: unknown): void {
    failed.set(backend.kind, describe(error));
    chosen = null;
  }

  return {
    async status() {
      const current = await backend();
      const keychainReason = failed.get('keychain') ?? null;
      if (current?.kind === 'keychain') return { available: true, reason: null, store: 'keychain', location: null };
      if (current?.kind === 'encrypted-file') {
        return { available: true, reason: keychainReason, store: 'encrypted-file', location: options.fallback!.location() };
      }
      const fileReason = options.fallback ? failed.get('encrypted-file') : undefined;
      const reason = [keychainReason, fileReason].filter(Boolean).join('; ') || 'no secret store';
      return { available: false, reason, store: 'memory', location: null };
    },
    async get(profileId, app) {
      const account = accountOf(profileId, app);
      const kept = session.get(account);
      if (kept !== undefined) return kept;
      const current = await backend();
      if (!current) return null;
      try {
        return await current.module.getPassword(KEYCHAIN_SERVICE, account);
      } catch (error) {
        lost(current, error);
        return null;
      }
    },
    async set(profileId, app, secret) {
      const account = accountOf(profileId, app);
      for (let current = await backend(); current; current = await backend()) {
        try {
          await current.module.setPassword(KEYCHAIN_SERVICE, account, secret);
          session.delete(account);
          return current.kind;
        } catch (error) {
          // e.g. "Cannot create an item in a locked collection"
          lost(current, error);
        }
      }
      session.set(account, secret);
      return 'session';
    },
    async delete(profileId, app) {
      const account = accountOf(profileId, app);
      session.delete(account);
      const current = await backend();
      if (!current) return;
      try {
        await current.module.deletePassword(KEYCHAIN_SERVICE, account);
      } catch (error) {
        lost(current, error);
      }
    },
  };
}
