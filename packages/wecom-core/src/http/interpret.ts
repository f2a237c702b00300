// Reads one HTTP exchange: a WeCom JSON envelope (errcode classified), a binary body (media/get),
// a garbled body, a non-WeCom HTTP status, or a network failure. Returns an outcome; the pipeline
// decides whether to retry.
import { classifyErrcode } from '../errors/classify.ts';
import { WeComNetworkError, WeComResponseValidationError } from '../errors/errors.ts';
import type { RequestDetails, WeComError } from '../errors/errors.ts';
import { filenameFromContentDisposition } from './content-disposition.ts';
import { BodyDecodeError } from './decompress.ts';
import { classifyNetworkFailure } from './network-errors.ts';
import { redactText } from '../rules/redact.ts';
import { truncate } from './redact.ts';
import { headerValue } from './transport.ts';
import type { TransportResponse } from './transport.ts';
import type { BinaryResponse, Language } from './types.ts';

export type AttemptOutcome<V> =
  | { ok: true; value: V }
  | { ok: false; error: WeComError; requestSent: boolean; retryAfterMs: number | null };

export interface ExchangeContext {
  endpoint: string;
  /** Built only when an error needs it. */
  details: () => RequestDetails;
  language: Language;
  isTokenCall: boolean;
}

const SNIPPET_CHARS = 300;

function snippet(body: Buffer): string {
  return truncate(redactText(body.subarray(0, SNIPPET_CHARS * 4).toString('utf8')), SNIPPET_CHARS);
}

function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Retry-After in ms (seconds or an HTTP date), or null. */
export function retryAfterMs(response: TransportResponse, now: number): number | null {
  const value = headerValue(response.headers, 'retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function httpStatusFailure(response: TransportResponse, context: ExchangeContext, now: number): AttemptOutcome<never> {
  return {
    ok: false,
    error: new WeComNetworkError({
      kind: 'http_status',
      status: response.status,
      endpoint: context.endpoint,
      request: context.details(),
      language: context.language,
    }),
    requestSent: true,
    retryAfterMs: retryAfterMs(response, now),
  };
}

function malformed(response: TransportResponse, context: ExchangeContext, problem: string, cause?: unknown): AttemptOutcome<never> {
  return {
    ok: false,
    error: new WeComResponseValidationError(
      {
        kind: 'malformed',
        endpoint: context.endpoint,
        issues: [{ path: '(body)', message: problem }],
        bodySnippet: snippet(response.body),
        status: response.status,
        language: context.language,
      },
      cause === undefined ? undefined : { cause },
    ),
    requestSent: true,
    retryAfterMs: null,
  };
}

/** A WeCom error envelope inside a parsed body, or null when errcode is 0 or absent. */
function errcodeFailure(json: Record<string, unknown>, context: ExchangeContext): AttemptOutcome<never> | null {
  const errcode = json.errcode;
  if (typeof errcode !== 'number' || errcode === 0) return null;
  const errmsg = typeof json.errmsg === 'string' ? json.errmsg : '';
  return {
    ok: false,
    error: classifyErrcode({
      errcode,
      errmsg,
      endpoint: context.endpoint,
      request: context.details(),
      language: context.language,
      isTokenCall: context.isTokenCall,
    }),
    requestSent: true,
    retryAfterMs: null,
  };
}

export function interpretJson(response: TransportResponse, context: ExchangeContext, now: number): AttemptOutcome<unknown> {
  let json: unknown;
  try {
    json = JSON.parse(response.body.toString('utf8'));
  } catch (error) {
    if (!isSuccessStatus(response.status)) return httpStatusFailure(response, context, now);
    return malformed(response, context, 'the body is not valid JSON', error);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    if (!isSuccessStatus(response.status)) return httpStatusFailure(response, context, now);
    return malformed(response, context, 'the body is not a JSON object');
  }
  const failure = errcodeFailure(json as Record<string, unknown>, context);
  if (failure) return failure;
  if (!isSuccessStatus(response.status)) return httpStatusFailure(response, context, now);
  return { ok: true, value: json };
}

export function interpretBinary(response: TransportResponse, context: ExchangeContext, now: number): AttemptOutcome<BinaryResponse> {
  const contentType = headerValue(response.headers, 'content-type') ?? 'application/octet-stream';
  const looksJson = /json/i.test(contentType) || (/^text\/plain/i.test(contentType) && response.body[0] === 0x7b);
  if (looksJson) {
    // media/get answers errors as JSON; a JSON "success" here is not a file either.
    const outcome = interpretJson(response, context, now);
    if (!outcome.ok) return outcome;
    return malformed(response, context, 'expected a file but got a JSON body without errcode');
  }
  if (!isSuccessStatus(response.status)) return httpStatusFailure(response, context, now);
  return {
    ok: true,
    value: {
      status: response.status,
      contentType,
      filename: filenameFromContentDisposition(headerValue(response.headers, 'content-disposition')),
      contentRange: headerValue(response.headers, 'content-range') ?? null,
      data: new Uint8Array(response.body.buffer, response.body.byteOffset, response.body.byteLength),
    },
  };
}

/** A failure before a complete answer arrived. Returns null when it was an abort (the caller's). */
export function interpretFailure(
  error: unknown,
  context: ExchangeContext,
  viaProxy: boolean,
): AttemptOutcome<never> | null {
  if (error instanceof BodyDecodeError) {
    return {
      ok: false,
      error: new WeComResponseValidationError(
        {
          kind: 'malformed',
          endpoint: context.endpoint,
          issues: [{ path: '(body)', message: error.message }],
          bodySnippet: '',
          status: 200,
          language: context.language,
        },
        { cause: error },
      ),
      requestSent: true,
      retryAfterMs: null,
    };
  }
  const failure = classifyNetworkFailure(error, viaProxy);
  if (failure.kind === 'aborted') return null;
  return {
    ok: false,
    error: new WeComNetworkError(
      { kind: failure.kind, endpoint: context.endpoint, request: context.details(), language: context.language },
      { cause: error },
    ),
    requestSent: failure.requestSent,
    retryAfterMs: null,
  };
}
