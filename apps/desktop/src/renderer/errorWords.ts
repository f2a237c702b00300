// A failure in words from its code and params, or from WeCom's errcode (the shared table in
// @wld/wecom-core/rules); the services' English message is the last resort. No i18next here: the
// launcher words its errors with the same rules from its small tables.
import { describeErrcode } from '@wld/wecom-core/rules';
import type { ServiceError } from '../shared/models.ts';

/** A sentence template by key (with params filled in), or null when there is none. */
export type SentenceLookup = (key: string, params: Record<string, string | number>) => string | null;

/** The namespace key for a code: HTTP_<status> share one sentence; a context picks a variant. */
const keyOf = (code: string): string => (/^HTTP_\d+$/.test(code) ? 'HTTP_STATUS' : code);

function codeSentence(err: ServiceError, lookup: SentenceLookup, language: 'zh-CN' | 'en-US'): string {
  const params = err.params ?? {};
  const sentence = lookup(keyOf(err.code), params);
  if (sentence !== null) return sentence;
  if (err.errcode !== undefined && err.code === `WECOM_${err.errcode}`) {
    const endpoint = typeof params.endpoint === 'string' ? params.endpoint : null;
    const text = describeErrcode(err.errcode, String(params.errmsg ?? ''), language, endpoint).message;
    const retry = typeof params.seconds === 'number' ? lookup('retryIn', { seconds: params.seconds }) : null;
    return `${text}${retry ?? ''}`;
  }
  return err.message;
}

/** A failure in words, from a table of sentences (errors.json): the launcher and the app share this. */
export function wordError(err: ServiceError, lookup: SentenceLookup, language: 'zh-CN' | 'en-US'): string {
  const params = err.params ?? {};
  const app = typeof params.app === 'string' ? lookup('appLacksPermission', { ...params, role: lookup(`role.${String(params.role)}`, {}) ?? '' }) : null;
  return `${app ?? ''}${codeSentence(err, lookup, language)}`;
}

