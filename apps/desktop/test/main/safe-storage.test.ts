// Main encrypts and decrypts for the services (the utility process cannot reach safeStorage), and
// refuses where safeStorage would only obfuscate (Linux without a keyring: 'basic_text').
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { answerCrypt } from '../../src/main/safe-storage.ts';
import { lastServices, readyFakeElectron, safeStorage } from './fake-electron.ts';
import { createTestApp, disposeTestApps, servicesComeUp } from './helpers.ts';

beforeEach(() => readyFakeElectron());

describe('safeStorage for the services', () => {
  it('encrypts to base64 that is not the plain text, and decrypts it back', () => {
    const sealed = answerCrypt({ type: 'crypt', id: 1, op: 'encrypt', data: 'corp-secret' }, 'linux');
    expect(sealed).toMatchObject({ type: 'cryptResult', id: 1, ok: true });
    expect(sealed.data).not.toContain('corp-secret');
    expect(Buffer.from(sealed.data ?? '', 'base64').toString('utf8')).not.toContain('corp-secret');
    const opened = answerCrypt({ type: 'crypt', id: 2, op: 'decrypt', data: sealed.data ?? '' }, 'linux');
    expect(opened).toEqual({ type: 'cryptResult', id: 2, ok: true, data: 'corp-secret' });
  });

  it("refuses Linux's basic_text backend, and says why without echoing the data", () => {
    safeStorage.backend = 'basic_text';
    const refused = answerCrypt({ type: 'crypt', id: 3, op: 'encrypt', data: 'corp-secret' }, 'linux');
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('basic_text') });
    expect(JSON.stringify(refused)).not.toContain('corp-secret');
    // basic_text is a Linux notion: Windows (DPAPI) and macOS (Keychain) are fine
    expect(answerCrypt({ type: 'crypt', id: 4, op: 'encrypt', data: 'x' }, 'win32').ok).toBe(true);
  });

  it('a ciphertext it cannot open is an error, not a crash', () => {
    const broken = answerCrypt({ type: 'crypt', id: 5, op: 'decrypt', data: Buffer.from('garbage').toString('base64') }, 'darwin');
    expect(broken).toMatchObject({ ok: false, error: expect.stringContaining('decrypt failed') });
  });

  it('the app context answers a crypt request from the services', async () => {
    try {
      const test = createTestApp();
      test.context.start();
      servicesComeUp();
      lastServices().say({ type: 'crypt', id: 9, op: 'encrypt', data: 'abc' });
      const answer = lastServices().postedOf('cryptResult')[0]?.message;
      expect(answer).toMatchObject({ type: 'cryptResult', id: 9, ok: true });
      expect(answer?.data).not.toBe('abc');
    } finally {
      await disposeTestApps();
    }
  });
});
