// The pages other than home are a script of their own (build/main-window-scripts.ts), loaded once
// home is in, or at once on a start on another page. What a person sees when it cannot be loaded: the
// page says so and how to go on, the menu and home keep working.
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';
import { PAGE_FAILED } from '../../src/renderer/app/page-failed.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

const PAGES_SCRIPT = /\/assets\/pages-[\w-]+\.js$/;

test('a start on home loads the other pages after it, and a start on another page loads them at once', async ({ page, pageErrors }) => {
  void pageErrors;
  // whether the pages script had been added when home first appeared
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="page-home"]')) return;
      (window as { pagesScriptBeforeHome?: boolean }).pagesScriptBeforeHome = document.querySelector('script[src*="/pages-"]') !== null;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const pagesLoaded = page.waitForResponse((response) => PAGES_SCRIPT.test(response.url()) && response.ok());
  await openApp(page, app.host);
  await expect(page.getByTestId('page-home')).toBeVisible();
  await pagesLoaded;
  expect(await page.evaluate(() => (window as { pagesScriptBeforeHome?: boolean }).pagesScriptBeforeHome)).toBe(false);
  await page.getByTestId('nav-org').click();
  await expect(page.getByTestId('users-total')).toContainText(/\d/);

  // a new start (not a hash change) on another page: the boot adds the pages script, the page opens
  await page.goto('about:blank');
  await openApp(page, app.host, 'statistics');
  await expect(page.getByTestId('statistics-page')).toBeVisible();
  await expect(page.locator('script[src*="/pages-"]')).toHaveCount(1);
  await page.getByTestId('nav-lives').click();
  await expect(page.getByTestId('page-lives')).toBeVisible();
});

test('when the pages cannot be loaded, the page says so and home still works', async ({ page, pageErrors }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.route(PAGES_SCRIPT, (route) => route.abort('connectionfailed'));
  await openApp(page, app.host);
  await expect(page.getByTestId('page-home')).toBeVisible();
  await page.getByTestId('nav-org').click();
  const failed = page.getByTestId('page-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText(/无法打开此页面|This page could not be opened/);
  await expect(failed).toContainText('页面代码加载失败。请检查连接后重试。');
  await expect(failed.getByRole('button')).toBeVisible();
  await page.mouse.move(600, 600);
  await snap(page, '96-pages-script-failed');
  // the failed page is the one this test caused (React may render it, and so report it, more than once)
  expect(pageErrors.length).toBeGreaterThan(0);
  for (const error of pageErrors) expect(error.startsWith(`${PAGE_FAILED} PagesScriptError`), error).toBe(true);
  pageErrors.length = 0;

  // the menu and home are unaffected; the next page asks again, and opens once the script loads
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('page-home')).toBeVisible();
  await expect(failed).toHaveCount(0);
  await page.unroute(PAGES_SCRIPT);
  await page.getByTestId('nav-lives').click();
  await expect(page.getByTestId('page-lives')).toBeVisible();
});
