// The AI bot in the app: configured in Settings (BotID, Secret, this PC hosts it), its state in the
// header, a trainee's question answered from the cache, the conversation in the bot log, a sign-up
// card clicked in a group and shown on the live, and another PC taking the bot over, then back.
import { BotConnection } from '@wld/wecom-core';
import { BOT_URL_ENV } from '../../src/services/bot/bot-host.ts';
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
  process.env[BOT_URL_ENV] = app.sim.aibotUrl;
});
test.afterAll(async () => {
  delete process.env[BOT_URL_ENV];
  await stopCorpApp(app);
});

test('the bot answers trainees, records card sign-ups and shows a take-over', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 900 });
  const bot = app.sim.bots[0]!;
  const live = [...app.sim.state.lives.values()][0]!;
  // Before the bot is set up, a live's sign-ups say why nothing can be pushed yet.
  await openApp(page, app.host, `lives/${live.livingid}`);
  await page.getByTestId('tab-signups').click();
  await page.getByTestId('signups-chatid').fill('wrE2eTraining');
  await expect(page.getByTestId('signups-bot-offline')).toContainText(/机器人未启用：卡片和提醒通过机器人发出|Bot off: the card and the reminder go out through the bot/);
  await expect(page.getByTestId('signups-send-card')).toBeDisabled();
  // The bot log says why it is empty, and its link opens Settings at the bot's section.
  await page.goto(`${app.host.url}/index.html#/bot`);
  await expect(page.getByTestId('bot-log-not-connected')).toContainText(/机器人未启用|Bot off/);
  await page.getByTestId('bot-log-set-up').click();
  const section = page.getByTestId('bot-settings');
  await expect(section).toBeInViewport({ ratio: 0.9 });
  await page.getByTestId('bot-id').fill(bot.botId);
  await page.getByTestId('bot-secret').fill(bot.secret);
  await page.getByTestId('bot-host-here').click();
  await page.getByTestId('bot-save').click();
  await expect(page.getByTestId('bot-state')).toHaveAttribute('data-state', 'online');
  await snap(page, '90-bot-settings-online');

  // A trainee asks; the answer comes from the cache.
  const trainee = app.sim.state.userList.find((u) => u.status === 1)!;
  const conversation = app.sim.aibot.userSays('我的学习记录', { userid: trainee.userid });
  await conversation.finished();
  expect(conversation.text).toMatch(/学习记录|还没有你的观看记录/);

  // The log page, from the header badge.
  await page.getByTestId('bot-state').click();
  await expect(page.getByTestId('bot-log-page')).toBeVisible();
  await expect(page.getByTestId('bot-log-table')).toContainText('我的学习记录');
  await expect(page.getByTestId('bot-log-table')).toContainText(conversation.text.split('\n')[0]!);
  await snap(page, '91-bot-log');
  // a search that matches nothing says so, not "暂无数据"
  const search = page.getByRole('searchbox').or(page.getByRole('textbox')).and(page.getByPlaceholder(/搜索/)).first();
  await search.fill('没有这样的记录 xyz');
  await search.press('Enter');
  await expect(page.getByTestId('bot-log-table')).toContainText('没有符合筛选条件的记录');
  await search.fill('');
  await search.press('Enter');
  await expect(page.getByTestId('bot-log-table')).toContainText('我的学习记录');

  // A sign-up card pushed to a group from a live's page, clicked by a trainee, counted on the live.
  app.sim.aibot.addGroup('wrE2eTraining');
  await page.goto(`${app.host.url}/index.html#/lives/${live.livingid}`);
  await page.getByTestId('tab-signups').click();
  await page.getByTestId('signups-chatid').fill('wrE2eTraining');
  await expect(page.getByTestId('signups-bot-offline')).toHaveCount(0);
  // a double click pushes the card once
  await page.getByTestId('signups-send-card').dblclick();
  await expect.poll(() => app.sim.aibot.pushes.length).toBe(1);
  const card = app.sim.aibot.pushes[0]!.body.template_card as { task_id: string };
  const click = app.sim.aibot.clickCard(`signup:${live.livingid}`, card.task_id, { userid: trainee.userid, chatid: 'wrE2eTraining' });
  await click.finished();
  await expect(page.getByTestId('signups-tab')).toContainText(trainee.name);
  expect(app.sim.aibot.pushes, 'cards pushed').toHaveLength(1);
  await snap(page, '92-bot-signups');

  // Another PC takes the bot over: the header says so; Settings takes it back.
  const other = new BotConnection({ botId: bot.botId, secret: bot.secret, url: app.sim.aibotUrl });
  other.start();
  await other.whenOnline();
  await expect(page.getByTestId('bot-state')).toHaveAttribute('data-state', 'taken_over');
  await expect(page.getByTestId('bot-state')).toContainText(/另一台电脑接管了机器人|Another PC took over the bot/);
  await page.goto(`${app.host.url}/index.html#/settings`);
  await page.getByTestId('bot-take-back').click();
  await expect(page.getByTestId('bot-state')).toHaveAttribute('data-state', 'online');
  other.stop();
});
