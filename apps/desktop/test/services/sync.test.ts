// The sync engine against the simulator: one job per scope, progress, cancel without damage,
// the contacts secret, bounded anchor discovery, incremental watch stats; and the live monitor.
import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { SMALL_ORG, collect, connectClient, corpProfile, startCorpServices, startSmallSimulator, tempDir, waitFor, startCorpSuite, stopCorpSuite } from './helpers.ts';

describe('sync engine', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path, { syncTuning: { anchorDiscoveryBatch: 40 } }));
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  it('runs one job per scope and reports its phases', async () => {
    const progress = collect(client, 'sync.progress');
    sim.stats.reset();
    const a = await client.call('sync.start', { scope: 'org' });
    const b = await client.call('sync.start', { scope: 'org' });
    expect(b.jobId).toBe(a.jobId);
    const done = await waitFor(() => progress.find((p) => p.jobId === a.jobId && p.state === 'done'), 'the org job');
    expect(done.error).toBeNull();
    const phases = new Set(progress.filter((p) => p.jobId === a.jobId).map((p) => p.phase));
    expect([...phases].some((p) => p.startsWith('org:users'))).toBe(true);
    // the contacts secret adds user/list_id; details still come from user/list per department
    expect(sim.stats.calls('/cgi-bin/user/list_id')).toBeGreaterThan(0);
    expect(sim.stats.calls('/cgi-bin/user/list')).toBe(SMALL_ORG.departments);
    const status = await client.call('sync.status', {});
    expect(status.jobs.find((j) => j.jobId === a.jobId)?.state).toBe('done');
  });

  it('a cancelled org sync stops and removes nobody', async () => {
    const before = (await client.call('users.search', { limit: 1 })).total;
    const fault = sim.faults.add({ kind: 'latency', path: '/cgi-bin/user/list', latencyMs: 300 });
    const progress = collect(client, 'sync.progress');
    try {
      const { jobId } = await client.call('sync.start', { scope: 'org' });
      await waitFor(() => progress.find((p) => p.jobId === jobId && p.phase.startsWith('org:users')), 'the users phase');
      await client.call('sync.cancel', { jobId });
      const end = await waitFor(() => progress.find((p) => p.jobId === jobId && p.state !== 'running'), 'the job to end');
      expect(end.state).toBe('cancelled');
      expect(end.error?.kind).toBe('cancelled');
    } finally {
      sim.faults.remove(fault);
    }
    expect((await client.call('users.search', { limit: 1 })).total).toBe(before);
    const unknown = await client.call('sync.cancel', { jobId: 'no-such-job' }).catch((e: { error: { kind: string } }) => e.error.kind);
    expect(unknown).toBe('not_found');
  });

  it('asks a bounded window of members for their lives, moving on each time', async () => {
    const cache = services.runtime.core.context.cache();
    const known = cache.knownAnchors().length;
    const windowStart = Number(cache.getSyncState('lives:discovery')?.cursor ?? 0);
    sim.stats.reset();
    const { jobId } = await client.call('sync.start', { scope: 'lives' });
    const progress = collect(client, 'sync.progress');
    await waitFor(() => progress.find((p) => p.jobId === jobId && p.state === 'done') ?? services.runtime.core.sync.status().find((p) => p.jobId === jobId && p.state === 'done'), 'the lives job');
    const asked = sim.stats.calls('/cgi-bin/living/get_user_all_livingid');
    expect(asked).toBeGreaterThan(0);
    expect(asked).toBeLessThanOrEqual(known + 40);
    expect(Number(cache.getSyncState('lives:discovery')?.cursor)).not.toBe(windowStart);
  });

  it('tells how far the members have been asked for their lives, and when every one was asked once', async () => {
    const core = services.runtime.core;
    const active = (await client.call('users.search', { status: 1, limit: 1 })).total;
    const first = await client.call('lives.discovery', {});
    expect(first).toMatchObject({ members: active, rounds: 0, perHour: 1_500 }); // 1% of 150,000 an hour
    expect(first.asked).toBe(Number(core.context.cache().getSyncState('lives:discovery')?.cursor));
    expect(first.asked).toBeGreaterThan(0);
    expect(first.lastSweepAt).not.toBeNull();
    // 40 members a sync: the sweep comes round within ceil(active / 40) syncs, asked moving on each time
    let asked = first.asked;
    for (let sync = 0; sync < Math.ceil(active / 40); sync++) {
      await core.sync.start('lives').done;
      const now = await client.call('lives.discovery', {});
      if (now.rounds > 0) {
        expect(now).toMatchObject({ members: active, rounds: 1 });
        expect(now.asked).toBeLessThan(40);
        return;
      }
      expect(now.asked).toBe(asked + 40);
      asked = now.asked;
    }
    throw new Error(`the sweep did not come round ${active} members in ${Math.ceil(active / 40)} syncs`);
  });

  it('watch stats are incremental: final lives are not asked again', async () => {
    const core = services.runtime.core;
    await core.sync.start('watch').done; // whatever the lives sync found is fetched once
    sim.stats.reset();
    await core.sync.start('watch').done;
    const second = sim.stats.calls('/cgi-bin/living/get_watch_stat');
    const lives = (await client.call('lives.list', {})).lives;
    const liveNow = lives.filter((l) => l.status === 1).length;
    expect(lives.filter((l) => l.status === 2).length).toBeGreaterThan(0);
    // only lives still on are fetched again (one page each at this size)
    expect(second).toBe(liveNow);
    const one = lives.find((l) => l.status === 2 && l.viewerNum > 0)!;
    const stats = await client.call('lives.watchStats', { livingid: one.livingid, limit: 1 });
    expect(stats.complete).toBe(true);
    expect(stats.total).toBe(one.viewerNum);
  });

  it('without a contacts secret the org comes from the department walk alone', async () => {
    const other = tempDir();
    const plain = startCorpServices(sim, other.path, { profile: corpProfile(sim, false) });
    try {
      sim.stats.reset();
      await plain.initialized();
      expect(sim.stats.calls('/cgi-bin/user/list_id')).toBe(0);
      const c = connectClient(plain);
      expect((await c.call('users.search', { limit: 1 })).total).toBe((await client.call('users.search', { limit: 1 })).total);
      c.close();
    } finally {
      await plain.stop();
      other.remove();
    }
  });
});

