// A settings file written before network credentials went to the keychain still holds gateway header
// values and the proxy's user:password in plain text. At start the services store them in the vault
// (as secrets.setNetwork does) and main strips them from the file: on real files, end to end.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { fileBackend } from '../../browser-host/file-settings.ts';
import { SettingsStore } from '../../src/main/settings-store.ts';
import type { AppLog } from '../../src/main/logger.ts';
import { startServicesInProcess, type InProcessServices } from '../../src/services/node-host.ts';
import { bindingName, destinationOf } from '../../src/services/secrets/bound-vault.ts';
import type { KeytarLike } from '../../src/services/secrets/secret-vault.ts';
import type { ServicesToMain } from '../../src/shared/host-protocol.ts';
import { CORP_PROFILE_ID, connectClient, corpProfile, corpSecrets, startSmallSimulator, tempDir, testSettings } from './helpers.ts';

const HEADER_VALUE = 'gk-legacy-4711';
const PROXY_AUTH = 'ops:p@ss-legacy';

/** A keychain that outlives one services process (as the OS one does). */
function keychain(): { entries: Map<string, string>; load: () => Promise<KeytarLike> } {
  const entries = new Map<string, string>();
  return {
    entries,
    load: async () => ({
      getPassword: async (_service, account) => entries.get(account) ?? null,
      setPassword: async (_service, account, password) => void entries.set(account, password),
      deletePassword: async (_service, account) => entries.delete(account),
    }),
  };
}

function recordingLog(): AppLog & { lines: string[] } {
  const lines: string[] = [];
  const say = (...parts: unknown[]) => void lines.push(parts.map(String).join(' '));
  return { lines, debug: say, info: say, warn: say, error: say };
}

