// First run: no profile yet → the launcher offers the Demo → real start-up progress → the main window.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost, type BrowserHost } from '../../browser-host/host.ts';
import { expect, rendererDir, snap, test } from './app-fixture.ts';

let host: BrowserHost;

test.beforeAll(async () => {
  host = await startBrowserHost({
    rendererDir,
    userData: mkdtempSync(join(tmpdir(), 'wld-e2e-first-run-')),
    // a smaller Demo org keeps the first sync short on a 2-core CI machine
    services: { keychain: 'memory', demo: { size: { users: 800, departments: 50, lives: 30, maxViewers: 300 } } },
  });
});
test.afterAll(async () => {
  await host.close();
});

test('first run offers the Demo, shows start-up progress and opens the main window', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 420, height: 300 });
  await page.goto(`${host.url}/launcher.html`);
  await expect(page.getByTestId('launcher-first-run')).toBeVisible();
  await snap(page, '01-launcher-first-run');

  const steps: string[] = [];
  page.on('console', () => {});
  await page.getByTestId('launcher-demo').click();
  // progress is determinate and real: the step label changes as the services start
  const stepLabel = page.getByTestId('launcher-step');
  await expect(stepLabel).toBeVisible();
  steps.push((await stepLabel.textContent()) ?? '');
  await snap(page, '02-launcher-progress');

  await page.waitForURL(/index\.html/, { timeout: 90_000 });
  await page.setViewportSize({ width: 1400, height: 900 });
  await expect(page.getByTestId('page-home')).toBeVisible();
  await expect(page.getByTestId('connection-state')).toBeVisible();
  await expect(page.getByTestId('home-last30')).toBeVisible();
  expect(steps[0]).not.toBe('');
  await snap(page, '03-home');
  // the Demo profile is now saved and active
  expect(host.settings.activeProfile()?.kind).toBe('demo');
});
