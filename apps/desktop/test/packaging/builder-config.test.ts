// Item: packaging. electron-builder.yml checked against electron-builder's own schema and against
// what the app needs on real machines: natives per target, fuses, the .deb's dependencies and
// glibc, the .deb first, publishing configured, the appId the main process uses on Windows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ID } from '../../src/main/constants.ts';
import { compareVersions, inspectBinary } from '../../scripts/native-audit/binary-format.ts';
import { builderRequire, declaredGlibc, readBuilderConfig } from '../../scripts/native-audit/builder-config.ts';

const config = readBuilderConfig();

describe('electron-builder.yml', () => {
  it('is valid for electron-builder (its own schema)', async () => {
    const { validateConfiguration } = builderRequire()('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, debug: unknown): Promise<void>;
    };
    await expect(validateConfiguration(structuredClone(config), { add() {}, isEnabled: false })).resolves.toBeUndefined();
    // and the check does reject a wrong key
    await expect(validateConfiguration({ ...structuredClone(config), electronFuse: {} }, { add() {}, isEnabled: false })).rejects.toThrow();
  });

  it('builds native modules per target from prebuilds, never ships this machine’s build', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**/*.node', '**/node_modules/keytar/**/*.node']));
  });

  it('flips the fuses: no RunAsNode, no NODE_OPTIONS, asar integrity on', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('the .deb lists electron-builder’s default dependencies, libsecret, and glibc ≥ 2.34', () => {
    const depends = config.deb?.depends ?? [];
    for (const name of ['xdg-utils', 'libatspi2.0-0', 'libxtst6', 'libnotify4', 'libuuid1', 'libsecret-1-0', 'libgtk-3-0', 'libnss3', 'libxss1']) {
      expect(depends).toContain(name);
    }
    const glibc = declaredGlibc(config);
    expect(glibc).not.toBeNull();
    expect(compareVersions(glibc ?? '0', '2.34')).toBeGreaterThanOrEqual(0);
  });

  it('the declared glibc covers what the shipped Linux prebuilds need', () => {
    const prebuilds = path.resolve(import.meta.dirname, '..', '..', 'node_modules', 'better-sqlite3', 'prebuilds');
    for (const name of ['linux-x64', 'linux-arm64']) {
      const needed = inspectBinary(readFileSync(path.join(prebuilds, `${name}.node`))).glibc ?? '0';
      expect(compareVersions(declaredGlibc(config) ?? '0', needed)).toBeGreaterThanOrEqual(0);
    }
  });

  it('the .deb is the first Linux target; publish is set; macOS is notarised; the appId is the Windows AppUserModelID', () => {
    const first = [config.linux?.target].flat()[0];
    expect(typeof first === 'string' ? first : first?.target).toBe('deb');
    // a fixed URL: an ${env.…} macro would stop every package built without that variable
    expect(config.publish).toMatchObject({ provider: 'generic', url: expect.stringMatching(/^https:\/\//) });
    expect((config.publish as { url: string }).url).not.toContain('${env.');
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(config.appId).toBe(APP_ID);
  });

  it('the packaging notes document the signing variables and the AppImage sandbox on Ubuntu 24.04', () => {
    const notes = readFileSync(path.resolve(import.meta.dirname, '..', '..', '..', '..', 'docs', 'packaging.md'), 'utf8');
    for (const variable of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'WLD_PUBLISH_URL']) {
      expect(notes).toContain(variable);
    }
    expect(notes).toMatch(/AppArmor/);
    expect(notes).toMatch(/apparmor_restrict_unprivileged_userns/);
  });
});
