// WeCom goes away mid-run: reads keep answering from the cache, writes fail with 'offline' and
// change nothing; when WeCom is back, reconnect brings the state online and refreshes.
import { systemClock } from '@wld/clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { collect, rejection, startSmallSimulator, tempDir, waitFor, startCorpSuite, stopCorpSuite } from './helpers.ts';

describe('offline and reconnect', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();
  const inOneHour = () => Math.floor(systemClock.now() / 1000) + 3600;

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  it('serves reads from the cache, refuses writes, then reconnects to a restarted simulator', async () => {
    const connection = collect(client, 'connection');
    const someone = (await client.call('users.search', { status: 1, limit: 1 })).rows[0]!.userid;
    // a live only this simulator knows: the next one (same seed) has never heard of it
    const { livingid: forgotten } = await client.call('lives.create', {
      anchorUserid: someone,
      theme: '旧直播',
      livingStart: inOneHour(),
      livingDuration: 1800,
    });
    const before = await client.call('lives.list', {});
    const usersBefore = await client.call('users.search', { limit: 1 });
    const historyBefore = await client.call('messages.history', {});
    const anchor = before.lives[0]!.anchorUserid;
    expect(before.lives.length).toBeGreaterThan(0);
    const port = Number(new URL(sim.url).port);

    await sim.close();

    // still "online" as far as the services know: the write itself finds WeCom unreachable
    const first = await rejection(
      client.call('lives.create', { anchorUserid: anchor, theme: '离线测试', livingStart: inOneHour(), livingDuration: 3600 }),
    );
    expect(first.error.kind).toBe('offline');
    expect((await client.call('connection.state', {})).state).toBe('offline');
    await waitFor(() => connection.some((c) => c.state === 'offline'), 'an offline connection event');

    // reads: same data, same asOf, state offline
    const after = await client.call('lives.list', {});
    expect(after.lives.map((l) => l.livingid)).toEqual(before.lives.map((l) => l.livingid));
    expect(after.asOf).toBe(before.asOf);
    const usersAfter = await client.call('users.search', { limit: 1 });
    expect(usersAfter.total).toBe(usersBefore.total);
    const state = await client.call('connection.state', {});
    expect(state).toMatchObject({ state: 'offline', asOf: expect.any(Number) });
    expect(state.lastError).not.toBeNull();

    // writes fail at once and change nothing
    const send = await rejection(
      client.call('messages.send', {
        recipients: { userids: [anchor], departmentIds: [], tagIds: [] },
        body: { msgtype: 'text', content: 'hello' },
      }),
    );
    expect(send.error).toMatchObject({ kind: 'offline', code: 'OFFLINE' });
    expect((await rejection(client.call('appchat.create', { name: 'x', userlist: [anchor, 'someone'] }))).error.kind).toBe('offline');
    expect((await rejection(client.call('lives.cancel', { livingid: before.lives[0]!.livingid }))).error.kind).toBe('offline');
    expect((await rejection(client.call('sync.start', { scope: 'org' }))).error.kind).toBe('offline');
    expect((await client.call('messages.history', {})).total).toBe(historyBefore.total);
    expect((await client.call('lives.list', {})).lives.length).toBe(before.lives.length);
    expect((await client.call('appchat.list', {})).chats).toEqual([]);

    // still down: reconnect stays offline
    expect((await client.call('connection.reconnect', {})).state).toBe('offline');

    sim = await startSmallSimulator({ port });
    const progress = collect(client, 'sync.progress');
    const back = await client.call('connection.reconnect', {});
    expect(back.state).toBe('online');
    await waitFor(() => connection.some((c) => c.state === 'online'), 'an online connection event');
    // reconnecting starts a refresh, which finishes against the new simulator
    // (a live WeCom no longer knows is skipped, it does not fail the refresh)
    const refreshed = await waitFor(() => progress.find((p) => p.scope === 'all' && p.state !== 'running'), 'the refresh after reconnect');
    expect(refreshed).toMatchObject({ state: 'done', error: null });
    expect(sim.state.lives.has(forgotten)).toBe(false);
    expect(sim.stats.calls('/cgi-bin/living/get_living_info')).toBeGreaterThan(0);
    // the refused live never reached WeCom
    expect([...sim.state.lives.values()].some((l) => l.theme === '离线测试')).toBe(false);
  });
});
