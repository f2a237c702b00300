// Every main screen renders from real data, in 中文 and in English, light and dark: screenshots kept.
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

test('statistics, API usage and tags render from the cache', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openApp(page, app.host, 'statistics');
  await expect(page.getByTestId('statistics-page')).toBeVisible();
  await page.getByTestId('stats-preset-90').click();
  await expect(page.getByTestId('stats-totals')).toContainText(/\d/);
  await expect(page.getByTestId('top-lives')).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await snap(page, '50-statistics');

  await page.getByTestId('nav-apiUsage').click();
  await expect(page.getByTestId('api-usage-endpoints')).toContainText('user/list_id');
  await expect(page.getByTestId('api-usage-endpoints')).toContainText('gettoken');
  await expect(page.getByTestId('api-usage-budgets')).toBeVisible();
  await snap(page, '51-api-usage');

  await page.getByTestId('nav-org').click();
  await page.getByRole('tab', { name: /标签|Tags/ }).click();
  await expect(page.getByTestId('tags-table')).toBeVisible();
  await snap(page, '52-org-tags');
});

test('English and dark theme', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 900 });
  app.host.settings.update({ language: 'en-US', theme: 'dark' });
  await openApp(page, app.host);
  await expect(page.getByTestId('nav-lives')).toContainText('Lives');
  await snap(page, '53-home-en-dark');
  await page.getByTestId('nav-lives').click();
  await expect(page.getByTestId('page-lives')).toBeVisible();
  await snap(page, '54-lives-en-dark');
  app.host.settings.update({ language: 'zh-CN', theme: 'light' });
});

test('a screen opened from the menu starts at its top; Back returns to where the last one was left', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app.host, 'settings');
  await expect(page.getByTestId('profiles-table')).toBeVisible();
  const content = page.locator('#main-content');
  const scrollTop = () => content.evaluate((element) => element.scrollTop);
  // the settings screen, scrolled to its end
  const left = await content.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
    return element.scrollTop;
  });
  expect(left).toBeGreaterThan(300);

  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('home-stat-lives')).toBeVisible();
  expect(await scrollTop()).toBe(0);
  await expect(content.getByRole('heading', { level: 3 }).first()).toBeInViewport(); // the screen's title

  await page.goBack();
  await expect(page.getByTestId('profiles-table')).toBeVisible();
  await expect.poll(scrollTop).toBe(left);

  // an address typed over it opens its screen at the top too
  await page.evaluate(() => {
    window.location.hash = '#/api-usage';
  });
  await expect(page.getByTestId('api-usage-totals')).toBeVisible();
  expect(await scrollTop()).toBe(0);
});
