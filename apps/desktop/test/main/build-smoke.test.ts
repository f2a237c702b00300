// The BUILT main process (out/main/index.js, as electron-vite bundled it) loaded under Node on the
// fake Electron: imports resolve, paths to the preload, services and icon exist, app:// serves the
// built pages, and the first-run flow reaches `init`. Skipped when there is no build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const appDir = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(appDir, 'out');
const built = existsSync(path.join(outDir, 'main', 'index.js'));
if (!built) console.warn('[build smoke] skipped: no build in out/ (run `pnpm --filter @wld/desktop build`)');

describe.skipIf(!built)('built main process', () => {
  it('starts on the fake Electron: launcher, preload, services, app:// pages, first run → init', () => {
    const userData = mkdtempSync(path.join(tmpdir(), 'wld-smoke-'));
    const stdout = execFileSync(
      process.execPath,
      [
        '--import',
        './test/main/build-smoke/fake-electron-hooks.ts',
        'test/main/build-smoke/drive-built-main.ts',
        outDir,
        userData,
      ],
      { cwd: appDir, encoding: 'utf8', timeout: 60_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(report).toMatchObject({
      userData,
      launcherUrl: 'app://wld/launcher.html',
      preload: path.join(outDir, 'preload', 'index.cjs'),
      preloadExists: true,
      iconExists: true,
      forks: 1,
      servicesExists: true,
      firstRun: true,
      chooseDemo: { ok: true, output: { ok: true } },
      launcherPage: { status: 200 },
      indexPage: { status: 200 },
      outside: { status: 404 },
      settingsFile: true,
      logFile: true,
    });
    expect(String(report.servicesPath).startsWith(path.join(outDir, 'main'))).toBe(true);
    expect((report.launcherPage as { csp: string }).csp).toContain("script-src 'self';");
    expect(report.init).toMatchObject({
      type: 'init',
      profile: { id: 'demo', kind: 'demo' },
      paths: { userData, cacheDb: path.join(userData, 'cache.db'), logs: path.join(userData, 'logs') },
    });
    const settings = JSON.parse(readFileSync(path.join(userData, 'settings.json'), 'utf8')) as {
      activeProfileId: string;
    };
    expect(settings.activeProfileId).toBe('demo');
  });

  it('the preload is one CommonJS file that needs nothing but electron (a sandboxed preload can load no more)', () => {
    const preload = readFileSync(path.join(outDir, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).toContain('exposeInMainWorld("wld"');
  });
});