describe('plain-text network credentials of an older settings file', () => {
  let sim: SimServer;
  beforeAll(async () => {
    sim = await startSmallSimulator();
  });
  afterAll(async () => {
    await sim.close();
  });

  /** A v2 settings file as the previous version wrote it: the credentials in plain text. */
  function writeLegacyFile(file: string) {
    const settings = testSettings(sim.url, {
      gatewayHeaders: { 'X-Gateway-Key': HEADER_VALUE, 'X-Trace': '' },
      // nothing listens there: init stops at the connection test, after the client was built
      proxyUrl: 'http://ops:p%40ss-legacy@proxy.example.com:8080',
    });
    writeFileSync(file, JSON.stringify({ ...settings, version: 2, profiles: [{ ...corpProfile(sim), environment: 'prod' }], activeProfileId: CORP_PROFILE_ID }));
    return settings;
  }

  /** The services as main runs them: init from the settings file, their messages answered by the store. */
  function start(dir: string, store: SettingsStore, log: AppLog, options: { loadKeytar?: () => Promise<KeytarLike>; keychain?: 'memory' | 'system'; presetSecrets?: Record<string, string> }): InProcessServices {
    let services: InProcessServices | null = null;
    const off = store.onChange((change) => services?.send({ type: 'settings', settings: change.settings, profile: store.activeProfile() }));
    services = startServicesInProcess({
      userData: dir,
      profile: store.activeProfile(),
      settings: store.get(),
      keychain: options.keychain ?? 'system',
      ...(options.loadKeytar ? { loadKeytar: options.loadKeytar } : {}),
      ...(options.presetSecrets ? { presetSecrets: options.presetSecrets } : {}),
      probeBackoff: { initialMs: 60_000, maxMs: 60_000 },
      hostPost: (message: ServicesToMain) => {
        if (message.type === 'networkSecretsMoved') store.dropMovedNetworkSecrets(message.accounts, log);
      },
    });
    const stop = services.stop.bind(services);
    return Object.assign(services, { stop: async () => (off(), await stop()) });
  }

  it('moves them to the keychain once, strips them from the file, and every secret keeps working', async () => {
    const dir = tempDir();
    const file = join(dir.path, 'settings.json');
    const legacy = writeLegacyFile(file);
    const kc = keychain();
    // the app secret was entered under the old file: bound to the destination with the header value in it
    kc.entries.set(`${CORP_PROFILE_ID}/${sim.apps[0]!.name}`, sim.apps[0]!.secret);
    kc.entries.set(`${CORP_PROFILE_ID}/contacts`, sim.contactsSecret);
    kc.entries.set(`${CORP_PROFILE_ID}/${bindingName(sim.apps[0]!.name)}`, destinationOf(legacy.network));
    const log = recordingLog();
    const store = new SettingsStore(fileBackend(file), log);
    const services = start(dir.path, store, log, { loadKeytar: kc.load });
    try {
      // the credentials step passed (nothing withheld); the proxy that is not there fails the test call
      expect(await services.initialized()).toMatchObject({ type: 'initFailed', id: 'connection' });
      // in the keychain, under the accounts secrets.setNetwork uses
      expect(kc.entries.get('_network/header:X-Gateway-Key')).toBe(HEADER_VALUE);
      expect(kc.entries.get('_network/proxy-auth')).toBe(PROXY_AUTH);
      expect(kc.entries.has('_network/header:X-Trace')).toBe(false);
      // and out of the file: names kept, the proxy without user:password
      const onDisk = readFileSync(file, 'utf8');
      expect(onDisk).not.toContain(HEADER_VALUE);
      expect(onDisk).not.toMatch(/p%40ss|p@ss|ops:/);
      const network = (JSON.parse(onDisk) as { network: { gatewayHeaders: unknown; proxyUrl: string } }).network;
      expect(network.gatewayHeaders).toEqual({ 'X-Gateway-Key': '', 'X-Trace': '' });
      expect(network.proxyUrl).toBe('http://proxy.example.com:8080');
      // the client still sends them, and the app secret bound under the old file is not withheld
      const client = services.runtime.core.context.clientOrNull();
      expect(client?.config.gatewayHeaders).toEqual({ 'X-Gateway-Key': HEADER_VALUE, 'X-Trace': '' });
      expect(client?.config.proxyUrl).toBe('http://ops:p%40ss-legacy@proxy.example.com:8080');
      // said once: in main's log and the services' log (which never carries the values) and to the user
      expect(log.lines.filter((l) => l.includes('network credential(s) moved to the keychain'))).toHaveLength(1);
      const servicesLog = JSON.stringify(services.messages.filter((m) => m.type === 'log'));
      expect(servicesLog).toContain('moved 2 network credential(s) from the settings file to the keychain');
      expect(servicesLog).not.toContain(HEADER_VALUE);
      expect(services.messages.filter((m) => m.type === 'networkSecretsMoved')).toEqual([{ type: 'networkSecretsMoved', accounts: ['header:X-Gateway-Key', 'proxy-auth'] }]);
      const rpc = connectClient(services);
      const status = await rpc.call('secrets.status', { profileId: CORP_PROFILE_ID });
      expect(status.network).toEqual({ state: 'moved', count: 2, reason: null });
      expect(status.storage[sim.apps[0]!.name]).toBe('keychain');
      rpc.close();
    } finally {
      await services.stop();
    }

    // the next start: nothing left to move, the values come from the keychain, nothing withheld
    const again = new SettingsStore(fileBackend(file), log);
    expect(again.get().profiles[0]).not.toHaveProperty('environment');
    const next = start(dir.path, again, log, { loadKeytar: kc.load });
    try {
      expect(await next.initialized()).toMatchObject({ type: 'initFailed', id: 'connection' });
      const config = next.runtime.core.context.clientOrNull()?.config;
      expect(config?.gatewayHeaders).toEqual({ 'X-Gateway-Key': HEADER_VALUE, 'X-Trace': '' });
      expect(config?.proxyUrl).toBe('http://ops:p%40ss-legacy@proxy.example.com:8080');
      expect(next.messages.some((m) => m.type === 'networkSecretsMoved')).toBe(false);
      const rpc = connectClient(next);
      expect((await rpc.call('secrets.status', { profileId: CORP_PROFILE_ID })).network).toBeUndefined();
      rpc.close();
    } finally {
      await next.stop();
      dir.remove();
    }
  });

  it('without a keychain or encrypted store they stay in the file, and the user is told why', async () => {
    const dir = tempDir();
    const file = join(dir.path, 'settings.json');
    writeLegacyFile(file);
    const before = readFileSync(file, 'utf8');
    const log = recordingLog();
    const store = new SettingsStore(fileBackend(file), log);
    const afterLoad = readFileSync(file, 'utf8');
    const services = start(dir.path, store, log, { keychain: 'memory', presetSecrets: corpSecrets(sim) });
    try {
      await services.initialized();
      // only the migration to v3 touched the file: the credentials are all still there
      expect(afterLoad).not.toBe(before);
      expect(readFileSync(file, 'utf8')).toBe(afterLoad);
      expect(afterLoad).toContain(HEADER_VALUE);
      expect(afterLoad).toContain('ops:p%40ss-legacy@');
      expect(services.messages.some((m) => m.type === 'networkSecretsMoved')).toBe(false);
      // nothing handed to main as a session secret either: they simply stay where they were
      expect(services.messages.filter((m) => m.type === 'sessionSecret' && m.account.startsWith('_network/'))).toEqual([]);
      expect(JSON.stringify(services.messages)).toContain('2 network credential(s) stay in plain text in the settings file');
      // and the calls still carry them
      expect(services.runtime.core.context.clientOrNull()?.config.gatewayHeaders).toEqual({ 'X-Gateway-Key': HEADER_VALUE, 'X-Trace': '' });
      const rpc = connectClient(services);
      const status = await rpc.call('secrets.status', { profileId: CORP_PROFILE_ID });
      expect(status.network).toMatchObject({ state: 'kept', count: 2 });
      expect(status.network?.reason).toBeTruthy();
      rpc.close();
    } finally {
      await services.stop();
      dir.remove();
    }
  });
});
