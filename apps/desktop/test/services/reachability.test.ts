// Offline means unreachable: one 5xx or reset leaves the app online (writes and syncs go on),
// refused connections go offline at once, timeouts only after a streak; a wrong secret is said as
// such, not as "offline"; an offline read does not speak of changes; a send WeCom accepted but
// answered in a wrong shape is reported as sent with what could be read.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WeComApiError, WeComNetworkError } from '@wld/wecom-core';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { TIMEOUTS_FOR_OFFLINE, createTimeoutStreak, offlineReadError, reachabilityOf } from '../../src/services/connection/reachability.ts';
import {
  CORP_PROFILE_ID,
  connectClient,
  corpSecrets,
  rejection,
  startCorpServices,
  startCorpSuite,
  startSmallSimulator,
  stopCorpSuite,
  tempDir,
} from './helpers.ts';

const networkError = (kind: 'timeout' | 'reset' | 'refused' | 'dns' | 'http_status', status?: number) =>
  new WeComNetworkError({ kind, endpoint: '/cgi-bin/user/get', request: null, language: 'en-US', ...(status ? { status } : {}) });

describe('reachability verdicts', () => {
  it('refused and DNS are unreachable at once; timeouts after a streak; 5xx and resets never', () => {
    expect(reachabilityOf(networkError('refused'))).toBe('unreachable');
    expect(reachabilityOf(networkError('dns'))).toBe('unreachable');
    expect(reachabilityOf(networkError('reset'))).toBe('reachable');
    expect(reachabilityOf(networkError('http_status', 503))).toBe('reachable');
    const streak = createTimeoutStreak();
    for (let i = 1; i < TIMEOUTS_FOR_OFFLINE; i++) expect(streak.failed(networkError('timeout'))).toBe(false);
    streak.answered();
    for (let i = 1; i < TIMEOUTS_FOR_OFFLINE; i++) expect(streak.failed(networkError('timeout'))).toBe(false);
    expect(streak.failed(networkError('timeout'))).toBe(true);
    expect(createTimeoutStreak().failed(networkError('http_status', 502))).toBe(false);
    expect(createTimeoutStreak().failed(networkError('refused'))).toBe(true);
  });

  it('gettoken refusing the secret is a credentials problem; a token error on a call is not', () => {
    const wrongSecret = new WeComApiError({
      errcode: 40001,
      errmsg: 'invalid credential',
      hint: null,
      endpoint: '/cgi-bin/gettoken',
      request: null,
      category: 'auth',
      retryClass: 'never',
      messages: { zh: 'x', en: 'x' },
      language: 'en-US',
    });
    expect(reachabilityOf(wrongSecret)).toBe('credentials');
    const expired = new WeComApiError({
      errcode: 42001,
      errmsg: 'access_token expired',
      hint: null,
      endpoint: '/cgi-bin/user/get',
      request: null,
      category: 'auth',
      retryClass: 'token',
      messages: { zh: 'x', en: 'x' },
      language: 'en-US',
    });
    expect(reachabilityOf(expired)).toBe('reachable');
  });

  it('an offline read is worded as a read (the renderer does not say nothing was changed)', () => {
    expect(offlineReadError('refused')).toMatchObject({ code: 'OFFLINE', params: { context: 'read' }, details: 'refused' });
    expect(offlineReadError().message).not.toMatch(/changed/);
  });
});

describe('offline only when unreachable (services)', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
  });
  afterEach(() => sim.faults.clear());
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  const anyUser = async () => (await client.call('users.search', { status: 1, limit: 1 })).rows[0]!.userid;
  const send = async (content: string) =>
    client.call('messages.send', { recipients: { userids: [await anyUser()], departmentIds: [], tagIds: [] }, body: { msgtype: 'text', content } });

  it('one 5xx or one reset on a send fails that send only: the app stays online and the next send goes out', async () => {
    for (const rule of [{ kind: 'http' as const, status: 503, count: 1 }, { kind: 'drop' as const, count: 1 }]) {
      const id = sim.faults.add({ ...rule, path: '/cgi-bin/message/send' });
      const before = sim.state.messages.length;
      const failed = await rejection(send('一次故障'));
      expect(failed.error.kind).toBe('network');
      // never sent twice: a send that failed ambiguously is not replayed
      expect(sim.state.messages.length - before).toBeLessThanOrEqual(1);
      expect((await client.call('connection.state', {})).state).toBe('online');
      sim.faults.remove(id);
      const after = sim.state.messages.length;
      // a text of its own: WeCom's duplicate check drops an identical one within 4 hours
      await send(`故障之后 ${rule.kind}`);
      expect(sim.state.messages.length - after).toBe(1);
    }
  });

  it('sync.start is accepted and completes while 10% of connections drop', async () => {
    sim.faults.add({ kind: 'drop', rate: 0.1 });
    for (let i = 0; i < 3; i++) {
      const { jobId } = await client.call('sync.start', { scope: 'org' });
      const job = services.runtime.core.sync.status().find((p) => p.jobId === jobId);
      expect(job).toBeDefined();
      const end = await services.runtime.core.sync.running('org')?.done;
      expect(end?.state ?? 'done').toBe('done');
    }
    expect((await client.call('connection.state', {})).state).toBe('online');
  });

  it('a send WeCom accepted but answered in a wrong shape is reported as sent, with its msgid', async () => {
    sim.faults.add({ kind: 'wrongShape', path: '/cgi-bin/message/send', count: 1 });
    const before = sim.state.messages.length;
    const result = await send('应答格式错误');
    expect(sim.state.messages.length - before).toBe(1);
    expect(result.unreadable?.length).toBeGreaterThan(0);
    expect(result.msgid).toBe(sim.state.messages.at(-1)!.msgid);
    const history = await client.call('messages.history', {});
    expect(history.rows[0]?.msgid).toBe(result.msgid);
  });
});

describe('a wrong secret is not offline', () => {
  it('opens with the connection unconfigured and the reason "wrong secret"', async () => {
    const sim = await startSmallSimulator();
    const dir = tempDir();
    const secrets = { ...corpSecrets(sim), [`${CORP_PROFILE_ID}/${sim.apps[0]!.name}`]: 'not-the-secret' };
    const wrong = startCorpServices(sim, dir.path, { presetSecrets: secrets });
    try {
      await wrong.initialized();
      const c = connectClient(wrong);
      const state = await c.call('connection.state', {});
      expect(state.state).toBe('unconfigured');
      expect(state.lastError).toMatchObject({ code: 'WRONG_SECRET', errcode: 40001 });
      expect(state.lastError?.message).toMatch(/secret/i);
      expect(state.lastError?.message).not.toMatch(/cannot be reached/);
      c.close();
    } finally {
      await wrong.stop();
      await sim.close();
      dir.remove();
    }
  });
});
