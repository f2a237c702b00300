// Notices and reminders as an admin meets them: edit a live → asked, with the exact message and how
// many people get it → sent once (and into their WeCom calendars) → readable in the message history;
// cancel a live while WeCom's answer is lost → told the live was cancelled and the notice may not
// have arrived → retry without a second delivery; schedule a reminder and see it listed.
import type { RpcClient } from '../../src/shared/rpc.ts';
import { animationsSettled, expect, liveWithAudience, messagesAbout, openApp, servicesClientOf, snap, startCorpApp, stopCorpApp, test, uniqueTheme, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
let client: RpcClient;
let people: string[] = [];
test.beforeAll(async () => {
  app = await startCorpApp({ seed: 11, size: { users: 300, departments: 20, lives: 20, maxViewers: 100 } });
  client = await servicesClientOf(app);
  people = (await client.call('users.search', { status: 1, sort: 'userid', limit: 5 })).rows.map((u) => u.userid);
});
test.afterAll(async () => {
  client.close();
  await stopCorpApp(app);
});


/** A live three days ahead with four of the people as its audience. */
const liveFor = (theme: string) => liveWithAudience(client, theme, people.slice(0, 4));

test('edit a live → asked with a preview → sent once, in calendars, readable in the history', async ({ page, pageErrors }) => {
  void pageErrors;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const livingid = await liveFor(uniqueTheme('安全培训'));
  await openApp(page, app.host, `lives/${livingid}`);
  await expect(page.getByTestId('page-live-detail')).toBeVisible();

  const edited = uniqueTheme('安全培训改期');
  await page.getByTestId(`edit-live-${livingid}`).click();
  const form = page.getByTestId('live-form');
  await form.getByTestId('live-theme').fill(edited);
  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden();

  const dialog = page.getByTestId('notice-dialog').getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('notice-recipients')).toContainText('4');
  await expect(dialog.getByTestId('message-preview')).toContainText(`直播变更：${edited}`);
  await expect(dialog.getByTestId('message-preview')).not.toContainText('<div');
  await dialog.getByTestId('notice-calendar').check();
  await animationsSettled(page);
  await snap(page, '90-notice-dialog');
  await dialog.getByTestId('notice-send').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  expect(messagesAbout(app, edited)).toHaveLength(1);
  const schedule = [...app.sim.state.schedules.values()].find((s) => s.summary === edited);
  expect(schedule, 'the live is in the attendees’ WeCom calendars').toBeTruthy();
  expect([...schedule!.attendees].sort()).toEqual(people.slice(0, 4).sort());

  await page.getByTestId('tab-reminders').click();
  await expect(page.getByTestId('calendar-state')).toContainText('已加入');
  await expect(page.getByTestId('reminders-list')).toContainText('变更通知');

  await page.getByTestId('nav-messages').click();
  await page.getByRole('tab', { name: /发送记录|History/ }).click();
  const history = page.getByTestId('message-history');
  await expect(history).toContainText(`直播变更：${edited}`);
  await expect(history).not.toContainText('<div');
  await expect(history).toContainText('直播通知');
  await snap(page, '91-history-readable');
});

test('cancel with a lost answer: the live is cancelled, the notice may not have arrived, a retry does not deliver twice', async ({ page, pageErrors }) => {
  void pageErrors;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const theme = uniqueTheme('消防演练');
  const livingid = await liveFor(theme);
  await openApp(page, app.host, `lives/${livingid}`);
  await expect(page.getByTestId('page-live-detail')).toBeVisible();

  await page.getByTestId(`cancel-live-${livingid}`).click();
  await animationsSettled(page);
  await page.getByTestId('confirm-cancel-live').click();
  const dialog = page.getByTestId('notice-dialog').getByRole('dialog');
  // the notice is asked about, or the cancel's refusal is shown: a failure names which
  const refusal = page.locator('.ant-modal-confirm-error');
  await expect(dialog.or(refusal)).toBeVisible();
  await expect(refusal, `the cancel was refused: ${(await refusal.allTextContents()).join(' ')}`).toHaveCount(0);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('message-preview')).toContainText(`直播取消：${theme}`);
  const fault = app.sim.faults.add({ kind: 'lostAnswer', path: '/cgi-bin/message/send', count: 1 });
  await dialog.getByTestId('notice-send').click();
  await expect(dialog.getByTestId('notice-failed')).toContainText('直播已保存');
  await expect(dialog.getByTestId('notice-failed')).toContainText('4 小时内重试不会重复发送');
  app.sim.faults.remove(fault);
  await snap(page, '92-notice-unknown');
  expect(app.sim.state.lives.get(livingid)?.cancelled, 'the live is cancelled in WeCom').toBe(true);
  expect(messagesAbout(app, theme)).toHaveLength(1);

  await dialog.getByTestId('notice-retry').click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  expect(messagesAbout(app, theme), 'WeCom dropped the repeat').toHaveLength(1);
  await page.getByTestId('tab-reminders').click();
  await expect(page.getByTestId('reminders-list')).toContainText('已发送');
});

test('schedule a reminder and see it listed, at 1400, at 1024 and in English', async ({ page, pageErrors }) => {
  void pageErrors;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1400, height: 1000 });
  const theme = uniqueTheme('合规培训');
  const livingid = await liveFor(theme);
  await openApp(page, app.host, `lives/${livingid}`);
  await page.getByTestId('tab-reminders').click();
  const tab = page.getByTestId('reminders-tab');
  await tab.getByTestId('reminder-amount').fill('30');
  await tab.getByTestId('reminder-schedule').click();
  await expect(tab.getByTestId('reminders-list')).toContainText('开播前 30 分钟');
  await expect(tab.getByTestId('reminders-list')).toContainText('待发送');

  // and one for absentees, a day after the end, with the admin's own words
  await tab.getByTestId('reminder-kind').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '结束后提醒未完成者' }).click();
  await tab.getByTestId('reminder-amount').fill('1');
  await tab.getByTestId('reminder-unit').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^天$/ }).click();
  await tab.getByTestId('reminder-note').fill('未完成的同事请在 3 天内观看回放');
  await tab.getByTestId('reminder-schedule').click();
  await expect(tab.getByTestId('reminders-list')).toContainText('结束后 1 天');
  await snap(page, '93-reminders-1400');

  await page.setViewportSize({ width: 1024, height: 700 });
  await tab.getByTestId('reminders-list').scrollIntoViewIfNeeded();
  await snap(page, '94-reminders-1024');

  app.host.settings.update({ language: 'en-US' });
  await expect(page.getByTestId('tab-reminders')).toContainText('Reminders');
  await expect(tab.getByTestId('reminders-list')).toContainText('30 min before the start');
  await snap(page, '95-reminders-en-1024');
  await page.getByTestId('notice-open-changed').click();
  const dialog = page.getByTestId('notice-dialog').getByRole('dialog');
  await expect(dialog.getByTestId('message-preview')).toContainText('Live changed: ');
  await animationsSettled(page);
  await snap(page, '96-notice-dialog-en-1024');
  await page.getByTestId('notice-skip').click();
  app.host.settings.update({ language: 'zh-CN' });
});
