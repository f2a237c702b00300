// Where access tokens live between calls. The default keeps them in memory; an app may plug in a
// store shared across processes. Keys never contain a secret (see tokenKey).

export interface StoredToken {
  accessToken: string;
  /** ms since epoch when gettoken answered. */
  fetchedAt: number;
  /** ms since epoch after which the token is no longer used (expires_in minus the safety margin). */
  expiresAt: number;
}

export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemoryTokenStore implements TokenStore {
  private readonly tokens = new Map<string, StoredToken>();

  async get(key: string): Promise<StoredToken | undefined> {
    return this.tokens.get(key);
  }

  async set(key: string, token: StoredToken): Promise<void> {
    this.tokens.set(key, token);
  }

  async delete(key: string): Promise<void> {
    this.tokens.delete(key);
  }
}
