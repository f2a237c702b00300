// The request pipeline every WeCom call goes through:
// cache → rate limiter → token → HTTP → parse → classify errcode → retry / refresh → zod → value.
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { WeComConfig } from '../config.ts';
import { ResponseCache } from '../cache/response-cache.ts';
import { cacheKey } from '../cache/cache-key.ts';
import { rateLimitGiveUpError } from '../errors/classify.ts';
import { WeComAbortError, WeComApiError, WeComConfigError, WeComError, WeComResponseValidationError } from '../errors/errors.ts';
import type { RequestDetails } from '../errors/errors.ts';
import { RateLimiter } from '../limit/rate-limiter.ts';
import type { Permit } from '../limit/rate-limiter.ts';
import { decideRetry, newRetryState } from '../retry/policy.ts';
import type { RetryPolicyOptions } from '../retry/policy.ts';
import { isReplaySafe } from '../retry/replay-safety.ts';
import { ApiStats } from '../stats/api-stats.ts';
import type { CallListener } from '../stats/api-stats.ts';
import { TokenManager } from '../token/token-manager.ts';
import type { TokenCredential } from '../token/token-manager.ts';
import { tokenKey } from '../token/token-key.ts';
import { MemoryTokenStore } from '../token/token-store.ts';
import type { StoredToken, TokenStore } from '../token/token-store.ts';
import { abortError, raceAbort } from './abort.ts';
import { makeClock } from './clock.ts';
import type { Clock } from './clock.ts';
import { interpretBinary, interpretFailure, interpretJson } from './interpret.ts';
import type { AttemptOutcome, ExchangeContext } from './interpret.ts';
import { redactBody, redactQuery } from './redact.ts';
import { HttpTransport } from './transport.ts';
import type { ApiCaller, ApiRequest, BinaryResponse, CallEvent, CredentialRef, Language, Priority } from './types.ts';

export interface PipelineOptions {
  /** Where tokens are kept; default in memory. */
  tokenStore?: TokenStore;
  /** Clock for token expiry, cache TTL and rate-limit windows (ms since epoch). */
  now?: () => number;
  /** Waits for backoff and rate-limit windows; must honour the signal. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

export interface ApiPipeline extends ApiCaller {
  readonly config: WeComConfig;
  readonly stats: ApiStats;
  readonly limiter: RateLimiter;
  readonly tokens: TokenManager;
  readonly cache: ResponseCache;
  /** Every finished call (cache hits and gettoken included); returns an unsubscribe function. */
  onCall(listener: CallListener): () => void;
  /** Rejects queued calls, stops timers and closes pooled connections. */
  close(): Promise<void>;
}

const GETTOKEN_PATH = '/cgi-bin/gettoken';
const MAX_MALFORMED_RETRIES = 2;
const MAX_WINDOW_WAITS = 3;

