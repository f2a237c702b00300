// Main's failures reach the page as plain ServiceErrors with a kind and a stable code, secrets blanked.
import { describe, expect, it } from 'vitest';
import { CodedError } from '@wld/wecom-core/rules';
import { WeComApiError, WeComError } from '@wld/wecom-core';
import { MainCallError, toCallFailure } from '../../src/main/call-errors.ts';
import { SettingsError } from '../../src/main/settings-store.ts';
import { RpcError } from '../../src/shared/rpc.ts';
import { CacheError } from '../../src/services/cache/errors.ts';
import { serviceErrorSchema } from '../../src/shared/models.ts';

describe('toCallFailure', () => {
  it('keeps the kind and code of a MainCallError', () => {
    expect(toCallFailure(new MainCallError('LINK_NOT_ALLOWED', 'no', 'forbidden'))).toEqual({
      kind: 'forbidden',
      code: 'LINK_NOT_ALLOWED',
      message: 'no',
    });
  });

  it('turns settings problems into validation failures and anything else into internal ones', () => {
    expect(toCallFailure(new SettingsError('There is no profile "x".'))).toMatchObject({ kind: 'validation', code: 'INVALID_SETTINGS' });
    const failure = toCallFailure(new Error('boom corpsecret=abc123'));
    expect(failure).toMatchObject({ kind: 'internal', code: 'FAILED' });
    expect(failure.message).not.toContain('abc123');
    expect(serviceErrorSchema.safeParse(failure).success).toBe(true);
    expect(Object.getPrototypeOf(failure)).toBe(Object.prototype);
  });
});

describe('the one error family', () => {
  it('every app error class is a CodedError with a code', () => {
    const errors = [
      new MainCallError('X', 'x'),
      new SettingsError('x'),
      new RpcError({ kind: 'internal', code: 'INTERNAL', message: 'x' }),
      new CacheError('not_found', 'x'),
      new WeComError('WECOM_X', { zh: 'x', en: 'x' }, 'en-US'),
    ];
    for (const error of errors) {
      expect(error).toBeInstanceOf(CodedError);
      expect(error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
    expect(WeComApiError.prototype).toBeInstanceOf(CodedError);
    expect(new CacheError('not_found', 'x').code).toBe('CACHE_NOT_FOUND');
  });
});
