// A cache per profile on real SQLite files: two corps never see each other's rows, switching back
// reopens a profile's own file warm; "clear cache" keeps local-only records; removing them exports
// first; a profile's data is exported and deleted on its own; the pre-profile cache.db is taken over.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { startSimulator } from '@wld/wecom-sim';
import { openCache } from '../../src/services/cache/index.ts';
import { profileCacheFile } from '../../src/services/cache/profile-files.ts';
import type { Profile } from '../../src/shared/settings.ts';
import { startServicesInProcess, type InProcessServices } from '../../src/services/node-host.ts';
import { SMALL_ORG, connectClient, rejection, tempDir, testSettings, waitFor } from './helpers.ts';

const nobody = { userids: [] as string[], departmentIds: [] as number[], tagIds: [] as number[] };

function profileFor(id: string, sim: SimServer): Profile {
  return {
    id,
    name: id.toUpperCase(),
    kind: 'corp',
    corpId: sim.corpId,
    apps: [{ name: sim.apps[0]!.name, agentId: sim.apps[0]!.agentId }],
    hasContactsSecret: true,
  };
}

function startOn(dir: string, id: string, sim: SimServer): InProcessServices {
  return startServicesInProcess({
    userData: dir,
    profile: profileFor(id, sim),
    settings: testSettings(sim.url),
    keychain: 'memory',
    presetSecrets: { [`${id}/${sim.apps[0]!.name}`]: sim.apps[0]!.secret, [`${id}/contacts`]: sim.contactsSecret },
    probeBackoff: { initialMs: 60_000, maxMs: 60_000 },
  });
}

