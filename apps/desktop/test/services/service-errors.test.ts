// Errors leaving the services keep their code and errcode and never carry a secret.
import { describe, expect, it } from 'vitest';
import { WeComApiError, WeComResponseValidationError } from '@wld/wecom-core';
import { toServiceError } from '../../src/services/wecom/service-errors.ts';

const TICKET = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg';

describe('toServiceError', () => {
  it('keeps the errcode and blanks a jsapi ticket in WeCom’s words', () => {
    const error = new WeComApiError({
      errcode: 40001,
      errmsg: `invalid credential, jsapi_ticket=${TICKET}`,
      hint: `{"ticket":"${TICKET}"}`,
      endpoint: '/cgi-bin/get_jsapi_ticket',
      request: { method: 'GET', path: '/cgi-bin/get_jsapi_ticket', query: {} },
      category: 'auth',
      retryClass: 'never',
      messages: { zh: '凭证无效', en: 'Invalid credential' },
      language: 'en-US',
    });
    const shaped = toServiceError(error);
    expect(shaped).toMatchObject({ kind: 'wecom', code: 'WECOM_40001', errcode: 40001 });
    expect(JSON.stringify(shaped)).not.toContain(TICKET);
  });

  it('blanks a ticket quoted in response validation issues', () => {
    const error = new WeComResponseValidationError({
      kind: 'shape',
      endpoint: '/cgi-bin/ticket/get',
      issues: [{ path: 'expires_in', message: `expected number in {"ticket":"${TICKET}","expires_in":"x"}` }],
      bodySnippet: '',
      status: 200,
      language: 'en-US',
    });
    expect(JSON.stringify(toServiceError(error))).not.toContain(TICKET);
  });

  it('blanks secrets in internal errors', () => {
    const shaped = toServiceError(new Error(`boom ticket=${TICKET} corpsecret=abc123`));
    expect(shaped.code).toBe('INTERNAL');
    expect(JSON.stringify(shaped)).not.toContain(TICKET);
    expect(JSON.stringify(shaped)).not.toContain('abc123');
  });
});
