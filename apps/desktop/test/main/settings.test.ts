import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { migrateSettings } from '../../src/main/settings-migrations.ts';
import { electronStoreBackend } from '../../src/main/settings-electron-store.ts';
import { SettingsStore, memoryBackend } from '../../src/main/settings-store.ts';
import type { SettingsChange } from '../../src/main/settings-store.ts';
import { DEMO_PROFILE, SETTINGS_VERSION, defaultSettings } from '../../src/shared/settings.ts';
import { readyFakeElectron } from './fake-electron.ts';
import { recordingLog } from './helpers.ts';

beforeEach(() => readyFakeElectron());

const acme = {
  id: 'acme',
  name: 'Acme',
  kind: 'corp',
  corpId: 'ww0123456789abcdef',
  apps: [{ name: 'live', agentId: 1000005 }],
  hasContactsSecret: false,
};

/** A settings file as version 1 wrote it: network fields at the top level, no version. */
const v1File = {
  baseUrl: 'https://gateway.example.com/wecom',
  proxyUrl: 'http://proxy.local:3128',
  timeoutMs: 15_000,
  maxRetries: 2,
  profiles: [acme],
  activeProfileId: 'acme',
  language: 'en-US',
  theme: 'dark',
};

describe('settings migrations', () => {
  it('moves v1 flat network fields into `network` (v2) and keeps everything else', () => {
    const loaded = migrateSettings(v1File);
    expect(loaded).toMatchObject({ fromVersion: 1, migrated: true, problems: [], newerVersion: false });
    expect(loaded.settings).toEqual({
      version: SETTINGS_VERSION,
      profiles: [acme],
      activeProfileId: 'acme',
      network: {
        ...defaultSettings().network,
        baseUrl: 'https://gateway.example.com/wecom',
        proxyUrl: 'http://proxy.local:3128',
        timeoutMs: 15_000,
        maxRetries: 2,
      },
      language: 'en-US',
      theme: 'dark',
    });
    expect(loaded.settings).not.toHaveProperty('baseUrl');
  });

  it('an empty or missing file gives the defaults', () => {
    expect(migrateSettings({}).settings).toEqual(defaultSettings());
    expect(migrateSettings(undefined).settings).toEqual(defaultSettings());
    expect(migrateSettings({}).migrated).toBe(false);
  });

  it('a valid current file is taken as it is', () => {
    const v3 = { ...defaultSettings(), profiles: [DEMO_PROFILE], activeProfileId: 'demo' };
    expect(migrateSettings(v3)).toMatchObject({ settings: v3, migrated: false, problems: [] });
  });

  it('v2 profiles lose their `environment` label (v3), keeping everything else', () => {
    const v2 = {
      ...defaultSettings(),
      version: 2,
      profiles: [
        { ...acme, environment: 'test', baseUrl: 'https://gw.example.com', liveAnchors: ['zhangsan'] },
        { ...DEMO_PROFILE, environment: 'dev' },
      ],
      activeProfileId: 'acme',
    };
    const loaded = migrateSettings(v2);
    expect(loaded).toMatchObject({ fromVersion: 2, migrated: true, problems: [] });
    expect(loaded.settings.profiles).toEqual([
      { ...acme, baseUrl: 'https://gw.example.com', liveAnchors: ['zhangsan'] },
      DEMO_PROFILE,
    ]);
    expect(JSON.stringify(loaded.settings)).not.toContain('environment');
    // a stray label in a current file is tolerated and dropped too
    const stray = migrateSettings({ ...defaultSettings(), profiles: [{ ...acme, environment: 'prod' }] });
    expect(stray.problems).toEqual([]);
    expect(stray.settings.profiles[0]).not.toHaveProperty('environment');
  });

  it('an invalid field falls back to its default; invalid profiles are dropped one by one', () => {
    const loaded = migrateSettings({
      version: 2,
      language: 'klingon',
      theme: 'light',
      network: { timeoutMs: -5, maxRetries: 4, baseUrl: 'not a url' },
      profiles: [acme, { id: 'BAD ID', name: '' }, acme, DEMO_PROFILE],
      activeProfileId: 'ghost',
    });
    expect(loaded.settings.language).toBe('zh-CN');
    expect(loaded.settings.theme).toBe('light');
    expect(loaded.settings.network.timeoutMs).toBe(30_000);
    expect(loaded.settings.network.maxRetries).toBe(4);
    expect(loaded.settings.network.baseUrl).toBe('');
    expect(loaded.settings.profiles.map((p) => p.id)).toEqual(['acme', 'demo']);
    expect(loaded.settings.activeProfileId).toBeNull();
    expect(loaded.problems).toEqual([
      expect.stringMatching(/^profiles\[1\]/),
      expect.stringMatching(/^profiles\[2\]: duplicate id "acme"/),
      expect.stringMatching(/^network\.baseUrl/),
      expect.stringMatching(/^network\.timeoutMs/),
      expect.stringMatching(/^language/),
      expect.stringMatching(/^activeProfileId/),
    ]);
  });

  it('a file from a newer version is read as far as it validates and flagged', () => {
    const loaded = migrateSettings({ ...defaultSettings(), version: SETTINGS_VERSION + 1, theme: 'dark', futureThing: true });
    expect(loaded.newerVersion).toBe(true);
    expect(loaded.settings.theme).toBe('dark');
    expect(loaded.settings.version).toBe(SETTINGS_VERSION);
  });
});

