// A corp too big to ask every member for their lives in one sync: the lives screen says how many
// members were asked so far and how to find a host's lives now, instead of an empty list that reads
// "no lives match". English, at 1024×700.
import type { RpcClient } from '../../src/shared/rpc.ts';
import {
  expect,
  openApp,
  servicesClientOf,
  snap,
  startCorpApp,
  stopCorpApp,
  test,
  untilSynced,
  type CorpApp,
} from './app-fixture.ts';

let app: CorpApp;
let client: RpcClient;
test.beforeAll(async () => {
  // 50 members a sync: the simulator's 600 are asked over 12 syncs
  app = await startCorpApp({}, { syncTuning: { anchorDiscoveryBatch: 50 } });
  client = await servicesClientOf(app);
  await untilSynced(client);
});
test.afterAll(async () => {
  client.close();
  await stopCorpApp(app);
});

test('the lives screen says how far the members have been asked for their lives', async ({
  page,
  pageErrors,
}) => {
  void pageErrors;
  app.host.settings.update({ language: 'en-US' });
  await page.setViewportSize({ width: 1024, height: 700 });
  const discovery = await client.call('lives.discovery', {});
  expect(discovery.rounds).toBe(0);
  expect(discovery.asked).toBeGreaterThan(0);
  expect(discovery.asked % 50).toBe(0); // whole windows of 50 (a sync may start as the screen opens)
  await openApp(page, app.host, 'lives');
  const note = page.getByTestId('lives-discovery');
  await expect(note).toContainText(
    new RegExp(`Still finding lives: [1-9]\\d* of ${discovery.members} members asked`),
  );
  await expect(note).toContainText('asks up to 1,500 members an hour');
  await expect(note).toBeInViewport();
  // the list is as of the sync, even when the members asked so far host no live
  await expect(page.getByTestId('page-lives')).toContainText('Data as of');
  await expect(page.getByTestId('page-lives')).not.toContainText('No data yet');
  await snap(page, 'lives-discovery-1024-en');

  // the way to find a host's lives now: the corp's lives anchors, in Settings
  await note.getByRole('link', { name: 'Lives anchors' }).click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  app.host.settings.update({ language: 'zh-CN' });
});
