// Every screen at the smallest supported window (1024×700), in 中文 and in English: nothing important
// is squeezed, clipped or pushed off screen. Screenshots of each screen are kept.
import type { Locator, Page } from '@playwright/test';
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

const VIEWPORT = { width: 1024, height: 700 };

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

/** The page itself never scrolls sideways: wide tables scroll inside their own box. */
async function expectNoSidewaysPage(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect.soft(overflow, 'the page is wider than the window').toBeLessThanOrEqual(0);
}

/** A box at least `minWidth` wide whose left and right edges lie inside the window. */
async function expectOnScreen(locator: Locator, minWidth: number): Promise<void> {
  const box = await locator.boundingBox();
  expect(box, 'element is rendered').not.toBeNull();
  if (!box) return;
  expect.soft(box.width).toBeGreaterThanOrEqual(minWidth);
  expect.soft(box.x).toBeGreaterThanOrEqual(0);
  expect.soft(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
}

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`every screen fits 1024×700 in ${language}`, async ({ page, pageErrors }) => {
    void pageErrors;
    const tag = language === 'zh-CN' ? 'zh' : 'en';
    app.host.settings.update({ language });
    await page.setViewportSize(VIEWPORT);

    await openApp(page, app.host);
    await expect(page.getByTestId('page-home')).toBeVisible();
    await expectNoSidewaysPage(page);
    await snap(page, `70-layout-${tag}-home`);

    await page.getByTestId('nav-org').click();
    await expect(page.getByTestId('users-table')).toBeVisible();
    await expect(page.getByTestId('users-table').getByRole('row').nth(2)).toBeVisible();
    await expectNoSidewaysPage(page);
    await snap(page, `71-layout-${tag}-org`);

    await page.getByTestId('nav-lives').click();
    const table = page.getByTestId('lives-table');
    await expect(table.locator('tr[data-testid^="live-row-"]').first()).toBeVisible();
    await expectOnScreen(table.locator('thead th').filter({ hasText: /主题|Theme|Title/ }), 180);
    await expectOnScreen(table.locator('thead th').filter({ hasText: /操作|Actions/ }), 80);
    await expectNoSidewaysPage(page);
    await snap(page, `72-layout-${tag}-lives`);
    for (const view of ['month', 'week'] as const) {
      await page.getByTestId('lives-view').getByText(view === 'month' ? /^(月|Month)$/ : /^(周|Week)$/).click();
      await expectNoSidewaysPage(page);
      await snap(page, `73-layout-${tag}-lives-${view}`);
    }
    await page.getByTestId('lives-view').getByText(/^(列表|List)$/).click();
    await table.locator('tr[data-testid^="live-row-"]').first().getByRole('link').click();
    await expect(page.getByTestId('page-live-detail')).toBeVisible();
    await expectNoSidewaysPage(page);
    await snap(page, `74-layout-${tag}-live-detail`);

    for (const [nav, testid, name] of [
      ['nav-statistics', 'statistics-page', 'statistics'],
      ['nav-messages', 'messages-page', 'messages'],
      ['nav-apiUsage', 'api-usage-endpoints', 'api-usage'],
      ['nav-settings', 'settings-page', 'settings'],
    ] as const) {
      await page.getByTestId(nav).click();
      await expect(page.getByTestId(testid)).toBeVisible();
      await expectNoSidewaysPage(page);
      await snap(page, `75-layout-${tag}-${name}`);
    }
    await openApp(page, app.host, 'bot');
    await expect(page.getByTestId('bot-log-page')).toBeVisible();
    await expectNoSidewaysPage(page);
    await snap(page, `75-layout-${tag}-bot`);
  });
}
