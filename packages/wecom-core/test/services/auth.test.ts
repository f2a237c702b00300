import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWeComClient } from '../../src/client.ts';
import { WeComAuthError, WeComPermissionError } from '../../src/errors/errors.ts';
import { clientConfig, rejectionOf, startSimEnv, type SimEnv } from './sim-env.ts';

let env: SimEnv;

beforeAll(async () => {
  env = await startSimEnv({ size: { users: 50, departments: 5, lives: 2, maxViewers: 10 } });
});
afterAll(() => env?.close());

describe('auth.testConnection', () => {
  it('force-fetches a token and makes one cheap call', async () => {
    const issued = env.sim.tokens.issued();
    const first = await env.client.auth.testConnection();
    const second = await env.client.auth.testConnection();
    expect(first.ok).toBe(true);
    expect(first.latencyMs).toBeGreaterThan(0);
    expect(second.tokenExpiresAt).toBeGreaterThan(systemClock.now());
    // forced: every test fetches a fresh token
    expect(env.sim.tokens.issued()).toBe(issued + 2);
  });

  it('shows up in the call events and the statistics snapshot', async () => {
    const endpoints: string[] = [];
    const unsubscribe = env.client.onCall((event) => endpoints.push(event.endpoint));
    await env.client.auth.testConnection();
    unsubscribe();
    expect(endpoints).toContain('/cgi-bin/tag/list');
    expect(env.client.stats.totalCalls).toBeGreaterThan(0);
  });

  it('works for the contacts-sync secret', async () => {
    const result = await env.client.auth.testConnection({ credential: 'contacts' });
    expect(result.ok).toBe(true);
  });

  it('throws a typed auth error for a wrong secret, saying to check it', async () => {
    const config = clientConfig(env.sim);
    const client = createWeComClient({ ...config, apps: [{ ...config.apps[0]!, secret: 'wrong-secret' }] });
    try {
      const error = await rejectionOf(client.auth.testConnection());
      expect(error).toBeInstanceOf(WeComAuthError);
      expect((error as WeComAuthError).errcode).toBe(40001);
      expect((error as WeComAuthError).userMessage).toMatch(/Secret/);
    } finally {
      await client.close();
    }
  });

  it('throws a permission error with the IP to allow when WeCom answers 60020', async () => {
    const rule = env.sim.faults.add({ kind: 'errcode', path: '/cgi-bin/tag/list', errcode: 60020, count: 1 });
    try {
      const error = await rejectionOf(env.client.auth.testConnection());
      expect(error).toBeInstanceOf(WeComPermissionError);
      expect((error as WeComPermissionError).errcode).toBe(60020);
      expect((error as WeComPermissionError).userMessage).toContain('127.0.0.1');
    } finally {
      env.sim.faults.remove(rule);
    }
  });
});