describe('a cache per profile', () => {
  let simA: SimServer;
  let simB: SimServer;
  const dir = tempDir();

  beforeAll(async () => {
    simA = await startSimulator({ seed: 7, size: SMALL_ORG });
    simB = await startSimulator({ seed: 11, size: { ...SMALL_ORG, users: 120, lives: 6 } });
  });
  afterAll(async () => {
    await simA.close();
    await simB.close();
    dir.remove();
  });

  it('switching corps back and forth never shows the other corp, and local records stay with their corp', async () => {
    expect(simA.corpId).not.toBe(simB.corpId);
    // corp A: sync, then records that exist only here
    const a = startOn(dir.path, 'corp-a', simA);
    await a.initialized();
    let client = connectClient(a);
    const usersA = (await client.call('users.search', { limit: 1 })).total;
    const people = (await client.call('users.search', { status: 1, sort: 'userid', limit: 3 })).rows.map((u) => u.userid);
    await client.call('messages.send', { recipients: { ...nobody, userids: [people[0]!] }, body: { msgtype: 'text', content: '只在 A' } });
    await client.call('appchat.create', { name: 'A 的群', userlist: people.slice(0, 2) });
    expect(await client.call('cache.scope', {})).toEqual({ profileId: 'corp-a', corpId: simA.corpId });
    client.close();
    await a.stop();

    // corp B in the same userData: its own file, none of A's rows or records
    const b = startOn(dir.path, 'corp-b', simB);
    await b.initialized();
    client = connectClient(b);
    const usersB = (await client.call('users.search', { limit: 1 })).total;
    expect(usersB).toBeLessThanOrEqual(120);
    expect(usersB).not.toBe(usersA);
    expect((await client.call('users.search', { query: people[0]!, limit: 5 })).rows.map((u) => u.userid)).not.toContain(people[0]);
    expect((await client.call('messages.history', {})).total).toBe(0);
    expect((await client.call('appchat.list', {})).chats).toEqual([]);
    expect((await client.call('lives.list', {})).lives.length).toBe(6);
    expect(await client.call('cache.scope', {})).toEqual({ profileId: 'corp-b', corpId: simB.corpId });
    client.close();
    await b.stop();

    // back to A: warm from its own file (no org sync), records intact
    const listCalls = simA.stats.calls('/cgi-bin/user/list');
    const again = startOn(dir.path, 'corp-a', simA);
    await again.initialized();
    client = connectClient(again);
    expect((await client.call('users.search', { limit: 1 })).total).toBe(usersA);
    expect((await client.call('messages.history', {})).rows.map((r) => r.summary)).toEqual(['只在 A']);
    expect((await client.call('appchat.list', {})).chats.map((c) => c.name)).toEqual(['A 的群']);
    expect(simA.stats.calls('/cgi-bin/user/list')).toBe(listCalls);
    client.close();
    await again.stop();

    expect(existsSync(profileCacheFile(join(dir.path, 'cache.db'), 'corp-a'))).toBe(true);
    expect(existsSync(profileCacheFile(join(dir.path, 'cache.db'), 'corp-b'))).toBe(true);
  });

  it('clear cache removes only re-syncable rows; removing local records exports them first', async () => {
    const services = startOn(dir.path, 'corp-a', simA);
    await services.initialized();
    const client = connectClient(services);
    try {
      const people = (await client.call('users.search', { status: 1, sort: 'userid', limit: 3 })).rows.map((u) => u.userid);
      const audience = { userids: people.slice(0, 2), departmentIds: [], tagIds: [] };
      const { livingid } = await client.call('lives.create', {
        anchorUserid: people[0]!,
        theme: '只在本机的邀请对象',
        livingStart: Math.floor(Date.now() / 1000) + 86_400,
        livingDuration: 3600,
        type: 3,
        description: '',
        audience,
      });

      const report = await client.call('cache.clear', {});
      expect(report.cleared.users).toBeGreaterThan(0);
      expect(report.cleared.lives).toBeGreaterThan(0);
      expect(report.kept).toMatchObject({ sent_messages: 1, appchats: 1, live_audience: 1 });
      const info = await client.call('cache.info', {});
      expect(info.rows).toMatchObject({ users: 0, lives: 0, sent_messages: 1, appchats: 1, live_audience: 1 });
      expect((await client.call('messages.history', {})).total).toBe(1);
      expect((await client.call('appchat.list', {})).chats).toHaveLength(1);

      // a sync brings the live back, and its audience is still known
      await client.call('sync.start', { scope: 'all' });
      await waitFor(async () => (await client.call('lives.list', {})).lives.some((l) => l.livingid === livingid), 'the live to come back');
      expect((await client.call('lives.get', { livingid })).audience).toEqual(audience);

      // the wrong profile named: nothing removed
      expect((await rejection(client.call('cache.clearLocal', { confirmProfileId: 'corp-b' }))).error.code).toBe('PROFILE_MISMATCH');
      const removed = await client.call('cache.clearLocal', { confirmProfileId: 'corp-a' });
      expect(removed.removed).toMatchObject({ sent_messages: 1, appchats: 1, live_audience: 1 });
      const exported = JSON.parse(readFileSync(removed.exportPath, 'utf8')) as { tables: Record<string, Array<Record<string, unknown>>> };
      expect(exported.tables.sent_messages!.map((m) => m.summary)).toEqual(['只在 A']);
      expect(exported.tables.live_audience!.map((m) => m.livingid)).toEqual([livingid]);
      expect((await client.call('messages.history', {})).total).toBe(0);
    } finally {
      client.close();
      await services.stop();
    }
  });

  it("a profile's data is exported as one file and deleted without touching another corp's", async () => {
    const services = startOn(dir.path, 'corp-a', simA);
    await services.initialized();
    const client = connectClient(services);
    try {
      const { path, bytes } = await client.call('profileData.export', {});
      expect(bytes).toBeGreaterThan(0);
      const copy = openCache(path);
      try {
        expect(copy.info().rows.users).toBe((await client.call('users.search', { limit: 1 })).total);
      } finally {
        copy.close();
      }
      expect((await rejection(client.call('profileData.delete', { profileId: 'corp-a' }))).error.code).toBe('PROFILE_ACTIVE');
      const { removedBytes } = await client.call('profileData.delete', { profileId: 'corp-b' });
      expect(removedBytes).toBeGreaterThan(0);
      expect(existsSync(profileCacheFile(join(dir.path, 'cache.db'), 'corp-b'))).toBe(false);
      expect(existsSync(profileCacheFile(join(dir.path, 'cache.db'), 'corp-a'))).toBe(true);
    } finally {
      client.close();
      await services.stop();
    }
  });
});
