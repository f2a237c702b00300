// The built app end to end: launcher with progress, first-run Demo choice, then the main window.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary.ts';

const appDir = path.resolve(import.meta.dirname, '..', '..');
const mainEntry = path.join(appDir, 'out', 'main', 'index.js');
const binary = findElectronBinary();

if (binary.path === null)
  console.warn(`[electron e2e] skipped: Electron binary not available: ${binary.reason}`);
test.skip(binary.path === null, `Electron binary not available: ${binary.reason ?? ''}`);
test.skip(!existsSync(mainEntry), `${mainEntry} is missing: run \`pnpm --filter @wld/desktop build\` first`);

let app: ElectronApplication | null = null;
let userData = '';

test.beforeEach(() => {
  userData = mkdtempSync(path.join(tmpdir(), 'wld-e2e-'));
});

test.afterEach(async () => {
  await app?.close();
  app = null;
  rmSync(userData, { recursive: true, force: true });
});

async function launch(): Promise<ElectronApplication> {
  app = await electron.launch({
    executablePath: binary.path ?? undefined,
    args: [mainEntry, `--user-data-dir=${userData}`],
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', ELECTRON_RENDERER_URL: '' },
    timeout: 60_000,
  });
  return app;
}

async function windowShowing(electronApp: ElectronApplication, page: string): Promise<Page> {
  const match = (p: Page) => p.url().endsWith(`/${page}`);
  const open = electronApp.windows().find(match);
  if (open) return open;
  return electronApp.waitForEvent('window', { predicate: match, timeout: 90_000 });
}

test('first run: the launcher offers the Demo, shows progress, then the main window opens on Home', async () => {
  const electronApp = await launch();
  const launcher = await windowShowing(electronApp, 'launcher.html');
  await expect(launcher.getByTestId('launcher')).toBeVisible();
  expect(launcher.url()).toBe('app://wld/launcher.html');

  await expect(launcher.getByTestId('launcher-first-run')).toBeVisible();
  await launcher.getByTestId('launcher-demo').click();
  await expect(launcher.getByTestId('launcher-progress')).toBeVisible();
  await expect(launcher.getByTestId('launcher-step')).not.toBeEmpty();

  // created hidden once the Demo is chosen, loading while the services start; shown when both are done
  const main = await windowShowing(electronApp, 'index.html');
  await expect(main).toHaveTitle('WeCom Live Desk');
  await expect(main.getByTestId('nav-home')).toBeVisible({ timeout: 60_000 });
  await expect(main.getByTestId('home-last30')).toBeVisible({ timeout: 60_000 });

  // The launcher closes once the main window is shown.
  await expect.poll(() => launcher.isClosed(), { timeout: 15_000 }).toBe(true);
  // The page has the bridge and nothing of Node.
  const exposed = await main.evaluate(() => ({
    bridge: Object.keys(window.wld ?? {}).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({
    bridge: ['invoke', 'requestServicesPort', 'subscribe', 'version'],
    require: 'undefined',
    process: 'undefined',
  });
  // Settings, cache and logs live in the chosen userData.
  expect(readdirSync(userData)).toEqual(expect.arrayContaining(['settings.json', 'profiles', 'logs']));
});

test('a second start goes straight to the main window with the saved profile', async () => {
  let electronApp = await launch();
  const firstLauncher = await windowShowing(electronApp, 'launcher.html');
  await firstLauncher.getByTestId('launcher-demo').click();
  // the main window exists (hidden) from the Demo's choice on: the first start is over once it shows data
  const firstMain = await windowShowing(electronApp, 'index.html');
  await expect(firstMain.getByTestId('home-last30')).toBeVisible({ timeout: 60_000 });
  await electronApp.close();

  electronApp = await launch();
  const launcher = await windowShowing(electronApp, 'launcher.html');
  await expect(launcher.getByTestId('launcher-first-run')).toHaveCount(0);
  const main = await windowShowing(electronApp, 'index.html');
  await expect(main.getByTestId('nav-home')).toBeVisible({ timeout: 60_000 });
});
