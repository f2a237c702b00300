// Every field a person can type in or pick from has a name a screen reader reads out (its label, or an
// aria-label where there is no visible label): on each main screen, the message types, the live form and
// the corp form, in English.
import type { Page } from '@playwright/test';
import { expect, openApp, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
  app.host.settings.update({ language: 'en-US' });
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

/** Visible inputs and text areas without a label, an aria-label or aria-labelledby, described. */
async function unnamedFields(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
      .filter((el) => el.type !== 'hidden' && el.type !== 'file' && el.closest('[aria-hidden="true"]') === null)
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
      .map((el) => `${el.tagName.toLowerCase()} ${el.closest('[data-testid]')?.getAttribute('data-testid') ?? ''} "${el.placeholder}"`),
  );
}

test('every field has a name', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  const seen: Record<string, number> = {};
  const check = async (where: string) => {
    const fields = await page.locator('input, textarea').count();
    seen[where] = fields;
    expect(await unnamedFields(page), where).toEqual([]);
  };
  for (const route of ['', 'lives', 'statistics', 'training', 'org', 'messages', 'api-usage', 'settings', 'bot']) {
    await openApp(page, app.host, route);
    await expect(page.locator('main, [data-testid$="-page"]').first()).toBeVisible();
    await page.waitForLoadState('networkidle');
    await check(route || 'home');
  }
  await openApp(page, app.host, 'messages');
  for (const type of ['Text card', 'Markdown']) {
    await page.getByTestId('msgtype').getByText(type, { exact: true }).click();
    await check(`messages: ${type}`);
    // a label names its field: found by the label's words
    if (type === 'Text card') await expect(page.getByLabel('Link opened on click')).toBeVisible();
  }
  await openApp(page, app.host, 'lives');
  await page.getByTestId('create-live').click();
  await expect(page.locator('.ant-drawer-open')).toBeVisible();
  await check('new live');
  await openApp(page, app.host, 'settings');
  await page.getByTestId('profile-add').click();
  await expect(page.locator('.ant-drawer-open')).toBeVisible();
  await check('add a corp');
  // the check looked at fields, not at empty screens
  expect(seen['messages: Text card'], 'fields on the text card form').toBeGreaterThanOrEqual(4);
  expect(seen['new live'], 'fields in the live form').toBeGreaterThanOrEqual(5);
});
