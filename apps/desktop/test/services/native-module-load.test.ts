// A native module built for another system is reported as such, not as "the cache cannot be read
// as a database". The detection is checked against a real dlopen failure on this machine.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isNativeLoadError } from '../../src/services/native-module-error.ts';
import { tempDir } from './helpers.ts';

const dirs: Array<{ remove(): void }> = [];
afterEach(() => {
  dirs.splice(0).forEach((d) => d.remove());
  vi.doUnmock('better-sqlite3');
  vi.resetModules();
});

/** What loading a .node made for another system really throws here. */
function realDlopenFailure(): Error {
  const dir = tempDir('wld-native-');
  dirs.push(dir);
  const file = join(dir.path, 'better_sqlite3.node');
  // a Windows DLL's first bytes: not an ELF object
  writeFileSync(file, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]));
  try {
    createRequire(import.meta.url)(file);
  } catch (error) {
    return error as Error;
  }
  throw new Error('loading a foreign .node unexpectedly worked');
}

describe('native module load failures', () => {
  it('recognises a real dlopen failure, and not an ordinary error', () => {
    expect(isNativeLoadError(realDlopenFailure())).toBe(true);
    expect(isNativeLoadError(new Error('file is not a database'))).toBe(false);
    expect(isNativeLoadError(new Error("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.38' not found"))).toBe(true);
  });

  it('openCache reports better-sqlite3 failing to load, not a corrupt cache', async () => {
    const failure = realDlopenFailure();
    vi.doMock('better-sqlite3', () => ({
      default: class {
        constructor() {
          throw failure;
        }
      },
    }));
    const { openCache } = await import('../../src/services/cache/open.ts');
    const dir = tempDir();
    dirs.push(dir);
    let thrown: unknown;
    try {
      openCache(join(dir.path, 'cache.db'));
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).name).toBe('NativeModuleError');
    expect((thrown as Error).message).toContain('better-sqlite3');
    expect((thrown as Error).message).not.toContain('cannot be read as a database');
  });

  it('init says so in the launcher message', async () => {
    const failure = realDlopenFailure();
    vi.doMock('better-sqlite3', () => ({
      default: class {
        constructor() {
          throw failure;
        }
      },
    }));
    const { startServicesInProcess } = await import('../../src/services/node-host.ts');
    const dir = tempDir();
    dirs.push(dir);
    const services = startServicesInProcess({ userData: dir.path, profile: null, keychain: 'memory' });
    try {
      const outcome = await services.initialized();
      expect(outcome).toMatchObject({ type: 'initFailed', id: 'cache', error: { code: 'NATIVE_MODULE' } });
      const text = (outcome as { message: string }).message;
      expect(text).toMatch(/native module/);
      expect(text).not.toContain('cannot be read as a database');
    } finally {
      await services.stop();
    }
  });
});
