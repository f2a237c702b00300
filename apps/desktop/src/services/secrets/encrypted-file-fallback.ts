// The vault's fallback in the Electron app: userData/secrets.enc.json through main's safeStorage,
// usable only once an encrypt/decrypt round trip through main has worked.
import { join } from 'node:path';
import { createEncryptedFileStore, type Crypt } from './encrypted-file-store.ts';
import type { KeytarLike, VaultFallback } from './secret-vault.ts';

export const SECRETS_FILE = 'secrets.enc.json';

export function encryptedFileFallback(userData: () => string | null, crypt: Crypt): VaultFallback {
  const location = () => {
    const dir = userData();
    if (!dir) throw new Error('the services have no userData folder yet');
    return join(dir, SECRETS_FILE);
  };
  return {
    location,
    async load(): Promise<KeytarLike> {
      const file = location();
      const probe = 'wld-probe';
      if ((await crypt.decrypt(await crypt.encrypt(probe))) !== probe) {
        throw new Error('safeStorage did not give back what it encrypted');
      }
      return createEncryptedFileStore(file, crypt);
    },
  };
}
