// While WeCom refuses the watch statistics, home's "last 30 days" card and the Statistics screen it
// opens read the same views (each live with living_info's viewer number), and Statistics says which
// lives count that way and why their watch hours are unknown. English, at 1024×700.
import type { RpcClient } from '../../src/shared/rpc.ts';
import {
  expect,
  openApp,
  servicesClientOf,
  snap,
  startCorpApp,
  stopCorpApp,
  test,
  type CorpApp,
} from './app-fixture.ts';

let app: CorpApp;
let client: RpcClient;
test.beforeAll(async () => {
  // 60011: no privilege, for every watch-statistics call: no live's watch statistics are ever synced
  app = await startCorpApp({
    faults: [
      {
        kind: 'errcode',
        path: '/cgi-bin/living/get_watch_stat',
        errcode: 60011,
        errmsg: 'no privilege to access/modify contact/party/agent',
      },
    ],
  });
  client = await servicesClientOf(app);
});
test.afterAll(async () => {
  client.close();
  await stopCorpApp(app);
});

test('home and Statistics agree on views while the watch statistics cannot be synced', async ({
  page,
  pageErrors,
}) => {
  void pageErrors;
  test.setTimeout(90_000);
  app.host.settings.update({ language: 'en-US' });
  await page.setViewportSize({ width: 1024, height: 700 });
  // the lives are synced (the watch statistics never are): the figures hold still from here
  await expect
    .poll(async () => (await client.call('stats.home', {})).last30Days.lives, { timeout: 30_000 })
    .toBeGreaterThan(0);
  const home = (await client.call('stats.home', {})).last30Days;
  expect(home.viewers, 'the simulated lives have viewers').toBeGreaterThan(0);

  await openApp(page, app.host);
  const views = page.getByTestId('home-stat-viewers');
  await expect(views).toContainText(home.viewers.toLocaleString('en-US'));
  await snap(page, '58-home-unsynced-en');

  await page.getByTestId('home-last30').getByRole('link').click();
  await expect(page.getByTestId('statistics-page')).toBeVisible();
  await expect(page.getByTestId('stats-total-viewers')).toContainText(home.viewers.toLocaleString('en-US'));
  await expect(page.getByTestId('stats-total-lives')).toContainText(String(home.lives));
  const note = page.getByTestId('stats-unsynced');
  await expect(note).toContainText(`${home.lives} ${home.lives === 1 ? 'live' : 'lives'} in this range`);
  await expect(note).toContainText('not synced yet');
  // nothing about the lives' watch time is known: no watch hours, and the top lives say so
  await expect(page.getByTestId('stats-total-watchHours')).toContainText('0');
  await expect(page.getByTestId('top-lives').locator('tbody tr').first().locator('td').nth(3)).toHaveText(
    '–',
  );
  await snap(page, '59-statistics-unsynced-en');
  app.host.settings.update({ language: 'zh-CN' });
});
