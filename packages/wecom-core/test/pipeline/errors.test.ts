// The error family: classification by errcode, stable codes, both languages, safe JSON.
import { describe, expect, it } from 'vitest';
import { classifyErrcode, rateLimitGiveUpError } from '../../src/errors/classify.ts';
import {
  WeComAbortError,
  WeComApiError,
  WeComAuthError,
  WeComClientError,
  WeComError,
  WeComInputError,
  WeComNetworkError,
  WeComPermissionError,
  WeComRateLimitError,
  WeComResponseValidationError,
  WeComServerError,
} from '../../src/errors/errors.ts';
import { redactBody, redactQuery } from '../../src/http/redact.ts';
import { redactText } from '../../src/rules/redact.ts';

const base = { endpoint: '/cgi-bin/user/get', request: { method: 'GET' as const, path: '/cgi-bin/user/get', query: { userid: 'zhangsan' } }, language: 'zh-CN' as const };

describe('classifyErrcode', () => {
  it.each([
    [40014, WeComAuthError, 'token'],
    [42001, WeComAuthError, 'token'],
    [60020, WeComPermissionError, 'never'],
    [45009, WeComRateLimitError, 'window'],
    [-1, WeComServerError, 'backoff'],
    [60111, WeComClientError, 'never'],
  ] as const)('maps %i to %s with retry class %s', (errcode, type, retry) => {
    const error = classifyErrcode({ ...base, errcode, errmsg: `some text, hint: [h-${errcode}]` });
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(WeComApiError);
    expect(error).toBeInstanceOf(WeComError);
    expect(error.retryClass).toBe(retry);
    expect(error.code).toBe(`WECOM_${errcode}`);
    expect(error.hint).toBe(`h-${errcode}`);
    expect(error.messages.zh).not.toBe(error.messages.en);
  });

  it('never refreshes a token for a token error on gettoken itself', () => {
    const error = classifyErrcode({ ...base, endpoint: '/cgi-bin/gettoken', errcode: 40001, errmsg: 'invalid credential', isTokenCall: true });
    expect(error).toBeInstanceOf(WeComAuthError);
    expect(error.retryClass).toBe('never');
    expect(classifyErrcode({ ...base, errcode: 40001, errmsg: 'invalid credential' }).retryClass).toBe('token');
  });

  it('gives unknown codes a useful message in the configured language', () => {
    const zh = classifyErrcode({ ...base, errcode: 987654, errmsg: 'strange failure' });
    const en = classifyErrcode({ ...base, language: 'en-US', errcode: 987654, errmsg: 'strange failure' });
    expect(zh.userMessage).toBe(zh.messages.zh);
    expect(en.userMessage).toBe(en.messages.en);
    expect(en.message).toContain('987654');
    expect(en.message).toContain('strange failure');
    expect(en.retryClass).toBe('never');
  });

  it('builds a rate-limit give-up error with the window and wait', () => {
    const error = rateLimitGiveUpError({ ...base, language: 'en-US', retryAfterMs: 3_600_000, window: 'hour', source: 'server' });
    expect(error).toBeInstanceOf(WeComRateLimitError);
    expect(error.errcode).toBe(45009);
    expect(error.message).toContain('3600 s');
    expect(error.toJSON()).toMatchObject({ code: 'WECOM_45009', window: 'hour', retryAfterMs: 3_600_000, source: 'server' });
  });
});

describe('error codes and JSON', () => {
  it('gives every error a stable code and a toJSON() safe to log', () => {
    const errors: WeComError[] = [
      new WeComNetworkError({ kind: 'timeout', ...base }),
      new WeComNetworkError({ kind: 'http_status', status: 502, ...base }),
      new WeComResponseValidationError({ kind: 'shape', endpoint: base.endpoint, issues: [{ path: 'userid', message: 'expected string' }], bodySnippet: '{}', status: 200, language: 'en-US' }),
      new WeComInputError('theme is longer than 20 characters', 'theme'),
      new WeComAbortError(base.endpoint, 'en-US'),
    ];
    expect(errors.map((e) => e.code)).toEqual(['NETWORK_TIMEOUT', 'HTTP_502', 'RESPONSE_INVALID', 'INPUT_INVALID', 'ABORTED']);
    for (const error of errors) {
      const json = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
      expect(json.code).toBe(error.code);
      expect(json.name).toBe(error.name);
      expect(typeof json.message).toBe('string');
    }
    expect((errors[2] as WeComResponseValidationError).message).toContain('userid');
    expect((errors[3] as WeComInputError).field).toBe('theme');
  });
});

describe('redaction', () => {
  it('blanks tokens and secrets in queries, text and bodies', () => {
    expect(redactQuery({ corpid: 'ww1', corpsecret: 'S', access_token: 'T', n: 3, gone: undefined })).toEqual({
      corpid: 'ww1',
      corpsecret: '[redacted]',
      access_token: '[redacted]',
      n: '3',
    });
    expect(redactText('GET /cgi-bin/user/get?access_token=abc.DEF-1&userid=x')).toBe('GET /cgi-bin/user/get?access_token=[redacted]&userid=x');
    expect(redactText('{"secret":"xyz","corpsecret": "q"}')).toBe('{"secret":"[redacted]","corpsecret": "[redacted]"}');
    expect(redactBody({ nested: { secret: 'xyz' }, keep: 'ok' })).toBe('{"nested":{"secret":"[redacted]"},"keep":"ok"}');
  });
});
