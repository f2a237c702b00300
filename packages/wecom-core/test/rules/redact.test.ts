// The one redactor: the same rule wecom-core, the services and main's log use.
import { describe, expect, it } from 'vitest';
import { REDACTED, isSecretKey, redactText } from '../../src/rules/redact.ts';
import { redactBody, redactQuery } from '../../src/http/redact.ts';

describe('the one redaction rule', () => {
  it('treats tickets, tokens, secrets and keys as secret', () => {
    for (const key of ['access_token', 'corpsecret', 'jsapi_ticket', 'ticket', 'EncodingAESKey', 'password', 'Authorization'])
      expect(isSecretKey(key)).toBe(true);
    for (const key of ['corpid', 'userid', 'livingid', 'errmsg']) expect(isSecretKey(key)).toBe(false);
  });

  it('blanks a jsapi ticket in queries, bodies and text', () => {
    expect(redactQuery({ jsapi_ticket: 'T', url: 'u' })).toEqual({ jsapi_ticket: REDACTED, url: 'u' });
    expect(redactBody({ ticket: 'T', expires_in: 7200 })).toBe(`{"ticket":"${REDACTED}","expires_in":7200}`);
    expect(redactText('sign jsapi_ticket=abc&noncestr=1')).toBe(`sign jsapi_ticket=${REDACTED}&noncestr=1`);
  });
});
