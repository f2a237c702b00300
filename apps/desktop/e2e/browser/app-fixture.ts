// Fixtures for the browser tests: a WeCom simulator on a fixed port, the browser host (production
// renderer build + the real services under Node) on a corp profile aimed at it, and screenshots.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startSimulator, type SimServer, type SimOptions } from '@wld/wecom-sim';
import { startBrowserHost, type BrowserHost } from '../../browser-host/host.ts';
import type { Profile, Settings } from '../../src/shared/settings.ts';

export const appDir = resolve(import.meta.dirname, '../..');
export const rendererDir = join(appDir, 'out', 'renderer');
/** Screenshots of every screen, kept as test artifacts. */
export const screenshotDir = join(appDir, 'test-results', 'screenshots');

export interface CorpApp {
  sim: SimServer;
  host: BrowserHost;
  profile: Profile;
  /** Stops the simulator (WeCom unreachable); `restartSim` brings it back on the same port. */
  stopSim(): Promise<void>;
  restartSim(): Promise<void>;
}

export async function startCorpApp(simOptions: SimOptions = {}): Promise<CorpApp> {
  const sim = await startSimulator({ seed: 7, size: { users: 600, departments: 40, lives: 30, maxViewers: 400 }, ...simOptions });
  const port = Number(new URL(sim.url).port);
  const app = sim.apps[0]!;
  const profile: Profile = {
    id: 'e2e-corp',
    name: 'E2E 测试企业',
    kind: 'corp',
    corpId: sim.corpId,
    apps: [{ name: app.name, agentId: app.agentId }],
    hasContactsSecret: true,
    environment: 'test',
  };
  const initialSettings: Partial<Settings> = {
    profiles: [profile],
    activeProfileId: profile.id,
    network: {
      baseUrl: sim.url,
      gatewayHeaders: {},
      proxyUrl: '',
      timeoutMs: 3_000,
      maxRetries: 1,
      retryDelayMs: 100,
      cacheEnabled: true,
      cacheTtlSeconds: 3_600,
    },
  };
  const host = await startBrowserHost({
    rendererDir,
    userData: mkdtempSync(join(tmpdir(), 'wld-e2e-')),
    initialSettings,
    services: {
      keychain: 'memory',
      presetSecrets: { [`${profile.id}/${app.name}`]: app.secret, [`${profile.id}/contacts`]: sim.contactsSecret },
      probeBackoff: { initialMs: 500, maxMs: 2_000 },
    },
  });
  const current = { sim };
  return {
    get sim() {
      return current.sim;
    },
    host,
    profile,
    async stopSim() {
      await current.sim.close();
    },
    async restartSim() {
      current.sim = await startSimulator({ seed: 7, size: { users: 600, departments: 40, lives: 30, maxViewers: 400 }, ...simOptions, port });
    },
  };
}

export async function stopCorpApp(app: CorpApp): Promise<void> {
  await app.host.close();
  await app.sim.close().catch(() => {});
}

export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });
}

/** Opens the main window's page and waits for the app shell and data. */
export async function openApp(page: Page, host: BrowserHost, route = ''): Promise<void> {
  await page.goto(`${host.url}/index.html#/${route}`);
  await expect(page.getByTestId('connection-state')).toBeVisible();
}

export const test = base.extend<{ pageErrors: string[] }>({
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});
export { expect };