describe('SettingsStore', () => {
  it('writes migrated settings back once, and not again when nothing changed', () => {
    const backend = memoryBackend(v1File);
    const write = vi.spyOn(backend, 'write');
    new SettingsStore(backend, recordingLog());
    expect(write).toHaveBeenCalledTimes(1);
    expect((backend.data as { version: number }).version).toBe(SETTINGS_VERSION);
    new SettingsStore(backend, recordingLog());
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('saves, activates and removes profiles, reporting active-profile changes', () => {
    const store = new SettingsStore(memoryBackend({}), recordingLog());
    const changes: SettingsChange[] = [];
    store.onChange((change) => changes.push(change));
    expect(store.activeProfile()).toBeNull();
    store.saveProfile(DEMO_PROFILE);
    // The only profile is the active one even before it is chosen explicitly.
    expect(store.activeProfile()?.id).toBe('demo');
    store.saveProfile(acme as typeof DEMO_PROFILE);
    store.activateProfile('acme');
    store.saveProfile({ ...(acme as typeof DEMO_PROFILE), name: 'Acme Ltd' });
    store.removeProfile('acme');
    expect(changes.map((c) => c.activeProfileChanged)).toEqual([true, false, true, false, true]);
    expect(store.get().profiles.map((p) => p.id)).toEqual(['demo']);
    expect(store.get().activeProfileId).toBe('demo');
    expect(() => store.activateProfile('nobody')).toThrow(/no profile "nobody"/);
    expect(() => store.update({ network: { timeoutMs: 1 } })).toThrow();
    expect(store.get().network.timeoutMs).toBe(30_000);
  });

  it('get() hands out copies: changing one does not change the store', () => {
    const store = new SettingsStore(memoryBackend({}), recordingLog());
    const copy = store.get();
    copy.language = 'en-US';
    copy.profiles.push(DEMO_PROFILE);
    expect(store.get().language).toBe('zh-CN');
    expect(store.get().profiles).toEqual([]);
  });
});

describe('electron-store backend (a real file in a temp folder)', () => {
  it('migrates a v1 settings.json on disk to the current version and validates what it writes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wld-settings-'));
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(v1File));
    const log = recordingLog();
    const store = new SettingsStore(electronStoreBackend({ cwd: dir }, log), log);
    expect(store.get().network.baseUrl).toBe('https://gateway.example.com/wecom');
    const onDisk = JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(onDisk.version).toBe(SETTINGS_VERSION);
    expect(onDisk).not.toHaveProperty('baseUrl');
    expect(onDisk.network).toMatchObject({ baseUrl: 'https://gateway.example.com/wecom', timeoutMs: 15_000 });
    expect(log.lines.some((l) => l.text.includes(`migrated from v1 to v${SETTINGS_VERSION}`))).toBe(true);

    store.update({ theme: 'light' });
    const reopened = new SettingsStore(electronStoreBackend({ cwd: dir }, log), log);
    expect(reopened.get().theme).toBe('light');
    expect(reopened.get().profiles).toEqual([acme]);
  });

  it('keeps a file that is not JSON aside and starts from the defaults', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wld-settings-'));
    writeFileSync(path.join(dir, 'settings.json'), '{ this is not json');
    const log = recordingLog();
    const store = new SettingsStore(electronStoreBackend({ cwd: dir }, log), log);
    expect(store.get()).toEqual(defaultSettings());
    const aside = readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] ?? ''), 'utf8')).toBe('{ this is not json');
    store.update({ language: 'en-US' });
    expect(existsSync(path.join(dir, 'settings.json'))).toBe(true);
  });

  it('never writes a secret field into the settings file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wld-settings-'));
    writeFileSync(
      path.join(dir, 'settings.json'),
      JSON.stringify({
        ...v1File,
        profiles: [
          { ...acme, secret: 'S3CR3T-corpsecret', apps: [{ name: 'live', agentId: 1, secret: 'x' }] },
        ],
      }),
    );
    const log = recordingLog();
    const store = new SettingsStore(electronStoreBackend({ cwd: dir }, log), log);
    store.update({ theme: 'dark' });
    const text = readFileSync(path.join(dir, 'settings.json'), 'utf8');
    expect(text).not.toContain('S3CR3T');
    expect(text).not.toContain('"secret"');
  });
});
