// Turns anything a handler throws into the ServiceError the renderer words: WeCom errors keep their
// errcode and WeCom's errmsg, network failures say so, and internal errors never carry secrets.
import {
  WeComAbortError,
  WeComApiError,
  WeComConfigError,
  WeComInputError,
  WeComNetworkError,
  WeComRateLimitError,
  WeComResponseValidationError,
} from '@wld/wecom-core';
import type { ServiceError } from '../../shared/models.ts';
import { RpcError, defaultMapError, redactSecrets } from '../../shared/rpc.ts';
import { CacheError } from '../cache/index.ts';

/** Network failures where the request surely never reached WeCom: a write failing so changed nothing. */
const UNREACHABLE_KINDS = new Set(['refused', 'dns', 'proxy', 'tls']);

export function isUnreachable(error: unknown): boolean {
  return error instanceof WeComNetworkError && UNREACHABLE_KINDS.has(error.kind);
}

export function isNetworkFailure(error: unknown): boolean {
  return error instanceof WeComNetworkError;
}

const OFFLINE_MESSAGES = {
  write: 'Offline: WeCom cannot be reached, nothing was changed',
  read: 'Offline: WeCom cannot be reached; try again once the connection is back',
};

/**
 * A call refused offline (or whose request never left): a write says nothing was changed on
 * WeCom's side; a read has nothing to reassure about.
 */
export function offlineFailure(call: 'write' | 'read', details?: string): ServiceError {
  return { kind: 'offline', code: 'OFFLINE', params: { context: call }, message: OFFLINE_MESSAGES[call], ...(details ? { details } : {}) };
}

/** The error as the renderer gets it: code, params and errcode kept, secrets blanked everywhere. */
export function toServiceError(error: unknown): ServiceError {
  const shaped = shapeError(error);
  const params = shaped.params
    ? Object.fromEntries(Object.entries(shaped.params).map(([key, value]) => [key, typeof value === 'string' ? redactSecrets(value) : value]))
    : undefined;
  return {
    ...shaped,
    ...(params ? { params } : {}),
    message: redactSecrets(shaped.message),
    ...(shaped.details === undefined ? {} : { details: redactSecrets(shaped.details) }),
  };
}

/** WeCom's own words (errmsg) and where they came from: the renderer words the errcode from the shared table. */
function apiErrorParams(error: WeComApiError): Record<string, string | number> {
  const seconds = error instanceof WeComRateLimitError && error.retryAfterMs !== null ? Math.ceil(error.retryAfterMs / 1000) : null;
  return { errmsg: error.errmsg, endpoint: error.endpoint, ...(seconds !== null ? { seconds } : {}) };
}

function shapeError(error: unknown): ServiceError {
  if (error instanceof RpcError) return error.error;
  if (error instanceof WeComApiError) {
    // details keep WeCom's own words for support
    const details = [error.errmsg, error.hint ? `hint: ${error.hint}` : null].filter(Boolean).join('\n');
    return { kind: 'wecom', code: `WECOM_${error.errcode}`, errcode: error.errcode, params: apiErrorParams(error), message: error.messages.en, details };
  }
  if (error instanceof WeComNetworkError) {
    return {
      kind: 'network',
      code: error.code,
      params: { endpoint: error.endpoint, ...(error.status !== null ? { status: error.status } : {}) },
      message: error.messages.en,
      details: `${error.endpoint} (${error.kind}${error.status ? ` ${error.status}` : ''})`,
    };
  }
  if (error instanceof WeComAbortError) {
    return { kind: 'cancelled', code: 'CANCELLED', message: error.messages.en };
  }
  if (error instanceof WeComInputError) {
    // wecom-core's input checks word their problem in both languages: the renderer picks one
    return {
      kind: 'validation',
      code: 'INPUT_INVALID',
      params: { field: error.field, problemZh: error.messages.zh, problemEn: error.messages.en },
      message: error.messages.en,
      details: error.field,
    };
  }
  if (error instanceof WeComConfigError) {
    const problems = error.problems.map((p) => `${p.field}: ${p.problem}`).join('; ');
    return { kind: 'validation', code: error.code, params: { problems }, message: error.messages.en, details: error.field };
  }
  if (error instanceof WeComResponseValidationError) {
    const first = error.issues[0];
    return {
      kind: 'wecom',
      code: error.code,
      params: { endpoint: error.endpoint, ...(first ? { field: first.path, problem: first.message } : {}) },
      message: error.messages.en,
      details: error.issues.map((i) => `${i.path}: ${i.message}`).join('\n'),
    };
  }
  if (error instanceof CacheError) {
    return {
      kind: error.kind === 'not_found' ? 'not_found' : 'internal',
      code: error.code,
      message: error.message,
    };
  }
  return defaultMapError(error);
}
