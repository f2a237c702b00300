// Reads answer from the cache at once with asOf/stale; stale data starts one background refresh,
// which emits `sync.progress` and `changed`, after which the data is newer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { collect, tempDir, testSettings, waitFor, startCorpSuite, stopCorpSuite } from './helpers.ts';

describe('cache-first reads', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    // TTL 0: everything is stale as soon as it is read
    ({ sim, services, client } = await startCorpSuite(dir.path, (s) => ({ settings: testSettings(s.url, { cacheTtlSeconds: 0 }) })));
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  it('answers from the cache without calling WeCom, then refreshes the stale scope in the background', async () => {
    const changed = collect(client, 'changed');
    const progress = collect(client, 'sync.progress');
    sim.stats.reset();
    const first = await client.call('users.search', { query: '', limit: 10 });
    expect(first.rows.length).toBe(10);
    expect(first.asOf).toBeGreaterThan(0);
    expect(first.stale).toBe(true);

    const job = await waitFor(() => progress.find((p) => p.scope === 'org'), 'an org refresh');
    await waitFor(() => progress.find((p) => p.jobId === job.jobId && p.state === 'done'), 'the org refresh to finish');
    await waitFor(() => changed.find((c) => c.topics.includes('users')), 'a users change event');
    expect(sim.stats.calls('/cgi-bin/user/list')).toBeGreaterThan(0);

    const second = await client.call('users.search', { query: '', limit: 10 });
    expect(second.asOf).toBeGreaterThan(first.asOf!);
    expect(second.rows.map((u) => u.userid)).toEqual(first.rows.map((u) => u.userid));

    // another stale read right after does not start a second org job (one refresh per scope, cooled down)
    await client.call('org.departments', {});
    const status = await client.call('sync.status', {});
    expect(status.jobs.filter((j) => j.scope === 'org')).toHaveLength(1);
    expect(status.lastSync.org).toBe(second.asOf);
  });

  it('a fresh read does not refresh', async () => {
    await services.runtime.core.updateSettings(testSettings(sim.url, { cacheTtlSeconds: 3600 }), services.runtime.core.context.profile());
    await services.runtime.core.sync.idle();
    sim.stats.reset();
    const lives = await client.call('lives.list', {});
    expect(lives.stale).toBe(false);
    // a stale read starts its refresh inside the handler, before answering: nothing started here
    expect(services.runtime.core.sync.running()).toBeNull();
    expect(sim.stats.calls('/cgi-bin/living/get_user_all_livingid')).toBe(0);
  });
});
