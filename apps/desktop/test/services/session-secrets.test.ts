// Without a keychain a secret is kept for the session only; main keeps it (SessionSecrets) and hands
// it back on the next init, so a services restart or a profile switch does not lose it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { SessionSecrets } from '../../src/main/session-secrets.ts';
import { startServicesInProcess, type InProcessServices } from '../../src/services/node-host.ts';
import { CORP_PROFILE_ID, connectClient, corpProfile, startSmallSimulator, tempDir, testSettings, waitFor } from './helpers.ts';

/** The accounts main keeps, without the destinations secrets are bound to (bound-vault.ts). */
const secretAccounts = (main: SessionSecrets) => Object.keys(main.snapshot()).filter((a) => !a.endsWith(':destination'));

describe('session-only secrets', () => {
  let sim: SimServer;
  const dir = tempDir();
  beforeAll(async () => {
    sim = await startSmallSimulator();
  });
  afterAll(async () => {
    await sim.close();
    dir.remove();
  });

  const start = (main: SessionSecrets): InProcessServices =>
    startServicesInProcess({
      userData: dir.path,
      profile: corpProfile(sim),
      settings: testSettings(sim.url),
      keychain: 'memory',
      sessionSecrets: main.snapshot(),
      hostPost: (message) => {
        if (message.type === 'sessionSecret') main.apply(message.account, message.secret);
      },
      probeBackoff: { initialMs: 60_000, maxMs: 60_000 },
    });

  it('survives a restart of the services, and says where it is kept', async () => {
    const main = new SessionSecrets();
    const first = start(main);
    const outcome = await first.initialized();
    expect(outcome).toMatchObject({ type: 'initDone', mode: 'offline' });
    let client = connectClient(first);
    const app = sim.apps[0]!.name;
    expect((await client.call('secrets.set', { profileId: CORP_PROFILE_ID, app, secret: sim.apps[0]!.secret })).storage).toBe('session');
    await client.call('secrets.set', { profileId: CORP_PROFILE_ID, app: 'contacts', secret: sim.contactsSecret });
    await waitFor(async () => (await client.call('connection.state', {})).state === 'online', 'online with the new secret');
    // main holds it, never the settings
    expect(secretAccounts(main).sort()).toEqual([`${CORP_PROFILE_ID}/${app}`, `${CORP_PROFILE_ID}/contacts`].sort());
    client.close();
    await first.stop();

    const second = start(main);
    try {
      expect(await second.initialized()).toMatchObject({ type: 'initDone', mode: 'online' });
      client = connectClient(second);
      const status = await client.call('secrets.status', { profileId: CORP_PROFILE_ID });
      expect(status.keychainAvailable).toBe(false);
      expect(status.storage).toEqual({ [app]: 'session', contacts: 'session' });
      // deleting it tells main too
      await client.call('secrets.delete', { profileId: CORP_PROFILE_ID, app: 'contacts' });
      expect(secretAccounts(main)).toEqual([`${CORP_PROFILE_ID}/${app}`]);
      client.close();
    } finally {
      await second.stop();
    }
  });
});
