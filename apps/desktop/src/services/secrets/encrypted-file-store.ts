// Secrets in one file in userData, each value encrypted by Electron's safeStorage (Keychain on
// macOS, DPAPI on Windows, the Secret Service or KWallet key on Linux). The utility process cannot
// call safeStorage, so `crypt` asks main to do it (see main/safe-storage.ts); the file holds
// ciphertext only. Written atomically (temp file + rename), readable by the user only.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeytarLike } from './secret-vault.ts';

export interface Crypt {
  /** Plain text → base64 ciphertext. */
  encrypt(plain: string): Promise<string>;
  /** base64 ciphertext → plain text. */
  decrypt(cipher: string): Promise<string>;
}

interface FileShape {
  version: 1;
  /** `${service}\n${account}` → base64 ciphertext */
  entries: Record<string, string>;
}

const keyOf = (service: string, account: string) => `${service}\n${account}`;

function readEntries(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const parsed = JSON.parse(text) as Partial<FileShape>;
  if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) {
    throw new Error(`${file} is not a secrets file of this app`);
  }
  return { ...parsed.entries };
}

function writeEntries(file: string, entries: Record<string, string>): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ version: 1, entries } satisfies FileShape, null, 1)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}

/** A keytar-shaped store over the encrypted file; writes are serialised. */
export function createEncryptedFileStore(file: string, crypt: Crypt): KeytarLike {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => {});
    return next;
  };
  return {
    async getPassword(service, account) {
      const cipher = readEntries(file)[keyOf(service, account)];
      return cipher === undefined ? null : crypt.decrypt(cipher);
    },
    setPassword: (service, account, password) =>
      serial(async () => {
        const cipher = await crypt.encrypt(password);
        const entries = readEntries(file);
        entries[keyOf(service, account)] = cipher;
        writeEntries(file, entries);
      }),
    deletePassword: (service, account) =>
      serial(async () => {
        const entries = readEntries(file);
        const key = keyOf(service, account);
        if (!(key in entries)) return false;
        delete entries[key];
        writeEntries(file, entries);
        return true;
      }),
  };
}
