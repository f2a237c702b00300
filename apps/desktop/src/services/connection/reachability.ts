// Whether a failure means WeCom cannot be reached. Offline is for that alone:
// - refused, DNS, proxy: the request never left — unreachable at once;
// - timeouts: unreachable after several in a row (one slow answer is not an outage);
// - 5xx, resets, garbled answers, rate limits: WeCom is there, the call failed — never offline;
// - a wrong secret or corp id (gettoken refused): WeCom answered; said as "wrong secret", not "offline".
import { WeComApiError, WeComNetworkError } from '@wld/wecom-core';
import type { ServiceError } from '../../shared/models.ts';
import { offlineFailure } from '../wecom/service-errors.ts';

export type Reachability = 'unreachable' | 'timeout' | 'credentials' | 'reachable';

/** Consecutive timeouts (without an answer in between) that make WeCom unreachable. */
export const TIMEOUTS_FOR_OFFLINE = 3;

const UNREACHABLE_KINDS = new Set(['refused', 'dns', 'proxy']);

export function reachabilityOf(error: unknown): Reachability {
  if (error instanceof WeComNetworkError) {
    if (UNREACHABLE_KINDS.has(error.kind)) return 'unreachable';
    if (error.kind === 'timeout') return 'timeout';
    return 'reachable';
  }
  // gettoken refusing the secret or the corp id: a retry class of 'never' marks the token call
  if (error instanceof WeComApiError && error.category === 'auth' && error.retryClass === 'never') return 'credentials';
  return 'reachable';
}

/** Counts timeouts in a row; any answer from WeCom resets the count. */
export interface TimeoutStreak {
  /** Notes a failure; true when WeCom should now count as unreachable. */
  failed(error: unknown): boolean;
  answered(): void;
}

export function createTimeoutStreak(limit = TIMEOUTS_FOR_OFFLINE): TimeoutStreak {
  let streak = 0;
  return {
    failed(error) {
      const verdict = reachabilityOf(error);
      if (verdict === 'timeout') streak++;
      else if (verdict !== 'unreachable') streak = 0;
      return verdict === 'unreachable' || (verdict === 'timeout' && streak >= limit);
    },
    answered() {
      streak = 0;
    },
  };
}

/** The connection's reason when gettoken refuses the credentials, keeping WeCom's own code. */
export function wrongSecretError(cause: ServiceError): ServiceError {
  return {
    kind: 'wecom',
    code: 'WRONG_SECRET',
    ...(cause.errcode !== undefined ? { errcode: cause.errcode } : {}),
    message: 'WeCom refused the credentials: the app secret or corp ID is wrong; check them in Settings',
    details: [cause.message, cause.details].filter(Boolean).join('\n'),
  };
}

/** A read refused while offline: nothing to change, so nothing to reassure about. */
export const offlineReadError = (details?: string): ServiceError => offlineFailure('read', details);
