// Secrets: the OS keychain through keytar (a real Secret Service when the test runs inside
// scripts/with-keyring.sh), and the in-memory fallback when no keyring can be reached.
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { startServicesInProcess } from '../../src/services/node-host.ts';
import { createSecretVault, type KeytarLike } from '../../src/services/secrets/secret-vault.ts';
import { connectClient, tempDir, testSettings } from './helpers.ts';

const probe = await createSecretVault({ mode: 'system' }).status();
const keyringAvailable = probe.available;
if (!keyringAvailable) {
  console.warn(`keychain tests against a real keyring are SKIPPED: ${probe.reason} (run them with: bash scripts/with-keyring.sh pnpm test)`);
}

const profileId = `wld-test-${randomUUID().slice(0, 8)}`;

function fakeKeytar(overrides: Partial<KeytarLike>): () => Promise<KeytarLike> {
  const store = new Map<string, string>();
  return async () => ({
    getPassword: async (_s, account) => store.get(account) ?? null,
    setPassword: async (_s, account, password) => void store.set(account, password),
    deletePassword: async (_s, account) => store.delete(account),
    ...overrides,
  });
}

describe('keychain (real keyring)', () => {
  afterAll(async () => {
    if (keyringAvailable) await createSecretVault({ mode: 'system' }).delete(profileId, 'live-desk');
  });

  it.skipIf(!keyringAvailable)('sets, reads back from a fresh process view, and deletes a secret', async () => {
    const vault = createSecretVault({ mode: 'system' });
    expect(await vault.set(profileId, 'live-desk', 's3cret-value')).toBe('keychain');
    // a new vault has no session memory: the value can only come from the keyring
    expect(await createSecretVault({ mode: 'system' }).get(profileId, 'live-desk')).toBe('s3cret-value');
    await vault.delete(profileId, 'live-desk');
    expect(await createSecretVault({ mode: 'system' }).get(profileId, 'live-desk')).toBeNull();
  });

  it.skipIf(!keyringAvailable)('secrets.set over RPC stores in the keychain and secrets.status never shows the value', async () => {
    const dir = tempDir();
    const services = startServicesInProcess({ userData: dir.path, profile: null, keychain: 'system' });
    try {
      await services.initialized();
      const client = connectClient(services);
      const stored = await client.call('secrets.set', { profileId, app: 'live-desk', secret: 'rpc-secret-value' });
      expect(stored).toEqual({ ok: true, storage: 'keychain' });
      const status = await client.call('secrets.status', { profileId });
      expect(status.keychainAvailable).toBe(true);
      expect(JSON.stringify(status)).not.toContain('rpc-secret-value');
      expect(await createSecretVault({ mode: 'system' }).get(profileId, 'live-desk')).toBe('rpc-secret-value');
      await client.call('secrets.delete', { profileId, app: 'live-desk' });
      expect(await createSecretVault({ mode: 'system' }).get(profileId, 'live-desk')).toBeNull();
      client.close();
    } finally {
      await services.stop();
      dir.remove();
    }
  });
});

describe('keychain fallback', () => {
  it('no D-Bus: says why, keeps secrets for the session only', async () => {
    const vault = createSecretVault({
      loadKeytar: fakeKeytar({
        getPassword: async () => {
          throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
        },
      }),
    });
    expect(await vault.status()).toEqual({ available: false, reason: 'Cannot autolaunch D-Bus without X11 $DISPLAY', store: 'memory', location: null });
    expect(await vault.set('p', 'app', 'v')).toBe('session');
    expect(await vault.get('p', 'app')).toBe('v');
    await vault.delete('p', 'app');
    expect(await vault.get('p', 'app')).toBeNull();
  });

  it('a locked keyring: the write falls back to the session and status reports it', async () => {
    const vault = createSecretVault({
      loadKeytar: fakeKeytar({
        setPassword: async () => {
          throw new Error('Cannot create an item in a locked collection');
        },
      }),
    });
    expect((await vault.status()).available).toBe(true);
    expect(await vault.set('p', 'app', 'v')).toBe('session');
    expect(await vault.status()).toEqual({ available: false, reason: 'Cannot create an item in a locked collection', store: 'memory', location: null });
    expect(await vault.get('p', 'app')).toBe('v');
  });

  it('a missing native module is reported, not thrown', async () => {
    const vault = createSecretVault({
      loadKeytar: async () => {
        throw new Error("Cannot find module 'keytar'");
      },
    });
    const status = await vault.status();
    expect(status.available).toBe(false);
    expect(status.reason).toContain('keytar');
  });

  it('over RPC in memory mode: storage session, status says the keychain is off, the secret stays inside', async () => {
    const dir = tempDir();
    const services = startServicesInProcess({
      userData: dir.path,
      profile: { id: 'corp-x', name: 'X', kind: 'corp', corpId: 'wwx', apps: [{ name: 'app-a', agentId: 1000005 }], hasContactsSecret: false },
      // nothing listens there: entering the secret makes the services try, and fail fast
      settings: testSettings('http://127.0.0.1:9'),
      keychain: 'memory',
    });
    try {
      await services.initialized();
      const client = connectClient(services);
      expect(await client.call('secrets.set', { profileId: 'corp-x', app: 'app-a', secret: 'memory-secret' })).toEqual({ ok: true, storage: 'session' });
      const status = await client.call('secrets.status', { profileId: 'corp-x' });
      expect(status).toMatchObject({ keychainAvailable: false, apps: { 'app-a': true, contacts: false } });
      expect(status.reason).toBeTruthy();
      expect(JSON.stringify(status)).not.toContain('memory-secret');
      // the log the services wrote to "main" never carries it either; only the hand-over that keeps
      // it for the session (main holds it across restarts) does
      const handOver = services.messages.filter((m) => m.type === 'sessionSecret');
      // (with the destination it is bound to, see bound-vault.ts)
      expect(handOver.map((m) => m.account).filter((a) => !a.endsWith(':destination'))).toEqual(['corp-x/app-a']);
      expect(JSON.stringify(services.messages.filter((m) => m.type !== 'sessionSecret'))).not.toContain('memory-secret');
      // and it says where secrets are kept, and why not in the keychain
      expect(JSON.stringify(services.messages)).toContain('secrets are kept in memory only, for this run (keychain disabled for this run)');
      await client.call('secrets.delete', { profileId: 'corp-x', app: 'app-a' });
      expect((await client.call('secrets.status', { profileId: 'corp-x' })).apps['app-a']).toBe(false);
      client.close();
    } finally {
      await services.stop();
      dir.remove();
    }
  });
});
