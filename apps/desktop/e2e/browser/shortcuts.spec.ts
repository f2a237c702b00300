// The keyboard: Ctrl+1..7 jump between pages and `/` goes to the page's search, but neither acts
// while a drawer or a dialog is open: a live being typed stays, with its drawer, and a confirmation
// never ends up over another page.
import type { Page } from '@playwright/test';
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

/** Presses a key and waits until the page has handled it and drawn twice since (a shortcut that acts has moved the route by then). */
async function pressAndSettle(page: Page, key: string): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { keyHandled?: Promise<void> };
    w.keyHandled = new Promise<void>((resolve) =>
      window.addEventListener('keydown', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())), { once: true }),
    );
  });
  await page.keyboard.press(key);
  await page.evaluate(() => (window as unknown as { keyHandled?: Promise<void> }).keyHandled);
}

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

test('page shortcuts wait while a drawer or a dialog is open', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app.host, 'lives');
  await expect(page.getByTestId('page-lives')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+3');
  await expect(page.getByTestId('statistics-page')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+2');
  await expect(page.getByTestId('page-lives')).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.locator('[data-page-search] input, input[data-page-search]').first()).toBeFocused();

  // a live being typed: the shortcut leaves it where it is
  await page.getByTestId('create-live').click();
  const theme = page.getByTestId('live-theme');
  await theme.fill('快捷键不应丢掉的草稿');
  await pressAndSettle(page, 'ControlOrMeta+3');
  expect(new URL(page.url()).hash).toBe('#/lives');
  await expect(theme).toHaveValue('快捷键不应丢掉的草稿');
  await expect(page.getByTestId('page-lives')).toBeVisible();

  // closing asks first; the shortcut does not carry that question to another page
  await page.keyboard.press('Escape');
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('放弃未保存的修改？');
  await pressAndSettle(page, 'ControlOrMeta+3');
  expect(new URL(page.url()).hash).toBe('#/lives');
  await expect(confirm).toBeVisible();
  await expect(page.getByTestId('page-lives')).toBeVisible();
  await snap(page, '95-shortcut-waits-for-dialog-1024');
  await confirm.getByRole('button', { name: /^放\s*弃$/ }).click();
  await expect(confirm).toHaveCount(0);
  await expect(theme).toBeHidden();
  // (the drawer's closing slide counts as open until it ends)
  await expect(page.locator('[aria-modal="true"]')).toHaveCount(0);

  // nothing open: the shortcut works again
  await page.keyboard.press('ControlOrMeta+3');
  await expect(page.getByTestId('statistics-page')).toBeVisible();
});
