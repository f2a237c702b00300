// Init of the runtime under Node over real ports: progress order, first-run sync, warm start,
// no profile, a missing secret, a cache from a newer version.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { profileCacheFile } from '../../src/services/cache/profile-files.ts';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { DEMO_PROFILE, defaultSettings } from '../../src/shared/settings.ts';
import { startServicesInProcess } from '../../src/services/node-host.ts';
import { DEMO_SIZE } from '../../src/services/init/demo-simulator.ts';
import { CORP_PROFILE_ID, SMALL_ORG, connectClient, startCorpServices, startSmallSimulator, tempDir, testSettings, waitFor } from './helpers.ts';

describe('init', () => {
  let sim: SimServer;
  const dirs: Array<{ remove(): void }> = [];
  beforeAll(async () => {
    sim = await startSmallSimulator();
  });
  afterAll(async () => {
    await sim.close();
    for (const dir of dirs) dir.remove();
  });

  it('Demo: posts ready, then each step in order, syncs on the first run and opens online', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const services = startServicesInProcess({
      userData: dir.path,
      profile: DEMO_PROFILE,
      settings: { ...defaultSettings(), language: 'en-US' },
      keychain: 'memory',
      demo: { size: SMALL_ORG },
    });
    try {
      const outcome = await services.initialized();
      expect(outcome).toMatchObject({ type: 'initDone', mode: 'online' });
      expect(outcome.type === 'initDone' && outcome.asOf).toBeGreaterThan(0);
      const types = services.messages.map((m) => m.type).filter((t) => t !== 'log');
      expect(types[0]).toBe('ready');
      expect(types.at(-1)).toBe('initDone');
      const steps = services.messages.flatMap((m) => (m.type === 'progress' ? [m] : []));
      const firstOfEach = [...new Map(steps.map((s) => [s.id, s])).keys()];
      expect(firstOfEach).toEqual(['cache', 'credentials', 'simulator', 'connection', 'refresh']);
      expect(steps.every((s) => s.total === 5)).toBe(true);
      // step numbers never go back
      expect(steps.map((s) => s.step)).toEqual([...steps.map((s) => s.step)].sort((a, b) => a - b));
      expect(steps.some((s) => s.id === 'refresh' && s.label.startsWith('refresh.'))).toBe(true);

      const client = connectClient(services);
      const users = await client.call('users.search', { limit: 5 });
      expect(users.total).toBeGreaterThan(SMALL_ORG.users * 0.9);
      const lives = await client.call('lives.list', {});
      expect(lives.lives.length).toBe(SMALL_ORG.lives);
      expect((await client.call('connection.state', {})).state).toBe('online');
      client.close();
    } finally {
      await services.stop();
    }
  });

  it('Demo at its own size: the first sync asks every member for their lives, so every live is there', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const services = startServicesInProcess({
      userData: dir.path,
      profile: DEMO_PROFILE,
      settings: defaultSettings(),
      keychain: 'memory',
    });
    try {
      expect(await services.initialized()).toMatchObject({ type: 'initDone', mode: 'online' });
      const client = connectClient(services);
      // more active members than the corp share's 1,500 an hour: at that share a fifth of the lives came an hour late
      const discovery = await client.call('lives.discovery', {});
      expect(discovery.members).toBeGreaterThan(1_500);
      expect(discovery.rounds).toBe(1);
      expect((await client.call('lives.list', {})).total).toBe(DEMO_SIZE.lives);
      // later syncs in the hour keep to the Demo's share: together they ask fewer than one more round
      const listCalls = async () =>
        (await client.call('apiUsage.stats', {})).endpoints.find((e) => e.endpoint.endsWith('get_user_all_livingid'))?.calls ?? 0;
      const afterFirst = await listCalls();
      expect(afterFirst).toBeGreaterThanOrEqual(discovery.members);
      await services.runtime.core.sync.start('lives').done;
      await services.runtime.core.sync.start('lives').done;
      expect(await listCalls()).toBeLessThan(afterFirst + discovery.members);
      client.close();
    } finally {
      await services.stop();
    }
  });

  it('a warm start opens without syncing first, labels as step keys the launcher words', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = startCorpServices(sim, dir.path);
    await first.initialized();
    await first.stop();
    const callsBefore = sim.stats.calls('/cgi-bin/user/list');

    const second = startCorpServices(sim, dir.path, { settings: { ...testSettings(sim.url), language: 'zh-CN' } });
    try {
      const outcome = await second.initialized();
      expect(outcome).toMatchObject({ type: 'initDone', mode: 'online' });
      const labels = second.messages.flatMap((m) => (m.type === 'progress' ? [m.label] : []));
      expect(labels[0]).toBe('cache');
      expect(labels).not.toContain('refresh.org');
      // the cache is fresh (TTL 1 h): no org sync at all
      expect(sim.stats.calls('/cgi-bin/user/list')).toBe(callsBefore);
    } finally {
      await second.stop();
    }
  });

  it('WeCom unreachable: opens offline on cached data, or fails with nothing cached; retry offline opens anyway', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const first = startCorpServices(sim, dir.path);
    await first.initialized();
    await first.stop();
    // nothing listens on port 9
    const unreachable = testSettings('http://127.0.0.1:9');
    const cached = startCorpServices(sim, dir.path, { settings: unreachable });
    try {
      const outcome = await cached.initialized();
      expect(outcome).toMatchObject({ type: 'initDone', mode: 'offline', asOf: expect.any(Number), reason: expect.any(String) });
      const client = connectClient(cached);
      expect((await client.call('connection.state', {})).state).toBe('offline');
      expect((await client.call('users.search', { limit: 1 })).total).toBeGreaterThan(0);
      client.close();
    } finally {
      await cached.stop();
    }

    const empty = tempDir();
    dirs.push(empty);
    const nothing = startCorpServices(sim, empty.path, { settings: unreachable });
    try {
      const failed = await nothing.initialized();
      expect(failed).toMatchObject({ type: 'initFailed', id: 'connection', canContinueOffline: false });
      nothing.send({ type: 'retry', offline: true });
      await waitFor(() => nothing.messages.find((m) => m.type === 'initDone'), 'initDone after retry');
      expect(nothing.messages.find((m) => m.type === 'initDone')).toMatchObject({ mode: 'offline', asOf: null });
    } finally {
      await nothing.stop();
    }
  });

  it('no profile: initDone offline with the connection unconfigured', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const services = startServicesInProcess({ userData: dir.path, profile: null, keychain: 'memory' });
    try {
      const outcome = await services.initialized();
      expect(outcome).toMatchObject({ type: 'initDone', mode: 'offline', asOf: null });
      const client = connectClient(services);
      expect((await client.call('connection.state', {})).state).toBe('unconfigured');
      // reads still answer (an empty cache)
      expect((await client.call('lives.list', {})).lives).toEqual([]);
      client.close();
    } finally {
      await services.stop();
    }
  });

  it('a corp profile without its secret is unconfigured; entering the secret connects', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const services = startCorpServices(sim, dir.path, { presetSecrets: {} });
    try {
      const outcome = await services.initialized();
      expect(outcome).toMatchObject({ type: 'initDone', mode: 'offline' });
      const client = connectClient(services);
      expect((await client.call('connection.state', {})).state).toBe('unconfigured');
      const stored = await client.call('secrets.set', { profileId: 'acme', app: sim.apps[0]!.name, secret: sim.apps[0]!.secret });
      expect(stored.storage).toBe('session');
      const state = await client.call('connection.reconnect', {});
      expect(state.state).toBe('online');
      client.close();
    } finally {
      await services.stop();
    }
  });

  it('a cache written by a newer version fails init at the cache step and is left alone', async () => {
    const dir = tempDir();
    dirs.push(dir);
    // the profile's own cache file (one per profile, next to where the shared cache.db used to be)
    const file = profileCacheFile(join(dir.path, 'cache.db'), CORP_PROFILE_ID);
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    const services = startCorpServices(sim, dir.path);
    try {
      const outcome = await services.initialized();
      expect(outcome).toMatchObject({ type: 'initFailed', id: 'cache', canContinueOffline: false });
      const check = new Database(file, { readonly: true });
      expect(check.pragma('user_version', { simple: true })).toBe(999);
      check.close();
    } finally {
      await services.stop();
    }
  });
});
