// Turns anything thrown (RPC errors, bridge errors, aborts, plain Errors) into one ServiceError shape,
// so every screen shows the same sentence-plus-details view of a failure; errorText words it from
// code + params (errors namespace) or WeCom's errcode (the shared table in @wld/wecom-core/rules).
import { serviceErrorSchema, type ServiceError } from '../shared/service-error.ts';
import i18n from './i18n/index.ts';
import { wordError, type SentenceLookup } from './errorWords.ts';

export function isServiceError(value: unknown): value is ServiceError {
  return serviceErrorSchema.safeParse(value).success;
}

function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export function toServiceError(e: unknown): ServiceError {
  if (isServiceError(e)) return e;
  if (typeof e === 'object' && e !== null && 'error' in e && isServiceError((e as { error: unknown }).error)) {
    return (e as { error: ServiceError }).error;
  }
  if (isAbort(e)) return { kind: 'cancelled', code: 'CANCELLED', message: 'Cancelled.' };
  if (e instanceof Error) {
    const details = e.stack && e.stack !== e.message ? e.stack : undefined;
    return { kind: 'internal', code: 'INTERNAL', message: e.message || e.name, ...(details ? { details } : {}) };
  }
  return { kind: 'internal', code: 'INTERNAL', message: typeof e === 'string' ? e : 'Unexpected error.' };
}

export const isCancelled = (e: unknown): boolean => toServiceError(e).kind === 'cancelled';

export function serviceError(kind: ServiceError['kind'], code: string, message: string, details?: string): ServiceError {
  return { kind, code, message, ...(details ? { details } : {}) };
}

/** i18next's errors namespace; `params.context` picks a variant (OFFLINE_write, UNCONFIGURED_secret). */
const i18nLookup: SentenceLookup = (key, params) => {
  const options = { ...params, ...(typeof params.context === 'string' ? { context: params.context } : {}) };
  return i18n.exists(`errors:${key}`, options) ? i18n.t(`errors:${key}`, options) : null;
};

/** The sentence a person reads for a failure, in the app's language. */
export function errorText(e: unknown): string {
  return wordError(toServiceError(e), i18nLookup, i18n.language === 'en-US' ? 'en-US' : 'zh-CN');
}
