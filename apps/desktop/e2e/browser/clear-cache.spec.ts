// "Clear cache" removes only what a sync gives back: message history, app group chats, live
// audiences and training records (local only) survive it. Removing those is a separate action that
// names them all and exports them first.
import { existsSync, readFileSync } from 'node:fs';
import type { RpcClient } from '../../src/shared/rpc.ts';
import { expect, openApp, servicesClientOf, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
let client: RpcClient;
test.beforeAll(async () => {
  app = await startCorpApp();
  client = await servicesClientOf(app);
});
test.afterAll(async () => {
  client.close();
  await stopCorpApp(app);
});

test('clear cache keeps history, chats and audiences; removing them exports first', async ({ page, pageErrors }) => {
  void pageErrors;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  // records that exist only on this PC, made as the pages make them
  const people = (await client.call('users.search', { status: 1, sort: 'userid', limit: 3 })).rows.map((u) => u.userid);
  const text = `撤回窗口内的消息 ${Date.now() % 10_000}`;
  await client.call('messages.send', { recipients: { userids: [people[0]!], departmentIds: [], tagIds: [] }, body: { msgtype: 'text', content: text } });
  await client.call('appchat.create', { name: '本机才有的群', userlist: people.slice(0, 2) });
  const audience = { userids: people.slice(0, 2), departmentIds: [], tagIds: [] };
  const { livingid } = await client.call('lives.create', {
    anchorUserid: people[0]!,
    theme: '清空缓存后的邀请对象',
    livingStart: Math.floor(Date.now() / 1000) + 86_400,
    livingDuration: 3600,
    type: 3,
    description: '',
    audience,
  });

  // training records exist only here too: a series and the live's required learners
  const series = await client.call('training.seriesSave', { name: '只在本机的培训系列', livingids: [livingid], threshold: 0.8 });
  await client.call('training.setRequired', { livingid, required: { departments: [], tagIds: [], userids: people.slice(0, 2) } });

  await openApp(page, app.host, 'settings');
  const local = page.getByTestId('local-records');
  await expect(local.getByTestId('local-rows-training_series')).toHaveText('1');
  await expect(local.getByTestId('local-rows-training_required')).toHaveText('1');
  await expect(local.getByTestId('local-rows-sent_messages')).toHaveText('1');
  await expect(local.getByTestId('local-rows-appchats')).toHaveText('1');
  await expect(local.getByTestId('local-rows-live_audience')).toHaveText('1');

  // the confirmation says what goes and what stays
  await page.getByTestId('cache-clear').click();
  const confirm = page.locator('.ant-popconfirm');
  await expect(confirm).toContainText('消息记录');
  await expect(confirm).toContainText('会保留');
  await snap(page, '80-clear-cache-confirm');
  await confirm.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(/已清空 [\d,]+ 行可重新同步的数据；保留本机记录 \d+ 行/)).toBeVisible();
  await expect(local.getByTestId('local-rows-sent_messages')).toHaveText('1');
  await expect(local.getByTestId('local-rows-appchats')).toHaveText('1');
  await expect(local.getByTestId('local-rows-live_audience')).toHaveText('1');
  await snap(page, '81-clear-cache-done');

  // the pages still show them
  await page.getByTestId('nav-messages').click();
  await page.getByRole('tab', { name: /发送记录|History/ }).click();
  await expect(page.getByTestId('message-history')).toContainText(text.slice(0, 8));
  await page.getByRole('tab', { name: /应用群聊|App group chats/ }).click();
  await expect(page.getByTestId('appchat-table')).toContainText('本机才有的群');
  await snap(page, '82-clear-cache-chats-kept');
  // the live comes back with the next sync, its audience with it
  await expect.poll(async () => (await client.call('lives.get', { livingid }).catch(() => null))?.audience ?? null, { timeout: 60_000 }).toEqual(audience);

  // removing the local records: an explicit action, exported first
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('local-records-remove').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('导出');
  // it names everything it removes, the training records too
  await expect(dialog).toContainText('培训系列、必修学员与完成标准');
  await snap(page, '83-local-records-remove-confirm');
  await dialog.getByTestId('local-records-remove-ok').click();
  const done = page.getByText(/本机记录已删除；导出文件：/);
  await expect(done).toBeVisible();
  const exportPath = ((await done.textContent()) ?? '').replace(/^.*导出文件：/, '').trim();
  expect(existsSync(exportPath)).toBe(true);
  const exported = JSON.parse(readFileSync(exportPath, 'utf8')) as { tables: Record<string, Array<Record<string, unknown>>> };
  expect(exported.tables.sent_messages!.some((m) => String(m.summary).includes(text.slice(0, 8)))).toBe(true);
  expect(exported.tables.live_audience!.map((a) => a.livingid)).toContain(livingid);
  expect(exported.tables.training_series!.map((s) => s.id)).toContain(series.id);
  await expect(local.getByTestId('local-rows-sent_messages')).toHaveText('0');
  await expect(local.getByTestId('local-rows-training_series')).toHaveText('0');
  await snap(page, '84-local-records-removed');
});
