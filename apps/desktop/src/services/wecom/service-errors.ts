// Turns anything a handler throws into the ServiceError the renderer shows: WeCom errors keep their
// errcode and translated sentence, network failures say so, and internal errors never carry secrets.
import {
  WeComAbortError,
  WeComApiError,
  WeComConfigError,
  WeComInputError,
  WeComNetworkError,
  WeComResponseValidationError,
} from '@wld/wecom-core';
import type { ServiceError } from '../../shared/models.ts';
import { RpcError, defaultMapError, redactSecrets } from '../../shared/rpc.ts';
import { CacheError } from '../cache/index.ts';
import { t, type Language } from '../i18n.ts';

const pick = (language: Language, text: { zh: string; en: string }) => (language === 'zh-CN' ? text.zh : text.en);

/** Network failures where the request surely never reached WeCom: a write failing so changed nothing. */
const UNREACHABLE_KINDS = new Set(['refused', 'dns', 'proxy', 'tls']);

export function isUnreachable(error: unknown): boolean {
  return error instanceof WeComNetworkError && UNREACHABLE_KINDS.has(error.kind);
}

export function isNetworkFailure(error: unknown): boolean {
  return error instanceof WeComNetworkError;
}

export function offlineError(language: Language, details?: string): ServiceError {
  return { kind: 'offline', code: 'OFFLINE', message: t(language, 'offline.write'), ...(details ? { details } : {}) };
}

/** The error as the renderer gets it: code and errcode kept, secrets blanked in every sentence. */
export function toServiceError(error: unknown, language: Language): ServiceError {
  const shaped = shapeError(error, language);
  return {
    ...shaped,
    message: redactSecrets(shaped.message),
    ...(shaped.details === undefined ? {} : { details: redactSecrets(shaped.details) }),
  };
}

function shapeError(error: unknown, language: Language): ServiceError {
  if (error instanceof RpcError) return error.error;
  if (error instanceof WeComApiError) {
    // the translated message already carries the fix; details keep WeCom's own words for support
    const details = [error.errmsg, error.hint ? `hint: ${error.hint}` : null].filter(Boolean).join('\n');
    return {
      kind: 'wecom',
      code: `WECOM_${error.errcode}`,
      errcode: error.errcode,
      message: pick(language, error.messages),
      details,
    };
  }
  if (error instanceof WeComNetworkError) {
    return {
      kind: 'network',
      code: error.code,
      message: pick(language, error.messages),
      details: `${error.endpoint} (${error.kind}${error.status ? ` ${error.status}` : ''})`,
    };
  }
  if (error instanceof WeComAbortError) {
    return { kind: 'cancelled', code: 'CANCELLED', message: pick(language, error.messages) };
  }
  if (error instanceof WeComInputError) {
    return { kind: 'validation', code: 'INPUT_INVALID', message: pick(language, error.messages), details: error.field };
  }
  if (error instanceof WeComConfigError) {
    return { kind: 'validation', code: error.code, message: pick(language, error.messages), details: error.field };
  }
  if (error instanceof WeComResponseValidationError) {
    return {
      kind: 'wecom',
      code: error.code,
      message: pick(language, error.messages),
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
  return defaultMapError(error, language);
}
