// Fixtures for the browser tests: a WeCom simulator on a fixed port, the browser host (production
// renderer build + the real services under Node) on a corp profile aimed at it, and screenshots.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { systemClock } from '@wld/clock';
import type { SimOptions } from '@wld/wecom-sim';
import type { BrowserHost } from '../../browser-host/host.ts';
import type { ServicesRuntimeOptions } from '../../src/services/services-core.ts';
import { startCorpApp as startCorpAppOn, type CorpApp } from '../../browser-host/corp-app.ts';
import { createRpcClient, type RpcClient } from '../../src/shared/rpc.ts';

export const appDir = resolve(import.meta.dirname, '../..');
export const rendererDir = join(appDir, 'out', 'renderer');
/** Screenshots of every screen, kept as test artifacts. */
export const screenshotDir = join(appDir, 'test-results', 'screenshots');

export type { CorpApp };

export function startCorpApp(simOptions: SimOptions = {}, servicesOptions: ServicesRuntimeOptions = {}): Promise<CorpApp> {
  return startCorpAppOn(rendererDir, simOptions, servicesOptions);
}

export function stopCorpApp(app: CorpApp): Promise<void> {
  return app.close();
}

/** An RPC client on the app's services once they have initialized: what a test reads and writes through. */
export async function servicesClientOf(app: CorpApp): Promise<RpcClient> {
  const services = app.host.services();
  if (!services) throw new Error('the services did not start');
  await services.initialized();
  return createRpcClient(services.connect(), { onError: () => {} });
}

/**
 * Until the start-up sync has ended: the organisation and the watch statistics were synced once and
 * no sync job runs. A walk that reads counts (learners, members) waits for it, as an admin reading
 * them would: while the users of some departments are still coming, a count is of what is in so far.
 */
export async function untilSynced(client: RpcClient): Promise<void> {
  await expect
    .poll(
      async () => {
        const { jobs, lastSync } = await client.call('sync.status', {});
        return lastSync.org != null && lastSync.watch != null && jobs.every((job) => job.state !== 'running');
      },
      { timeout: 30_000, message: 'the start-up sync to end' },
    )
    .toBe(true);
}

/** A live three days ahead with these people as its audience, created through the services. */
export async function liveWithAudience(client: RpcClient, theme: string, people: readonly string[]): Promise<string> {
  const { livingid } = await client.call('lives.create', {
    anchorUserid: people[0]!,
    theme,
    livingStart: Math.floor(systemClock.now() / 1000) + 3 * 86_400,
    livingDuration: 3600,
    type: 3,
    description: '请准时参加',
    audience: { userids: [...people], departmentIds: [], tagIds: [] },
  });
  return livingid;
}

let themeSerial = 0;
/** A theme no other live has (WeCom caps themes at 20 characters: keep `base` short). */
export const uniqueTheme = (base: string) => `${base} ${process.pid % 1000}-${++themeSerial}`;

/** The app messages the simulator received that mention `text`. */
export const messagesAbout = (app: CorpApp, text: string) =>
  app.sim.state.messages.filter((m) => JSON.stringify(m.body).includes(text));

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
  // The page's clock starts where the simulator's and the services' clock is (this process's one
  // clock, pinned by WLD_FAKE_NOW when set) and then runs at the normal pace.
  page: async ({ page }, use) => {
    await page.clock.install({ time: systemClock.now() });
    await use(page);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});
/**
 * Until no modal or dropdown is still in its opening animation. A dropdown opened while its dialog
 * zooms in is placed where the field was mid-animation, and moves once the dialog has settled: a click
 * aimed at it then can land beside it (a pick that never happened). Screenshots also show the dialog as
 * a person sees it.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await expect(page.locator('.ant-zoom-appear, .ant-zoom-enter, .ant-move-up-appear, .ant-move-up-enter, .ant-slide-up-appear, .ant-slide-up-enter')).toHaveCount(0);
}

/**
 * Picks an option of a select by its label and waits until the select shows it. The list is let settle
 * first (animationsSettled); a click still lost to it is seen as the select's unchanged value, and the
 * pick is made again.
 */
export async function chooseOption(page: Page, testid: string, label: string): Promise<void> {
  const select = page.getByTestId(testid);
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await select.click();
    await animationsSettled(page);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: new RegExp(`^${label}$`) }).click({ timeout: 5_000 });
    await expect(select).toContainText(label, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

/**
 * Clicks a confirmation's button until the confirmation closes: a click that lands while it is still
 * opening can be lost. The caller knows a second click changes nothing (antd runs onOk once).
 */
export async function confirmUntilClosed(
  confirm: Locator,
  button: string | RegExp,
  { hideTimeout = 2_000, timeout = 20_000 }: { hideTimeout?: number; timeout?: number } = {},
): Promise<void> {
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: button }).click({ timeout: 2_000 });
    await expect(confirm).toBeHidden({ timeout: hideTimeout });
  }).toPass({ timeout });
}

export { expect };
