// Shape of the errcode table (errors/errcodes.ts) that classification and messages read.
export type ErrorCategory = 'auth' | 'permission' | 'rate_limit' | 'server' | 'client';

/**
 * How the pipeline reacts to a code:
 * - backoff: retry with exponential backoff and jitter, bounded (-1, 45033, 6000)
 * - token: invalidate the token and retry once (40014, 42001, 40001 on business calls)
 * - window: wait for the rate-limit window, other APIs unaffected (45009)
 * - never: fail at once
 */
export type RetryClass = 'backoff' | 'token' | 'window' | 'never';

export interface ErrcodeInfo {
  category: ErrorCategory;
  retry: RetryClass;
  zh: string;
  en: string;
  /** What to do about it, when there is something to do. */
  fix?: { zh: string; en: string };
}
