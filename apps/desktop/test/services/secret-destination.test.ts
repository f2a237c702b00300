// A stored secret goes only where it was entered for: after the base URL's host or the gateway
// headers change, no call carries it until the user enters it again.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import type { RpcClient } from '../../src/shared/rpc.ts';
import type { InProcessServices } from '../../src/services/node-host.ts';
import { CORP_PROFILE_ID, rejection, startCorpSuite, stopCorpSuite, tempDir, testSettings, waitFor } from './helpers.ts';

/** Another server the base URL is pointed at: records every request, answers nothing useful. */
async function startRecorder(): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(502).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}

describe('secrets follow their destination', () => {
  let sim: SimServer;
  let services: InProcessServices;
  let client: RpcClient;
  const dir = tempDir();

  beforeAll(async () => {
    ({ sim, services, client } = await startCorpSuite(dir.path));
  });
  afterAll(() => stopCorpSuite({ sim, services, client }, dir));

  const core = () => services.runtime.core;
  const appName = () => sim.apps[0]!.name;

  it('keeps using the secrets when only timeouts change', async () => {
    await core().updateSettings(testSettings(sim.url, { timeoutMs: 4_000 }), core().context.profile());
    expect((await client.call('connection.state', {})).state).toBe('online');
    const status = await client.call('secrets.status', { profileId: CORP_PROFILE_ID });
    expect(status.apps[appName()]).toBe(true);
  });

  it('withholds them from a new base URL host until they are entered again', async () => {
    const recorder = await startRecorder();
    try {
      await core().updateSettings(testSettings(recorder.url), core().context.profile());
      const state = await client.call('connection.state', {});
      expect(state.state).toBe('unconfigured');
      expect(state.lastError).toMatchObject({ code: 'SECRETS_WITHHELD' });
      expect(state.lastError?.message).toMatch(/enter the app secrets again/);
      const status = await client.call('secrets.status', { profileId: CORP_PROFILE_ID });
      expect(status.apps[appName()]).toBe(false);
      expect(status.apps.contacts).toBe(false);
      const write = await rejection(client.call('sync.start', { scope: 'org' }));
      expect(write.error.code).toBe('SECRETS_WITHHELD');
      expect(recorder.requests).toEqual([]);

      // entered again: now (and only now) the new host is asked for a token
      await client.call('secrets.set', { profileId: CORP_PROFILE_ID, app: appName(), secret: sim.apps[0]!.secret });
      await waitFor(() => recorder.requests.some((url) => url.includes('/cgi-bin/gettoken')), 'a token request to the new host');
      expect((await client.call('secrets.status', { profileId: CORP_PROFILE_ID })).apps[appName()]).toBe(true);
      // the contacts secret was not entered again: still withheld
      expect(recorder.requests.some((url) => url.includes(encodeURIComponent(sim.contactsSecret)) || url.includes(sim.contactsSecret))).toBe(false);
    } finally {
      await new Promise((done) => recorder.server.close(done));
    }
  });

  it('withholds them when the gateway headers change', async () => {
    // back on the simulator: the secret entered for the other host is withheld here too
    await core().updateSettings(testSettings(sim.url), core().context.profile());
    expect((await client.call('secrets.status', { profileId: CORP_PROFILE_ID })).apps[appName()]).toBe(false);
    await client.call('secrets.set', { profileId: CORP_PROFILE_ID, app: appName(), secret: sim.apps[0]!.secret });
    await client.call('secrets.set', { profileId: CORP_PROFILE_ID, app: 'contacts', secret: sim.contactsSecret });
    await waitFor(async () => (await client.call('connection.state', {})).state === 'online', 'online again');
    expect((await client.call('secrets.status', { profileId: CORP_PROFILE_ID })).apps[appName()]).toBe(true);
    await core().updateSettings(testSettings(sim.url, { gatewayHeaders: { 'x-api-key': 'k1' } }), core().context.profile());
    const status = await client.call('secrets.status', { profileId: CORP_PROFILE_ID });
    expect(status.apps[appName()]).toBe(false);
    expect((await client.call('connection.state', {})).lastError).toMatchObject({ code: 'SECRETS_WITHHELD' });
  });
});
