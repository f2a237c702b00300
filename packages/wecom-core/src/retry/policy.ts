// What to do after a failed attempt, per retry class:
// - token:   invalidate the token and retry once (never on gettoken itself, never twice)
// - backoff: -1, 45033, 6000, 5xx, resets and timeouts: exponential backoff with full jitter, bounded
// - window:  45009: wait for the bucket's rate-limit window (the limiter pauses that bucket only)
// - never:   fail at once
// Failures that leave it unknown whether WeCom acted are retried only for replay-safe requests.
import { WeComApiError, WeComNetworkError, WeComResponseValidationError } from '../errors/errors.ts';
import { fullJitterDelay } from './backoff.ts';

export type RetryDecision =
  | { action: 'fail' }
  | { action: 'refresh-token' }
  | { action: 'backoff'; delayMs: number }
  | { action: 'wait-window' };

export interface RetryState {
  backoffs: number;
  tokenRefreshed: boolean;
  malformed: number;
  windowWaits: number;
}

export interface RetryPolicyOptions {
  maxRetries: number;
  retryDelayMs: number;
  maxRetryDelayMs: number;
  random: () => number;
  /** A garbled body is retried at most this often (and within maxRetries). */
  maxMalformedRetries: number;
  /** 45009 waits per call. */
  maxWindowWaits: number;
}

export interface AttemptContext {
  /** The request may be sent again when it is unknown whether WeCom acted on it. */
  replaySafe: boolean;
  /** The failed attempt was gettoken. */
  isTokenCall: boolean;
  /** False when the failure happened before the request left (connect, DNS, proxy refusal). */
  requestSent: boolean;
  /** Retry-After of a 429/503, in ms. */
  retryAfterMs?: number | null;
}

const FAIL: RetryDecision = { action: 'fail' };
const FATAL_NETWORK_KINDS = new Set(['tls', 'other']);

export function newRetryState(): RetryState {
  return { backoffs: 0, tokenRefreshed: false, malformed: 0, windowWaits: 0 };
}

export function decideRetry(
  error: unknown,
  context: AttemptContext,
  state: RetryState,
  options: RetryPolicyOptions,
): RetryDecision {
  if (error instanceof WeComApiError) {
    switch (error.retryClass) {
      case 'token':
        if (context.isTokenCall || state.tokenRefreshed) return FAIL;
        state.tokenRefreshed = true;
        return { action: 'refresh-token' };
      case 'backoff':
        return backoff(state, options, null);
      case 'window':
        if (state.windowWaits >= options.maxWindowWaits) return FAIL;
        state.windowWaits++;
        return { action: 'wait-window' };
      default:
        return FAIL;
    }
  }
  if (error instanceof WeComNetworkError) {
    if (FATAL_NETWORK_KINDS.has(error.kind)) return FAIL;
    if (error.kind === 'http_status') {
      const status = error.status ?? 0;
      if (status !== 429 && status < 500) return FAIL;
    }
    if (context.requestSent && !context.replaySafe) return FAIL;
    return backoff(state, options, context.retryAfterMs ?? null);
  }
  if (error instanceof WeComResponseValidationError) {
    if (error.kind !== 'malformed' || !context.replaySafe) return FAIL;
    if (state.malformed >= options.maxMalformedRetries) return FAIL;
    const decision = backoff(state, options, null);
    if (decision.action === 'backoff') state.malformed++;
    return decision;
  }
  return FAIL;
}

function backoff(state: RetryState, options: RetryPolicyOptions, retryAfterMs: number | null): RetryDecision {
  if (state.backoffs >= options.maxRetries) return FAIL;
  const jittered = fullJitterDelay(state.backoffs, options.retryDelayMs, options.maxRetryDelayMs, options.random);
  state.backoffs++;
  const delayMs = retryAfterMs === null ? jittered : Math.min(options.maxRetryDelayMs, Math.max(jittered, retryAfterMs));
  return { action: 'backoff', delayMs };
}
