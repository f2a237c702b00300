// Turns anything thrown (RPC errors, bridge errors, aborts, plain Errors) into one ServiceError shape,
// so every screen shows the same sentence-plus-details view of a failure; errorText words it from
// code + params (errors namespace) or WeCom's errcode (the shared table in @wld/wecom-core/rules).
import { describeErrcode } from '@wld/wecom-core/rules';
import { serviceErrorSchema } from '../shared/models.ts';
import type { ServiceError } from '../shared/models.ts';
import i18n from './i18n/index.ts';

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

/** The namespace key for a code: HTTP_<status> share one sentence. */
const keyOf = (code: string): string => (/^HTTP_\d+$/.test(code) ? 'HTTP_STATUS' : code);

function codeSentence(err: ServiceError): string {
  const params = err.params ?? {};
  const key = `errors:${keyOf(err.code)}`;
  const options = { ...params, ...(typeof params.context === 'string' ? { context: params.context } : {}) };
  if (i18n.exists(key, options)) return i18n.t(key, options);
  if (err.errcode !== undefined && err.code === `WECOM_${err.errcode}`) {
    const language = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
    const endpoint = typeof params.endpoint === 'string' ? params.endpoint : null;
    const text = describeErrcode(err.errcode, String(params.errmsg ?? ''), language, endpoint).message;
    return typeof params.seconds === 'number' ? `${text}${i18n.t('errors:retryIn', { seconds: params.seconds })}` : text;
  }
  return err.message;
}

/** The sentence a person reads for a failure, in the app's language. */
export function errorText(e: unknown): string {
  const err = toServiceError(e);
  const params = err.params ?? {};
  const app =
    typeof params.app === 'string'
      ? i18n.t('errors:appLacksPermission', { ...params, role: i18n.t(`errors:role.${String(params.role)}`) })
      : '';
  return `${app}${codeSentence(err)}`;
}
