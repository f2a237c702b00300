import { describe, expect, it } from 'vitest';
import { DEFAULT_BUCKET_QUOTAS, parseConfig } from '../../src/config.ts';
import { WeComConfigError } from '../../src/errors/errors.ts';

const valid = { corpId: 'ww123', apps: [{ name: 'live-desk', agentId: 1000002, secret: 's3cr3t' }] };

function configError(input: unknown): WeComConfigError {
  try {
    parseConfig(input);
  } catch (error) {
    if (error instanceof WeComConfigError) return error;
    throw error;
  }
  throw new Error('parseConfig accepted an invalid config');
}

describe('parseConfig', () => {
  it('fills the documented defaults', () => {
    const config = parseConfig(valid);
    expect(config.baseUrl).toBe('https://qyapi.weixin.qq.com');
    expect(config.timeoutMs).toBe(30_000);
    expect(config.maxRetries).toBe(3);
    expect(config.retryDelayMs).toBe(2000);
    expect(config.tokenMarginSeconds).toBe(300);
    expect(config.language).toBe('zh-CN');
    expect(config.cache).toEqual({ enabled: true, ttlSeconds: 3600, maxEntries: 5000 });
    expect(config.quotas.perApiPerMinute).toBe(10_000);
    expect(config.quotas.perApiPerHour).toBe(150_000);
    expect(config.quotas.maxConcurrentPerApi).toBe(32);
    expect(config.quotas.maxWindowWaitSeconds).toEqual({ interactive: 60, background: 3600 });
    expect(config.quotas.buckets['/cgi-bin/media/uploadimg']).toEqual({ perDay: 1000, perMonth: 3000 });
    expect(config.quotas.buckets['/cgi-bin/appchat/create']).toEqual({ perDay: 1000 });
  });

  it('merges bucket overrides over the built-in budgets, bucket by bucket', () => {
    const config = parseConfig({
      ...valid,
      quotas: { perApiPerMinute: 500, buckets: { '/cgi-bin/media/uploadimg': { perDay: 10 }, '/cgi-bin/user/get': { maxConcurrent: 4 } } },
    });
    expect(config.quotas.perApiPerMinute).toBe(500);
    expect(config.quotas.buckets['/cgi-bin/media/uploadimg']).toEqual({ perDay: 10, perMonth: 3000 });
    expect(config.quotas.buckets['/cgi-bin/user/get']).toEqual({ maxConcurrent: 4 });
    expect(config.quotas.buckets['/cgi-bin/gettoken']).toEqual(DEFAULT_BUCKET_QUOTAS['/cgi-bin/gettoken']);
  });

  it('keeps a gateway root with its path and drops the trailing slash', () => {
    const config = parseConfig({ ...valid, baseUrl: 'https://gw.example.com/wecom/', gatewayHeaders: { 'X-Key': 'k' } });
    expect(config.baseUrl).toBe('https://gw.example.com/wecom');
    expect(config.gatewayHeaders).toEqual({ 'X-Key': 'k' });
  });

  it('accepts its own output unchanged, so a parsed config can be parsed again', () => {
    const once = parseConfig({ ...valid, quotas: { buckets: { '/cgi-bin/media/uploadimg': { perDay: 10 } } } });
    expect(parseConfig(once)).toEqual(once);
  });

  it('names the missing field', () => {
    const error = configError({ apps: valid.apps });
    expect(error.field).toBe('corpId');
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('corpId');
  });

  it('names a nested field with its index', () => {
    const error = configError({ corpId: 'ww', apps: [valid.apps[0], { name: 'b', agentId: 2 }] });
    expect(error.field).toBe('apps[1].secret');
  });

  it('requires at least one app', () => {
    expect(configError({ corpId: 'ww', apps: [] }).field).toBe('apps');
  });

  it('refuses duplicate app names and the reserved name "contacts"', () => {
    const duplicate = configError({ corpId: 'ww', apps: [valid.apps[0], { ...valid.apps[0], agentId: 3 }] });
    expect(duplicate.field).toBe('apps[1].name');
    expect(duplicate.problems[0]?.problem).toContain('duplicate');
    expect(configError({ corpId: 'ww', apps: [{ ...valid.apps[0], name: 'contacts' }] }).field).toBe('apps[0].name');
  });

  it('refuses a non-http base URL and proxy URL', () => {
    expect(configError({ ...valid, baseUrl: 'ftp://x' }).field).toBe('baseUrl');
    expect(configError({ ...valid, proxyUrl: 'not a url' }).field).toBe('proxyUrl');
  });

  it('refuses bad numbers and enums, listing every problem', () => {
    const error = configError({ ...valid, timeoutMs: -1, language: 'fr', quotas: { perApiPerMinute: 0 } });
    const fields = error.problems.map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['timeoutMs', 'language', 'quotas.perApiPerMinute']));
  });

  it('never puts a secret value into the error', () => {
    const error = configError({ corpId: 'ww', apps: [{ name: 'a', agentId: 'x', secret: 'TOPSECRET' }] });
    expect(error.field).toBe('apps[0].agentId');
    expect(JSON.stringify(error)).not.toContain('TOPSECRET');
  });
});
