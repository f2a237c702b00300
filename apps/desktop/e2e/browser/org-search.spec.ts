// Organisation at scale: 100,000 users synced from WeCom into the cache, searched in the virtualized table.
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  app = await startCorpApp({ size: { users: 100_000, departments: 1_000, lives: 6, maxViewers: 50, tags: 8 } });
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

test('search 100k users by name, userid and position', async ({ page, pageErrors }) => {
  void pageErrors;
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.host, 'org');
  const total = page.getByTestId('users-total');
  await expect(total).toContainText(/100,?000/, { timeout: 180_000 });
  await snap(page, '30-org-100k');

  const target = app.sim.state.userList[77_777]!;
  const search = page.getByTestId('users-search');
  await search.fill(target.userid);
  const table = page.getByTestId('users-table');
  await expect(table).toContainText(target.userid);
  await expect(table).toContainText(target.name);
  await snap(page, '31-org-search-userid');

  await search.fill(target.name);
  await expect(table).toContainText(target.userid);
  // only a window of rows is in the DOM, however many match
  const renderedRows = await table.getByRole('row').count();
  expect(renderedRows).toBeLessThan(80);

  await table.getByText(target.userid).first().click();
  await expect(page.getByTestId('user-drawer')).toContainText(target.name);
  await snap(page, '32-org-user-drawer');
});
