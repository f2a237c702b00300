// Turns WeCom's (errcode, errmsg) into the right WeComApiError subclass, with messages in both languages.
import type { Language } from '../http/types.ts';
import type { RetryClass } from './errcode-types.ts';
import { describeErrcode } from './errcodes.ts';
import {
  WeComApiError,
  WeComAuthError,
  WeComClientError,
  WeComPermissionError,
  WeComRateLimitError,
  WeComServerError,
} from './errors.ts';
import type { ApiErrorInit, RateLimitWindow, RequestDetails } from './errors.ts';

/**
 * The reactions the pipeline itself promises for these codes; they win over the table so that a
 * table edit cannot turn a token error into a loop or a rate limit into hammering.
 */
const PIPELINE_RETRY: ReadonlyMap<number, RetryClass> = new Map<number, RetryClass>([
  [-1, 'backoff'],
  [6000, 'backoff'],
  [45033, 'backoff'],
  [45009, 'window'],
  [40014, 'token'],
  [42001, 'token'],
  [40001, 'token'],
]);

export const RATE_LIMIT_ERRCODE = 45009;

export interface ClassifyInput {
  errcode: number;
  errmsg: string;
  endpoint: string;
  request: RequestDetails | null;
  language: Language;
  /** gettoken itself: a token error there is a wrong secret, never something a refresh fixes. */
  isTokenCall?: boolean;
  /** For 45009: what the pipeline knows about the window. */
  rateLimit?: { retryAfterMs: number | null; window: RateLimitWindow | null; source?: 'server' | 'local' };
}

export function retryClassOf(errcode: number, tableClass: RetryClass, isTokenCall: boolean): RetryClass {
  const retry = PIPELINE_RETRY.get(errcode) ?? tableClass;
  return isTokenCall && retry === 'token' ? 'never' : retry;
}

export function classifyErrcode(input: ClassifyInput): WeComApiError {
  const zh = describeErrcode(input.errcode, input.errmsg, 'zh-CN', input.endpoint);
  const en = describeErrcode(input.errcode, input.errmsg, 'en-US', input.endpoint);
  const info = zh.info;
  const init: ApiErrorInit = {
    errcode: input.errcode,
    errmsg: input.errmsg,
    hint: zh.hint,
    endpoint: input.endpoint,
    request: input.request,
    category: info.category,
    retryClass: retryClassOf(input.errcode, info.retry, input.isTokenCall === true),
    messages: { zh: zh.message, en: en.message },
    language: input.language,
    fix: info.fix ?? null,
  };
  if (input.errcode === RATE_LIMIT_ERRCODE || info.category === 'rate_limit') {
    return new WeComRateLimitError({
      ...init,
      retryAfterMs: input.rateLimit?.retryAfterMs ?? null,
      window: input.rateLimit?.window ?? null,
      source: input.rateLimit?.source ?? 'server',
    });
  }
  switch (info.category) {
    case 'auth':
      return new WeComAuthError(init);
    case 'permission':
      return new WeComPermissionError(init);
    case 'server':
      return new WeComServerError(init);
    case 'client':
      return new WeComClientError(init);
    default:
      return new WeComApiError(init);
  }
}

const WINDOW_TEXT: Record<RateLimitWindow, { zh: string; en: string }> = {
  minute: { zh: '分钟', en: 'minute' },
  hour: { zh: '小时', en: 'hour' },
  day: { zh: '天', en: 'day' },
  month: { zh: '月', en: 'month' },
};

/** A rate-limit error for a call that would wait longer than it may (server 45009 or the local budget). */
export function rateLimitGiveUpError(input: {
  endpoint: string;
  request: RequestDetails | null;
  language: Language;
  retryAfterMs: number;
  window: RateLimitWindow;
  source: 'server' | 'local';
  errmsg?: string;
  cause?: unknown;
}): WeComRateLimitError {
  const seconds = Math.ceil(input.retryAfterMs / 1000);
  const window = WINDOW_TEXT[input.window];
  const zhLead = input.source === 'local' ? `${input.endpoint} 的${window.zh}调用额度已用完` : `${input.endpoint} 触发企业微信${window.zh}级限频（45009）`;
  const enLead =
    input.source === 'local'
      ? `The per-${window.en} call budget of ${input.endpoint} is used up`
      : `${input.endpoint} hit WeCom's per-${window.en} rate limit (45009)`;
  const errmsg = input.errmsg ?? `local rate limit: ${input.endpoint} per-${input.window} budget used up`;
  const zh = describeErrcode(RATE_LIMIT_ERRCODE, errmsg, 'zh-CN');
  return new WeComRateLimitError(
    {
      errcode: RATE_LIMIT_ERRCODE,
      errmsg,
      hint: zh.hint,
      endpoint: input.endpoint,
      request: input.request,
      category: 'rate_limit',
      retryClass: 'window',
      messages: {
        zh: `${zhLead}，约 ${seconds} 秒后可再试。`,
        en: `${enLead}; try again in about ${seconds} s.`,
      },
      language: input.language,
      fix: zh.info.fix ?? null,
      retryAfterMs: input.retryAfterMs,
      window: input.window,
      source: input.source,
    },
    input.cause === undefined ? undefined : { cause: input.cause },
  );
}
