// Lets one caller stop waiting on shared work (a token fetch other calls also wait for) without
// cancelling that work, and leaves no listener behind.
import { WeComAbortError } from '../errors/errors.ts';
import type { Language } from './types.ts';

export function abortError(signal: AbortSignal | undefined, endpoint: string | null, language: Language): WeComAbortError {
  return new WeComAbortError(endpoint, language, 'aborted', signal?.reason);
}

export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  endpoint: string | null,
  language: Language,
): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortError(signal, endpoint, language));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortError(signal, endpoint, language));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