describe('live monitor', () => {
  let offsetMs = 0;
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    sim = await startSmallSimulator({ now: () => systemClock.now() + offsetMs });
    services = startCorpServices(sim, dir.path, { monitorIntervalMs: 3_600_000 });
    await services.initialized();
    client = connectClient(services);
  });
  afterAll(async () => {
    client.close();
    await services.stop();
    await sim.close();
    dir.remove();
  });

  it('emits live.status when a live starts and ends, and updates the cache', async () => {
    const anchor = (await client.call('users.search', { status: 1, limit: 1 })).rows[0]!.userid;
    const start = Math.floor(systemClock.now() / 1000) + 600;
    const { livingid } = await client.call('lives.create', { anchorUserid: anchor, theme: '监控测试', livingStart: start, livingDuration: 1800 });
    const events = collect(client, 'live.status');
    const monitor = services.runtime.core.monitor;

    expect(await monitor.pollNow()).toBe(0);
    offsetMs = 11 * 60_000; // the simulator's clock: the live has started
    expect(await monitor.pollNow()).toBeGreaterThanOrEqual(1);
    await waitFor(() => events.find((e) => e.livingid === livingid && e.status === 1), 'the start');
    expect(events.find((e) => e.livingid === livingid)).toMatchObject({ previousStatus: 0, status: 1 });
    expect((await client.call('lives.get', { livingid })).live.status).toBe(1);

    offsetMs = 45 * 60_000; // past the end
    await monitor.pollNow();
    await waitFor(() => events.find((e) => e.livingid === livingid && e.status === 2), 'the end');
    expect((await client.call('lives.get', { livingid })).live.status).toBe(2);
  });
});
