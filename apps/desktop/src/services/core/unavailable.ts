// Why the cache or the WeCom client cannot serve a call yet.
import type { ServiceError } from '../../shared/models.ts';
import { t, type Language } from '../i18n.ts';

export function cacheUnavailable(language: Language): ServiceError {
  return { kind: 'internal', code: 'NOT_READY', message: t(language, 'init.cacheFailed') };
}

/** No profile, secrets withheld from a new WeCom address, or a secret missing. */
export function clientUnavailable(language: Language, configured: boolean, withheld: boolean): ServiceError {
  const key = !configured ? 'unconfigured' : withheld ? 'destinationChanged' : 'missingSecret';
  return { kind: 'offline', code: withheld ? 'SECRETS_WITHHELD' : 'UNCONFIGURED', message: t(language, key) };
}
