// Where keytar cannot load (a Windows installer with a Linux keytar.node, no keyring), secrets go
// to an encrypted file through main's safeStorage, never silently to memory; the status says where.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptedFileFallback, SECRETS_FILE } from '../../src/services/secrets/encrypted-file-fallback.ts';
import type { Crypt } from '../../src/services/secrets/encrypted-file-store.ts';
import { createMainCrypt } from '../../src/services/secrets/main-crypt.ts';
import { createSecretVault } from '../../src/services/secrets/secret-vault.ts';
import type { ServicesToMain } from '../../src/shared/host-protocol.ts';
import { tempDir } from './helpers.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const keytarWontLoad = async () => {
  throw new Error('keytar.node: invalid ELF header');
};

/** Stands in for safeStorage: reversible, never the plain text. */
const xorCrypt: Crypt = {
  encrypt: async (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x33)).toString('base64'),
  decrypt: async (cipher) => Buffer.from(Buffer.from(cipher, 'base64').map((b) => b ^ 0x33)).toString('utf8'),
};

function vaultIn(dir: string, crypt: Crypt = xorCrypt) {
  return createSecretVault({ loadKeytar: keytarWontLoad, fallback: encryptedFileFallback(() => dir, crypt) });
}

describe('encrypted-file secrets (safeStorage through main)', () => {
  it('keytar cannot load: secrets go to the encrypted file, survive a restart, and the status says where and why', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const vault = vaultIn(dir.path);
    expect(await vault.set('acme', 'live-desk', 'corp-secret-value')).toBe('encrypted-file');
    const file = join(dir.path, SECRETS_FILE);
    expect(readFileSync(file, 'utf8')).not.toContain('corp-secret-value');
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    // a new vault (the next start) reads it back from the file
    const next = vaultIn(dir.path);
    expect(await next.get('acme', 'live-desk')).toBe('corp-secret-value');
    expect(await next.status()).toEqual({
      available: true,
      reason: 'keytar.node: invalid ELF header',
      store: 'encrypted-file',
      location: file,
    });
    await next.delete('acme', 'live-desk');
    expect(await vaultIn(dir.path).get('acme', 'live-desk')).toBeNull();
  });

  it('safeStorage refused as well: memory for this run, and the reason names both stores', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const refusing: Crypt = {
      encrypt: async () => {
        throw new Error('Electron safeStorage has no keyring to protect its key (backend basic_text)');
      },
      decrypt: async () => '',
    };
    const vault = vaultIn(dir.path, refusing);
    expect(await vault.set('acme', 'live-desk', 'v')).toBe('session');
    const status = await vault.status();
    expect(status).toMatchObject({ available: false, store: 'memory', location: null });
    expect(status.reason).toContain('invalid ELF header');
    expect(status.reason).toContain('basic_text');
    expect(existsSync(join(dir.path, SECRETS_FILE))).toBe(false);
  });

  it('the crypt requests go to main and its answers settle them; an unanswered one times out', async () => {
    const posted: ServicesToMain[] = [];
    const crypt = createMainCrypt((m) => void posted.push(m), 50);
    const encrypted = crypt.encrypt('abc');
    const request = posted[0];
    expect(request).toMatchObject({ type: 'crypt', op: 'encrypt', data: 'abc' });
    if (request?.type !== 'crypt') throw new Error('no crypt request');
    crypt.settle({ id: request.id, ok: true, data: 'Y2lwaGVy' });
    await expect(encrypted).resolves.toBe('Y2lwaGVy');
    const refused = crypt.decrypt('x');
    const second = posted[1];
    if (second?.type !== 'crypt') throw new Error('no crypt request');
    crypt.settle({ id: second.id, ok: false, error: 'no keyring' });
    await expect(refused).rejects.toThrow('no keyring');
    await expect(crypt.encrypt('never answered')).rejects.toThrow(/did not answer/);
  });
});