const tokenResponseSchema = z.object({
  errcode: z.literal(0).optional(),
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

type Mode = 'json' | 'binary';
type AnyRequest = Omit<ApiRequest<unknown>, 'schema'> & { range?: string };

interface CallProgress {
  attempts: number;
}

export function createPipeline(config: WeComConfig, options: PipelineOptions = {}): ApiPipeline {
  return new Pipeline(config, options);
}

class Pipeline implements ApiPipeline {
  readonly config: WeComConfig;
  readonly language: Language;
  readonly stats: ApiStats;
  readonly limiter: RateLimiter;
  readonly tokens: TokenManager;
  readonly cache: ResponseCache;
  private readonly clock: Clock;
  private readonly transport: HttpTransport;
  private readonly credentials = new Map<CredentialRef, TokenCredential>();
  private readonly defaultCredential: CredentialRef;
  private readonly retryOptions: RetryPolicyOptions;
  /** Aborts backoff sleeps when the pipeline closes. */
  private readonly lifetime = new AbortController();
  private closed = false;

  constructor(config: WeComConfig, options: PipelineOptions) {
    this.config = config;
    this.language = config.language;
    this.clock = makeClock(options.now, options.sleep);
    this.transport = new HttpTransport(config);
    for (const app of config.apps) {
      this.credentials.set(app.name, { ref: app.name, corpId: config.corpId, secret: app.secret, key: tokenKey(config.corpId, app.secret) });
    }
    if (config.contactsSecret) {
      const secret = config.contactsSecret;
      this.credentials.set('contacts', { ref: 'contacts', corpId: config.corpId, secret, key: tokenKey(config.corpId, secret) });
    }
    this.defaultCredential = config.apps[0]!.name;
    this.retryOptions = {
      maxRetries: config.maxRetries,
      retryDelayMs: config.retryDelayMs,
      maxRetryDelayMs: config.maxRetryDelayMs,
      random: options.random ?? Math.random,
      maxMalformedRetries: MAX_MALFORMED_RETRIES,
      maxWindowWaits: MAX_WINDOW_WAITS,
    };
    this.limiter = new RateLimiter({ quotas: config.quotas, clock: this.clock, language: this.language });
    this.tokens = new TokenManager({
      store: options.tokenStore ?? new MemoryTokenStore(),
      fetcher: (credential) => this.fetchAccessToken(credential),
      clock: this.clock,
      marginMs: config.tokenMarginSeconds * 1000,
    });
    this.stats = new ApiStats({ now: this.clock.now, tokenStats: () => this.tokens.stats });
    this.cache = new ResponseCache({
      enabled: config.cache.enabled,
      maxEntries: config.cache.maxEntries,
      defaultTtlSeconds: config.cache.ttlSeconds,
      clock: this.clock,
    });
  }

  onCall(listener: CallListener): () => void {
    return this.stats.onCall(listener);
  }

  async call<T>(request: ApiRequest<T>): Promise<T> {
    const startedAt = this.clock.now();
    const started = performance.now();
    const progress: CallProgress = { attempts: 0 };
    const credentialRef = request.credential ?? this.defaultCredential;
    try {
      const credential = this.credential(credentialRef);
      const ttl = this.cacheTtlSeconds(request);
      const key = ttl > 0 ? cacheKey(credential.key, request.method, request.path, request.query, request.body) : null;
      if (key !== null && request.refreshCache !== true) {
        const hit = this.cache.get<T>(key);
        if (hit !== undefined) {
          this.record(request, credentialRef, startedAt, started, progress, true, null);
          return hit;
        }
      }
      const json = await this.execute(request, credential, false, 'json', progress);
      const value = this.validate(request.schema, json, request.path);
      if (key !== null) this.cache.set(key, value, ttl);
      this.record(request, credentialRef, startedAt, started, progress, false, null);
      return value;
    } catch (error) {
      this.record(request, credentialRef, startedAt, started, progress, false, error);
      throw error;
    }
  }

  async callBinary(request: Omit<ApiRequest<unknown>, 'schema' | 'cache'> & { range?: string }): Promise<BinaryResponse> {
    const startedAt = this.clock.now();
    const started = performance.now();
    const progress: CallProgress = { attempts: 0 };
    const credentialRef = request.credential ?? this.defaultCredential;
    try {
      const value = await this.execute(request, this.credential(credentialRef), false, 'binary', progress);
      this.record(request, credentialRef, startedAt, started, progress, false, null);
      return value;
    } catch (error) {
      this.record(request, credentialRef, startedAt, started, progress, false, error);
      throw error;
    }
  }

  async fetchToken(credential?: CredentialRef, options?: { force?: boolean }): Promise<{ expiresAt: number }> {
    this.ensureOpen(GETTOKEN_PATH);
    const token = await this.tokens.get(this.credential(credential ?? this.defaultCredential), options?.force === true);
    return { expiresAt: token.expiresAt };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.lifetime.abort();
    this.limiter.close();
    await this.transport.close();
  }

  /** gettoken through the same limiter, transport and backoff as any call, but never a token retry. */
  private async fetchAccessToken(credential: TokenCredential): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const request: AnyRequest = {
      method: 'GET',
      path: GETTOKEN_PATH,
      query: { corpid: credential.corpId, corpsecret: credential.secret },
      priority: 'interactive',
    };
    const startedAt = this.clock.now();
    const started = performance.now();
    const progress: CallProgress = { attempts: 0 };
    try {
      const json = await this.execute(request, null, true, 'json', progress);
      const value = this.validate(tokenResponseSchema, json, GETTOKEN_PATH);
      this.record(request, credential.ref, startedAt, started, progress, false, null);
      return { accessToken: value.access_token, expiresInSeconds: value.expires_in };
    } catch (error) {
      this.record(request, credential.ref, startedAt, started, progress, false, error);
      throw error;
    }
  }

  private execute(request: AnyRequest, credential: TokenCredential | null, isTokenCall: boolean, mode: 'json', progress: CallProgress): Promise<unknown>;
  private execute(request: AnyRequest, credential: TokenCredential | null, isTokenCall: boolean, mode: 'binary', progress: CallProgress): Promise<BinaryResponse>;
  private async execute(
    request: AnyRequest,
    credential: TokenCredential | null,
    isTokenCall: boolean,
    mode: Mode,
    progress: CallProgress,
  ): Promise<unknown> {
    const endpoint = request.path;
    const bucket = request.bucket ?? endpoint;
    const priority: Priority = request.priority ?? 'interactive';
    const signal = request.signal;
    const replaySafe = isReplaySafe(request);
    const state = newRetryState();
    const context: ExchangeContext = { endpoint, details: () => requestDetails(request), language: this.language, isTokenCall };
    for (;;) {
      this.ensureOpen(endpoint);
      const permit: Permit = await this.limiter.acquire(bucket, priority, signal);
      let token: StoredToken | null = null;
      let outcome: AttemptOutcome<unknown>;
      try {
        if (credential) token = await raceAbort(this.tokens.get(credential), signal, endpoint, this.language);
        progress.attempts++;
        outcome = await this.attempt(request, token, mode, context);
      } finally {
        permit.release();
      }
      if (outcome.ok) {
        this.limiter.noteSuccess(bucket);
        return outcome.value;
      }
      const error = outcome.error;
      const decision = decideRetry(
        error,
        { replaySafe, isTokenCall, requestSent: outcome.requestSent, retryAfterMs: outcome.retryAfterMs },
        state,
        this.retryOptions,
      );
      switch (decision.action) {
        case 'fail':
          throw error;
        case 'refresh-token':
          if (credential && token) await this.tokens.invalidate(credential.key, token.accessToken);
          break;
        case 'backoff':
          if (error instanceof WeComApiError && error.errcode === 45033) this.limiter.noteConcurrencyLimited(bucket);
          await this.sleep(decision.delayMs, signal, endpoint);
          break;
        case 'wait-window': {
          const pause = this.limiter.noteRateLimited(bucket, permit.admittedAt);
          const waitMs = pause.until - this.clock.now();
          if (waitMs > this.config.quotas.maxWindowWaitSeconds[priority] * 1000) {
            throw rateLimitGiveUpError({
              endpoint,
              request: context.details(),
              language: this.language,
              retryAfterMs: waitMs,
              window: pause.window,
              source: 'server',
              errmsg: error instanceof WeComApiError ? error.errmsg : undefined,
              cause: error,
            });
          }
          // The next acquire waits in the limiter until the bucket's pause ends.
          break;
        }
      }
    }
  }

  private async attempt(request: AnyRequest, token: StoredToken | null, mode: Mode, context: ExchangeContext): Promise<AttemptOutcome<unknown>> {
    let response;
    try {
      response = await this.transport.send({
        method: request.method,
        path: request.path,
        query: request.query,
        accessToken: token?.accessToken,
        json: request.body,
        multipart: request.multipart,
        range: request.range,
        timeoutMs: request.timeoutMs ?? this.config.timeoutMs,
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw abortError(request.signal, request.path, this.language);
      if (this.closed) throw new WeComAbortError(request.path, this.language, 'closed', error);
      const failure = interpretFailure(error, context, this.transport.viaProxy);
      if (failure) return failure;
      // undici gave up on the request without our asking: treat it as a reset connection.
      return interpretFailure(Object.assign(new Error('request aborted by the HTTP client'), { code: 'UND_ERR_SOCKET' }), context, false)!;
    }
    const now = this.clock.now();
    return mode === 'json' ? interpretJson(response, context, now) : interpretBinary(response, context, now);
  }

  private validate<S extends z.ZodType>(schema: S, json: unknown, endpoint: string): z.output<S> {
    const result = schema.safeParse(json);
    if (result.success) return result.data;
    throw new WeComResponseValidationError({
      kind: 'shape',
      endpoint,
      issues: result.error.issues.slice(0, 20).map((issue) => ({
        path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
        message: issue.message,
      })),
      bodySnippet: redactBody(json, 300) ?? '',
      status: 200,
      language: this.language,
    });
  }

  private async sleep(ms: number, signal: AbortSignal | undefined, endpoint: string): Promise<void> {
    const combined = signal ? AbortSignal.any([signal, this.lifetime.signal]) : this.lifetime.signal;
    try {
      await this.clock.sleep(ms, combined);
    } catch (error) {
      if (signal?.aborted) throw abortError(signal, endpoint, this.language);
      throw new WeComAbortError(endpoint, this.language, 'closed', error);
    }
  }

  private credential(ref: CredentialRef): TokenCredential {
    const credential = this.credentials.get(ref);
    if (credential) return credential;
    if (ref === 'contacts') {
      throw new WeComConfigError([{ field: 'contactsSecret', problem: 'is required for this call (contacts-sync secret)' }], this.language);
    }
    throw new WeComConfigError([{ field: 'apps', problem: `no app named "${ref}"` }], this.language);
  }

  private cacheTtlSeconds(request: ApiRequest<unknown>): number {
    if (!this.cache.enabled || !request.cache) return 0;
    return request.cache === true ? this.cache.defaultTtlSeconds : request.cache.ttlSeconds;
  }

  private ensureOpen(endpoint: string): void {
    if (this.closed) throw new WeComAbortError(endpoint, this.language, 'closed');
  }

  private record(
    request: AnyRequest,
    credential: CredentialRef,
    startedAt: number,
    started: number,
    progress: CallProgress,
    fromCache: boolean,
    error: unknown,
  ): void {
    const failed = error !== null && error !== undefined;
    const event: CallEvent = {
      endpoint: request.path,
      method: request.method,
      credential,
      startedAt,
      durationMs: performance.now() - started,
      attempts: progress.attempts,
      fromCache,
      errcode: failed ? (error instanceof WeComApiError ? error.errcode : null) : 0,
      error: failed ? errorSummary(error) : null,
    };
    this.stats.record(event, failed && error instanceof WeComError ? error : undefined);
  }
}

function errorSummary(error: unknown): NonNullable<CallEvent['error']> {
  if (error instanceof WeComApiError) return { name: error.name, message: error.message, hint: error.hint };
  if (error instanceof Error) return { name: error.name, message: error.message, hint: null };
  return { name: 'Error', message: String(error), hint: null };
}

function requestDetails(request: AnyRequest): RequestDetails {
  const details: RequestDetails = { method: request.method, path: request.path, query: redactQuery(request.query) };
  const body = redactBody(request.body);
  if (body !== undefined) details.body = body;
  if (request.multipart) {
    const { field, filename, contentType, data } = request.multipart;
    details.multipart = { field, filename, contentType, bytes: data.byteLength };
  }
  return details;
}
