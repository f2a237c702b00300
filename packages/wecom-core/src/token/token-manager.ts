// Access tokens per (corpid, secret): cached with a safety margin, exactly one gettoken in flight per
// key, and invalidation that only drops the token that actually failed, so a burst of failures
// with the same stale token causes one refresh, not one per failure.
import type { Clock } from '../http/clock.ts';
import type { CredentialRef } from '../http/types.ts';
import type { StoredToken, TokenStore } from './token-store.ts';

export interface TokenCredential {
  ref: CredentialRef;
  corpId: string;
  secret: string;
  /** corpId + sha256(secret): see tokenKey. */
  key: string;
}

export type TokenFetcher = (credential: TokenCredential) => Promise<{ accessToken: string; expiresInSeconds: number }>;

export interface TokenStats {
  /** Successful gettoken calls. */
  fetches: number;
  /** Fetches for a key that already had a token (expired, invalidated or forced). */
  refreshes: number;
  failures: number;
  invalidations: number;
}

export interface TokenManagerOptions {
  store: TokenStore;
  fetcher: TokenFetcher;
  clock: Clock;
  /** Tokens are dropped this long before WeCom's expiry (capped at half the lifetime). */
  marginMs: number;
}

export class TokenManager {
  private readonly store: TokenStore;
  private readonly fetcher: TokenFetcher;
  private readonly clock: Clock;
  private readonly marginMs: number;
  /** Hot copy of the store, so a valid token costs no await on the store. */
  private readonly memo = new Map<string, StoredToken>();
  private readonly inflight = new Map<string, Promise<StoredToken>>();
  /** The last token invalidated per key: never taken back from a slower store. */
  private readonly rejected = new Map<string, string>();
  private readonly seen = new Set<string>();
  private readonly counters: TokenStats = { fetches: 0, refreshes: 0, failures: 0, invalidations: 0 };

  constructor(options: TokenManagerOptions) {
    this.store = options.store;
    this.fetcher = options.fetcher;
    this.clock = options.clock;
    this.marginMs = options.marginMs;
  }

  get stats(): TokenStats {
    return { ...this.counters };
  }

  /** A valid token for the credential; `force` fetches a new one even if the cached one is valid. */
  get(credential: TokenCredential, force = false): Promise<StoredToken> {
    if (!force) {
      const memo = this.memo.get(credential.key);
      if (memo && memo.expiresAt > this.clock.now()) return Promise.resolve(memo);
    }
    const pending = this.inflight.get(credential.key);
    if (pending) return pending;
    const load = this.load(credential, force).finally(() => this.inflight.delete(credential.key));
    this.inflight.set(credential.key, load);
    return load;
  }

  /**
   * WeCom rejected `accessToken`: forget it, unless it was already replaced (then the caller simply
   * retries with the newer one). Returns whether this call dropped it.
   */
  async invalidate(key: string, accessToken: string): Promise<boolean> {
    const memo = this.memo.get(key);
    if (memo && memo.accessToken !== accessToken) return false;
    if (this.rejected.get(key) === accessToken) return false;
    this.rejected.set(key, accessToken);
    this.memo.delete(key);
    this.counters.invalidations++;
    const stored = await this.store.get(key);
    if (stored?.accessToken === accessToken) await this.store.delete(key);
    return true;
  }

  /** Forget every cached token held in memory (the store keeps its copy). */
  clearMemory(): void {
    this.memo.clear();
  }

  private async load(credential: TokenCredential, force: boolean): Promise<StoredToken> {
    const key = credential.key;
    if (!force) {
      const stored = await this.store.get(key);
      if (stored && stored.expiresAt > this.clock.now() && this.rejected.get(key) !== stored.accessToken) {
        this.memo.set(key, stored);
        this.seen.add(key);
        return stored;
      }
    }
    let fetched: { accessToken: string; expiresInSeconds: number };
    try {
      fetched = await this.fetcher(credential);
    } catch (error) {
      this.counters.failures++;
      throw error;
    }
    const fetchedAt = this.clock.now();
    const lifetimeMs = fetched.expiresInSeconds * 1000;
    const token: StoredToken = {
      accessToken: fetched.accessToken,
      fetchedAt,
      expiresAt: fetchedAt + lifetimeMs - Math.min(this.marginMs, lifetimeMs / 2),
    };
    this.counters.fetches++;
    if (this.seen.has(key)) this.counters.refreshes++;
    this.seen.add(key);
    this.memo.set(key, token);
    await this.store.set(key, token);
    return token;
  }
}
