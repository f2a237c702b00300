// Credentials in the network settings go to the keychain: the settings file keeps header names and a
// proxy URL without user:password; the services put them back into the WeCom client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { extractNetworkSecrets, hasPlainNetworkSecrets, restoreNetworkSecrets, stripNetworkSecrets } from '../../src/shared/network-secrets.ts';
import { defaultSettings } from '../../src/shared/settings.ts';
import { corpSecrets, startCorpServices, startSmallSimulator, tempDir, testSettings } from './helpers.ts';

describe('network secrets', () => {
  it('splits typed settings into a file without credentials and the secrets for the keychain', () => {
    const typed = {
      ...defaultSettings().network,
      gatewayHeaders: { 'X-Gateway-Key': 'gk-123', 'X-Trace': 'on' },
      proxyUrl: 'http://ops:p%40ss@proxy.example.com:8080',
    };
    const { network, secrets } = extractNetworkSecrets(typed);
    expect(network.gatewayHeaders).toEqual({ 'X-Gateway-Key': '', 'X-Trace': '' });
    expect(network.proxyUrl).toBe('http://proxy.example.com:8080');
    expect(JSON.stringify(network)).not.toMatch(/gk-123|p%40ss|p@ss|ops/);
    expect(secrets).toEqual({ 'header:X-Gateway-Key': 'gk-123', 'header:X-Trace': 'on', 'proxy-auth': 'ops:p@ss' });
    // and back, as the services build the client
    expect(restoreNetworkSecrets(network, secrets)).toEqual(typed);
  });

  it('strips only the accounts that were moved', () => {
    const typed = {
      ...defaultSettings().network,
      gatewayHeaders: { 'X-Gateway-Key': 'gk-123', 'X-Other': 'o-1' },
      proxyUrl: 'http://ops:pw@proxy.example.com:8080',
    };
    expect(hasPlainNetworkSecrets(typed)).toBe(true);
    const partly = stripNetworkSecrets(typed, ['header:X-Gateway-Key']);
    expect(partly.gatewayHeaders).toEqual({ 'X-Gateway-Key': '', 'X-Other': 'o-1' });
    expect(partly.proxyUrl).toBe(typed.proxyUrl);
    const all = stripNetworkSecrets(typed, ['header:X-Gateway-Key', 'header:X-Other', 'proxy-auth']);
    expect(all).toEqual(extractNetworkSecrets(typed).network);
    expect(hasPlainNetworkSecrets(all)).toBe(false);
  });

  describe('in the services', () => {
    let sim: SimServer;
    const dir = tempDir();
    beforeAll(async () => {
      sim = await startSmallSimulator();
    });
    afterAll(async () => {
      await sim.close();
      dir.remove();
    });

    it('the client sends the header value kept in the vault, the settings hold none', async () => {
      const settings = testSettings(sim.url);
      settings.network.gatewayHeaders = { 'X-Gateway-Key': '' };
      const services = startCorpServices(sim, dir.path, {
        settings,
        presetSecrets: { ...corpSecrets(sim), '_network/header:X-Gateway-Key': 'gk-123' },
      });
      try {
        expect(await services.initialized()).toMatchObject({ type: 'initDone', mode: 'online' });
        const client = services.runtime.core.context.clientOrNull();
        expect(client?.config.gatewayHeaders).toEqual({ 'X-Gateway-Key': 'gk-123' });
        expect(services.runtime.core.context.settings().network.gatewayHeaders).toEqual({ 'X-Gateway-Key': '' });
      } finally {
        await services.stop();
      }
    });
  });
});
