// Why the cache or the WeCom client cannot serve a call yet (codes the renderer words).
import type { ServiceError } from '../../shared/models.ts';

export const cacheUnavailable = (): ServiceError => ({
  kind: 'internal',
  code: 'NOT_READY',
  message: 'The local cache could not be opened',
});

/** No profile, secrets withheld from a new WeCom address, or a secret missing. */
export function clientUnavailable(configured: boolean, withheld: boolean): ServiceError {
  if (withheld) {
    return { kind: 'offline', code: 'SECRETS_WITHHELD', message: 'The WeCom address or gateway changed: enter the app secrets again' };
  }
  return configured
    ? { kind: 'offline', code: 'UNCONFIGURED', params: { context: 'secret' }, message: 'The app secret is missing: enter it in Settings' }
    : { kind: 'offline', code: 'UNCONFIGURED', message: 'WeCom credentials (corp ID, app and secret) are not configured yet' };
}
