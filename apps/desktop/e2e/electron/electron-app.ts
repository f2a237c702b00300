// Launching the built app (out/main/index.js) in the real Electron for the shell tests, with its
// own userData, and finding its windows. Tests skip with the reason where the binary is missing.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary.ts';

export const appDir = path.resolve(import.meta.dirname, '..', '..');
export const mainEntry = path.join(appDir, 'out', 'main', 'index.js');
export const binary = findElectronBinary();

/** Why these tests cannot run here; null when they can. */
export function skipReason(): string | null {
  if (binary.path === null) return `Electron binary not available: ${binary.reason}`;
  if (!existsSync(mainEntry)) return `${mainEntry} is missing: run \`pnpm --filter @wld/desktop build\` first`;
  return null;
}

export function freshUserData(): string {
  return mkdtempSync(path.join(tmpdir(), 'wld-shell-e2e-'));
}

export async function launchApp(userData: string, options: { args?: string[]; env?: Record<string, string> } = {}): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary.path ?? undefined,
    args: [mainEntry, `--user-data-dir=${userData}`, ...(options.args ?? [])],
    cwd: appDir,
    env: { ...process.env, NODE_ENV: 'production', ELECTRON_RENDERER_URL: '', ...options.env },
    timeout: 60_000,
  });
}

export async function windowShowing(app: ElectronApplication, page: string): Promise<Page> {
  const match = (p: Page) => p.url().endsWith(`/${page}`);
  const open = app.windows().find(match);
  if (open) return open;
  return app.waitForEvent('window', { predicate: match, timeout: 90_000 });
}

/** First run on the Demo profile, up to the main window's Home. */
export async function startOnDemo(app: ElectronApplication): Promise<Page> {
  const launcher = await windowShowing(app, 'launcher.html');
  const demo = launcher.getByTestId('launcher-demo');
  if (await demo.isVisible({ timeout: 30_000 }).catch(() => false)) await demo.click();
  const main = await windowShowing(app, 'index.html');
  // the window loads hidden while the services start: its menu can be there before they are; Home's
  // figures come once they are up and the window shows
  await main.getByTestId('home-last30').waitFor({ timeout: 60_000 });
  return main;
}

export function mainLog(userData: string): string {
  const file = path.join(userData, 'logs', 'main.log');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}
