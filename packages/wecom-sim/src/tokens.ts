// Access tokens: issued per app (or the contacts-sync secret), expiring at issue time + ttl.
// expireAll() makes current tokens answer 42001, revokeAll() 40014, like WeCom revoking early.
import type { Rng } from './random.ts';
import { ID_CHARS, randomString } from './random.ts';
import type { SimApp } from './types.ts';

export type TokenOwner = { kind: 'app'; app: SimApp } | { kind: 'contacts' };

interface TokenEntry {
  owner: TokenOwner;
  expiresAt: number;
  expired: boolean;
}

export type TokenCheck = { ok: true; owner: TokenOwner } | { ok: false; errcode: 40014 | 41001 | 42001 };

/** Expired tokens are kept (they answer 42001, not 40014) up to this many, oldest dropped first. */
const MAX_REMEMBERED = 200_000;

export class TokenStore {
  private readonly entries = new Map<string, TokenEntry>();
  private issuedCount = 0;
  private readonly rng: Rng;
  private readonly ttlSeconds: number;
  private readonly now: () => number;

  constructor(rng: Rng, ttlSeconds: number, now: () => number) {
    this.rng = rng;
    this.ttlSeconds = ttlSeconds;
    this.now = now;
  }

  issue(owner: TokenOwner): { access_token: string; expires_in: number } {
    const token = randomString(this.rng, 128, ID_CHARS);
    this.entries.set(token, { owner, expiresAt: this.now() + this.ttlSeconds * 1000, expired: false });
    this.issuedCount++;
    if (this.entries.size > MAX_REMEMBERED) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return { access_token: token, expires_in: this.ttlSeconds };
  }

  check(token: string | null): TokenCheck {
    if (!token) return { ok: false, errcode: 41001 };
    const entry = this.entries.get(token);
    if (!entry) return { ok: false, errcode: 40014 };
    if (entry.expired || this.now() >= entry.expiresAt) return { ok: false, errcode: 42001 };
    return { ok: true, owner: entry.owner };
  }

  expireAll(): void {
    for (const entry of this.entries.values()) entry.expired = true;
  }

  revokeAll(): void {
    this.entries.clear();
  }

  issued(): number {
    return this.issuedCount;
  }
}
