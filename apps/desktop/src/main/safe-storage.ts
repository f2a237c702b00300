// safeStorage on the services' behalf: the utility process cannot call it, so it sends `crypt`
// requests and main answers with base64 ciphertext or plain text. On Linux a 'basic_text' backend
// (no keyring: a fixed, public key) is refused: that would be obfuscation, not encryption.
import { safeStorage } from 'electron';
import type { MainToServices, ServicesToMain } from '../shared/host-protocol.ts';

type CryptRequest = Extract<ServicesToMain, { type: 'crypt' }>;
type CryptResult = Extract<MainToServices, { type: 'cryptResult' }>;

/** Null when safeStorage can protect data here; otherwise why not. */
export function safeStorageUnavailable(platform: NodeJS.Platform = process.platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) return 'Electron safeStorage is not available';
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') {
      return `Electron safeStorage has no keyring to protect its key (backend ${backend})`;
    }
  }
  return null;
}

export function answerCrypt(request: CryptRequest, platform: NodeJS.Platform = process.platform): CryptResult {
  const refused = safeStorageUnavailable(platform);
  if (refused) return { type: 'cryptResult', id: request.id, ok: false, error: refused };
  try {
    const data =
      request.op === 'encrypt'
        ? safeStorage.encryptString(request.data).toString('base64')
        : safeStorage.decryptString(Buffer.from(request.data, 'base64'));
    return { type: 'cryptResult', id: request.id, ok: true, data };
  } catch (error) {
    // Never echo the data: only what went wrong.
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    return { type: 'cryptResult', id: request.id, ok: false, error: `safeStorage ${request.op} failed: ${reason}` };
  }
}
