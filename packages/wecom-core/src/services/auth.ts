// Connection test: force a fresh token, then make one cheap authenticated call.
import type { ApiCaller, CredentialRef } from '../http/types.ts';
import { tagListResponseSchema } from '../models/tag.ts';
import { userListIdResponseSchema } from '../models/user.ts';
import type { CallOptions } from './options.ts';

export interface ConnectionTestResult {
  ok: true;
  /** Token fetch plus the cheap call, wall time in ms. */
  latencyMs: number;
  tokenExpiresAt: number;
}

export class AuthService {
  readonly #caller: ApiCaller;
  readonly #credential: CredentialRef | undefined;

  constructor(caller: ApiCaller, credential?: CredentialRef) {
    this.#caller = caller;
    this.#credential = credential;
  }

  /** Resolves when the credential works end to end; otherwise throws the typed error (e.g. 40001, 60020). */
  async testConnection(
    options: CallOptions & { credential?: CredentialRef } = {},
  ): Promise<ConnectionTestResult> {
    const credential = options.credential ?? this.#credential;
    const started = performance.now();
    const token = await this.#caller.fetchToken(credential, { force: true });
    const common = {
      credential,
      priority: options.priority ?? 'interactive',
      signal: options.signal,
      cache: false,
    } as const;
    if (credential === 'contacts') {
      // The contacts-sync secret may only read ids from a new IP; list_id with limit 1 is the cheapest call.
      await this.#caller.call({
        ...common,
        method: 'POST',
        path: '/cgi-bin/user/list_id',
        body: { limit: 1 },
        schema: userListIdResponseSchema,
      });
    } else {
      await this.#caller.call({
        ...common,
        method: 'GET',
        path: '/cgi-bin/tag/list',
        schema: tagListResponseSchema,
      });
    }
    return { ok: true, latencyMs: performance.now() - started, tokenExpiresAt: token.expiresAt };
  }
}
