// Offline: cut WeCom (stop the simulator) → every read screen keeps working from the cache with the
// "offline, data as of …" banner, write actions are disabled with the reason; reconnect refreshes.
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  // no background probe and no live monitor polling WeCom: only the Reconnect button, a sync or the
  // system's network events bring the news, so each test sees its own path do so
  app = await startCorpApp({}, { probeBackoff: { initialMs: 600_000, maxMs: 600_000 }, monitorIntervalMs: 600_000 });
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

test('browse offline from the cache, then reconnect', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.host);
  await expect(page.getByTestId('page-home')).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  // wait for the first sync to have filled the cache
  await page.getByTestId('nav-org').click();
  await expect(page.getByTestId('users-total')).toContainText(/\d/, { timeout: 60_000 });
  const onlineTotal = (await page.getByTestId('users-total').textContent()) ?? '';

  await app.stopSim();
  // the services notice on their next call or probe; ask them now like the user would
  await page.getByTestId('nav-home').click();
  await page.getByTestId('sync-button').click();
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('offline-banner')).toContainText(/\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/);
  await snap(page, '20-offline-home');

  // read screens still answer from the cache
  await page.getByTestId('nav-org').click();
  await expect(page.getByTestId('users-total')).toHaveText(onlineTotal);
  await expect(page.getByTestId('users-table')).toBeVisible();
  await snap(page, '21-offline-org');
  await page.getByTestId('nav-lives').click();
  await expect(page.getByTestId('page-lives')).toBeVisible();
  // an action that needs WeCom is disabled, and says why
  await expect(page.getByTestId('create-live')).toBeDisabled();
  await page.getByTestId('nav-messages').click();
  await expect(page.getByTestId('send-disabled-reason')).toBeVisible();
  await snap(page, '22-offline-messages');

  await app.restartSim();
  await page.getByTestId('reconnect-button').click();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('connection-state')).toBeVisible();
  await page.getByTestId('nav-lives').click();
  await expect(page.getByTestId('create-live')).toBeEnabled();
});

test("the system's network going down and coming back is told at once", async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app.host);
  await expect(page.getByTestId('page-home')).toBeVisible();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);

  // WeCom out of reach and the system says the network is down (the window's offline event): no
  // click, and nothing else calls WeCom here (monitor and probe are 10 minutes apart)
  await app.stopSim();
  await page.evaluate(() => window.dispatchEvent(new Event('offline')));
  await expect(page.getByTestId('offline-banner')).toBeVisible({ timeout: 5_000 });
  // the Sync button's hint does not cover the banner's Reconnect button right under it
  await page.getByTestId('sync-button').hover();
  const hint = page.getByRole('tooltip').filter({ visible: true });
  await expect(hint).toBeVisible();
  const [hintBox, reconnectBox] = [await hint.boundingBox(), await page.getByTestId('reconnect-button').boundingBox()];
  if (!hintBox || !reconnectBox) throw new Error('the hint or the Reconnect button has no box');
  const overlaps =
    hintBox.x < reconnectBox.x + reconnectBox.width &&
    reconnectBox.x < hintBox.x + hintBox.width &&
    hintBox.y < reconnectBox.y + reconnectBox.height &&
    reconnectBox.y < hintBox.y + hintBox.height;
  expect(overlaps, `the hint ${JSON.stringify(hintBox)} covers Reconnect ${JSON.stringify(reconnectBox)}`).toBe(false);
  await snap(page, '23-offline-by-network-event');
  await page.mouse.move(0, 0);

  // the network is back: the services try WeCom and the banner goes, without Reconnect
  await app.restartSim();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('offline-banner')).toHaveCount(0, { timeout: 5_000 });
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'online');
});
