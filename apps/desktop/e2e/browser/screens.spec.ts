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
