// Every screen at the smallest supported window (1024×700), in 中文 and in English: nothing important
// is squeezed, clipped or pushed off screen. Screenshots of each screen are kept.
import type { Locator, Page } from '@playwright/test';
import { pinyin } from 'pinyin-pro';
import { chooseOption, confirmUntilClosed, expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

const VIEWPORT = { width: 1024, height: 700 };

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

/** The page itself never scrolls sideways: wide tables scroll inside their own box. */
async function expectNoSidewaysPage(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'the page is wider than the window').toBeLessThanOrEqual(0);
}

/** A box at least `minWidth` wide whose left and right edges lie inside the window (or inside `within`). */
async function expectOnScreen(locator: Locator, minWidth: number, within?: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const frame = within ? await within.boundingBox() : { x: 0, width: VIEWPORT.width };
  expect(box, 'element is rendered').not.toBeNull();
  expect(frame, 'container is rendered').not.toBeNull();
  if (!box || !frame) return;
  expect(box.width).toBeGreaterThanOrEqual(minWidth);
  expect(box.x).toBeGreaterThanOrEqual(frame.x);
  expect(box.x + box.width).toBeLessThanOrEqual(frame.x + frame.width + 0.5);
}

for (const language of ['zh-CN', 'en-US'] as const) {
  test(`every screen fits 1024×700 in ${language}`, async ({ page, pageErrors }) => {
    void pageErrors;
    const tag = language === 'zh-CN' ? 'zh' : 'en';
    app.host.settings.update({ language });
    await page.setViewportSize(VIEWPORT);

    await openApp(page, app.host);
    await expect(page.getByTestId('page-home')).toBeVisible();
    await expectNoSidewaysPage(page);
    await snap(page, `70-layout-${tag}-home`);
    // the last sync times line up under each other whatever their labels' widths
    const syncTimes = page.getByTestId('home-sync').locator('.ant-descriptions-item-content');
    await expect(syncTimes).toHaveCount(3);
    const lefts = await syncTimes.evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().left)));
    expect(new Set(lefts).size, `sync times start at ${lefts.join(', ')}`).toBe(1);

    await page.getByTestId('nav-org').click();
    await expect(page.getByTestId('users-table')).toBeVisible();
    await expect(page.getByTestId('users-table').getByRole('row').nth(2)).toBeVisible();
    await snap(page, `71-layout-${tag}-org`);
    // all five columns of the users table, the departments last, inside its box: no sideways scrolling
    await expectOnScreen(page.getByTestId('users-table').getByRole('columnheader').last(), 80, page.getByTestId('users-table'));
    await expectNoSidewaysPage(page);
    // every header whole ("Departments" was cut to "Depart…" in English)
    const cutHeaders = await page.getByTestId('users-table').getByRole('columnheader').evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => `${cell.textContent}: ${cell.scrollWidth} > ${cell.clientWidth}`),
    );
    expect(cutHeaders, 'headers cut off').toEqual([]);
    // the longest status tags ("Not activated", "Left the corp"; 已退出企业) show whole, not cut off
    for (const status of language === 'zh-CN' ? ['未激活', '已退出企业'] : ['Not activated', 'Left the corp']) {
      // a click lost to the list's opening animation is made again (seen once: the list stayed open on its old value)
      await chooseOption(page, 'users-status', status);
      // the list closed (its screenshot shows the table, not the options over it)
      await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
      const statusCells = page.getByTestId('users-table').locator('[role="row"] [role="gridcell"]:nth-child(4)');
      await expect(statusCells.first()).toHaveText(status);
      const clipped = await statusCells.evaluateAll((cells) =>
        cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => `${cell.textContent}: ${cell.scrollWidth} > ${cell.clientWidth}`),
      );
      expect(clipped, 'status cells cut off').toEqual([]);
      await expectOnScreen(page.getByTestId('users-table').getByRole('columnheader').last(), 80, page.getByTestId('users-table'));
    }
    await snap(page, `71-layout-${tag}-org-status`);
    await chooseOption(page, 'users-status', language === 'zh-CN' ? '全部状态' : 'All statuses');

    await page.getByTestId('nav-lives').click();
    const table = page.getByTestId('lives-table');
    await expect(table.locator('tr[data-testid^="live-row-"]').first()).toBeVisible();
    await snap(page, `72-layout-${tag}-lives`);
    await expectOnScreen(table.locator('thead th').filter({ hasText: /主题|Theme|Title/ }), 180);
    await expectOnScreen(table.locator('thead th').filter({ hasText: /操作|Actions/ }), 80);
    // the start times show whole, beside the actions kept in view, not under them
    const startBox = await table.locator('thead th').filter({ hasText: /开始时间|Start/ }).boundingBox();
    const actionsBox = await table.locator('thead th').filter({ hasText: /操作|Actions/ }).boundingBox();
    expect(startBox && actionsBox && startBox.x + startBox.width <= actionsBox.x + 0.5, 'the start column under the actions').toBe(true);
    await expectNoSidewaysPage(page);
    for (const view of ['month', 'week'] as const) {
      await page.getByTestId('lives-view').getByText(view === 'month' ? /^(月|Month)$/ : /^(周|Week)$/).click();
      await expectNoSidewaysPage(page);
      await snap(page, `73-layout-${tag}-lives-${view}`);
    }
    await page.getByTestId('lives-view').getByText(/^(列表|List)$/).click();
    await table.locator('tr[data-testid^="live-row-"]').first().getByRole('link').click();
    await expect(page.getByTestId('page-live-detail')).toBeVisible();
    await expectNoSidewaysPage(page);
    await snap(page, `74-layout-${tag}-live-detail`);
    // an ended live's charts: the watch-time buckets in the UI language
    await page.getByTestId('nav-lives').click();
    await table.locator('tr[data-testid^="live-row-"]').filter({ hasText: /已结束|Ended/ }).first().getByRole('link').click();
    // the watch table's headers are whole ("Completion", "On mic"): the table scrolls sideways instead
    const headers = page.getByTestId('watch-table').getByRole('columnheader');
    await expect(headers.first()).toBeVisible();
    const cut = await headers.evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
    expect(cut, 'headers cut off').toEqual([]);
    await page.getByRole('tab', { name: /数据分析|Analytics/ }).click();
    await expect(page.getByTestId('live-analytics').locator('.recharts-surface').first()).toBeVisible();
    await expect(page.getByTestId('live-analytics')).toContainText(language === 'zh-CN' ? '0–5 分钟' : '0–5 min');
    await page.getByTestId('live-analytics').scrollIntoViewIfNeeded();
    await expectNoSidewaysPage(page);
    await snap(page, `74-layout-${tag}-live-analytics`);

    for (const [nav, testid, name] of [
      ['nav-statistics', 'statistics-page', 'statistics'],
      ['nav-messages', 'messages-page', 'messages'],
      ['nav-apiUsage', 'api-usage-endpoints', 'api-usage'],
      ['nav-settings', 'settings-page', 'settings'],
    ] as const) {
      await page.getByTestId(nav).click();
      await expect(page.getByTestId(testid)).toBeVisible();
      await expectNoSidewaysPage(page);
      if (name === 'api-usage') {
        // the five totals share one row: none left alone across the whole width
        const tops = await page.getByTestId('api-usage-totals').locator(':scope > div').evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().top)));
        expect(tops).toHaveLength(5);
        expect(new Set(tops).size, `the totals' rows: ${tops.join(', ')}`).toBe(1);
      }
      await snap(page, `75-layout-${tag}-${name}`);
    }
    // the cache panel names its tables in words
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('cache-size').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('settings-page')).toContainText(language === 'zh-CN' ? '成员观看记录' : 'Member watch records');
    await expect(page.getByTestId('settings-page')).not.toContainText('watch_internal');
    // every card says what it is: the cache's and the local records' buttons took their whole header at 1024 px
    const titles = page.getByTestId('settings-page').locator('.ant-card-head-title');
    const cutTitles = await titles.evaluateAll((heads) =>
      heads.filter((head) => head.clientWidth < 60 || head.scrollWidth > head.clientWidth).map((head) => `${head.textContent}: ${head.scrollWidth} in ${head.clientWidth}`),
    );
    expect(cutTitles, 'card titles cut off').toEqual([]);
    await expect(titles.filter({ hasText: language === 'zh-CN' ? '仅存于本机的记录' : 'Records only on this PC' })).toBeVisible();
    await snap(page, `75-layout-${tag}-settings-cache`);
    await openApp(page, app.host, 'bot');
    await expect(page.getByTestId('bot-log-page')).toBeVisible();
    await expectNoSidewaysPage(page);
    await snap(page, `75-layout-${tag}-bot`);
  });
}

test('org search finds a person by pinyin initials and by spaced pinyin', async ({ page, pageErrors }) => {
  void pageErrors;
  app.host.settings.update({ language: 'zh-CN' });
  await page.setViewportSize(VIEWPORT);
  const initialsOf = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', surname: 'head' }).join('');
  const users = app.sim.state.userList.filter((u) => /^\p{Script=Han}{3}$/u.test(u.name));
  const counts = new Map<string, number>();
  for (const u of users) counts.set(initialsOf(u.name), (counts.get(initialsOf(u.name)) ?? 0) + 1);
  // nobody else's userid has a word starting with these letters, so only the pinyin can find the person
  const useridWords = app.sim.state.userList.flatMap((u) => u.userid.toLowerCase().split(/[^a-z0-9]+/));
  const target = users.find((u) => counts.get(initialsOf(u.name)) === 1 && !useridWords.some((w) => w.startsWith(initialsOf(u.name))));
  expect(target, 'a simulator member with a three-character name of unique initials').toBeDefined();
  if (!target) return;

  await openApp(page, app.host, 'org');
  const table = page.getByTestId('users-table');
  await expect(table.getByRole('row').nth(2)).toBeVisible();
  const search = page.getByTestId('users-search');
  await search.fill(initialsOf(target.name));
  await expect(page.getByTestId('users-total')).toHaveText(/共 1 人/);
  await expect(table).toContainText(target.name);
  await snap(page, `76-layout-org-search-initials`);

  const spaced = pinyin(target.name, { toneType: 'none', type: 'array', surname: 'head' }).join(' ');
  await search.fill(spaced);
  await expect(table).toContainText(target.name);
  await search.fill('😀');
  await expect(page.getByTestId('users-total')).toHaveText(/共 0 人/);
});

test('messages at 1024×700: a picked member shows by name; a department send says how many it reaches', async ({ page, pageErrors }) => {
  void pageErrors;
  app.host.settings.update({ language: 'zh-CN' });
  await page.setViewportSize(VIEWPORT);
  await openApp(page, app.host, 'messages');
  await expect(page.getByTestId('messages-page')).toBeVisible();
  const { userList, departmentList } = app.sim.state;
  const member = userList.find((u) => u.status === 1 && /^\p{Script=Han}{2,3}$/u.test(u.name))!;
  const department = departmentList.find((d) => d.parentid === 1)!;
  const sentBefore = app.sim.state.messages.length;

  // Enter adds the highlighted member; the chip says the name
  const users = page.getByTestId('recipients-users').getByRole('combobox');
  await users.click();
  await users.fill(member.name);
  await expect(page.locator('.ant-select-item-option-active')).toContainText(member.userid);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const chip = page.getByTestId('recipients-users').locator('.ant-select-selection-item').first();
  await expect(chip).toHaveText(member.name);

  const picker = page.getByRole('combobox', { name: '部门' });
  await picker.click();
  await picker.fill(department.name);
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: department.name }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('content-text').fill('本周五 15:00 安全培训直播，请准时参加。');
  await page.getByTestId('message-send').click();

  // distinct active members of the department's subtree, plus the member picked by name
  const subtree = new Set([department.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departmentList) if (subtree.has(d.parentid) && !subtree.has(d.id)) grew = subtree.add(d.id).size > 0;
  }
  const reached = new Set(
    userList.filter((u) => u.status !== 2 && u.status !== 5 && u.department.some((d) => subtree.has(d))).map((u) => u.userid),
  );
  reached.add(member.userid);
  await expect(page.getByTestId('send-reach')).toContainText(`预计送达 ${reached.size.toLocaleString('en-US')} 人`);
  await snap(page, '77-layout-messages-reach');
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /取\s*消/ }).click();
  await expect(page.locator('.ant-modal-confirm')).toBeHidden();
  expect(app.sim.state.messages).toHaveLength(sentBefore);
});

test('the sent history at 1024×700 in English: each message shows its content, and whom it went to by kind', async ({ page, pageErrors }) => {
  void pageErrors;
  app.host.settings.update({ language: 'en-US' });
  await page.setViewportSize(VIEWPORT);
  await openApp(page, app.host, 'messages');
  await expect(page.getByTestId('messages-page')).toHaveAttribute('aria-busy', 'false');
  const department = app.sim.state.departmentList.find((d) => d.parentid === 1)!;
  const text = `Safety training replay open until Friday ${Date.now()}`;

  await page.getByTestId('content-text').fill(text);
  const picker = page.getByRole('combobox', { name: 'Departments' });
  await picker.click();
  await picker.fill(department.name);
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: department.name }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('message-send').click();
  // the confirmation names what was picked, without the kinds left empty ("0 users", "1 departments")
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('To 1 department. You can recall it within 24 hours.');
  await confirmUntilClosed(confirm, 'Send');
  await expect(page.getByTestId('send-result')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('tab', { name: 'Sent' }).click();
  const history = page.getByTestId('message-history');
  const row = history.locator('tr[data-row-key]').filter({ hasText: text.slice(0, 20) });
  await expect(row).toHaveCount(1);
  // the content had no width left at 1024 px: its column is wide enough to read, on screen
  const summary = row.locator('[data-testid^="history-summary-"]');
  await expectOnScreen(summary, 200, history);
  await expect(summary).toContainText('Text');
  await expect(row.locator('[data-testid^="history-recipients-"]')).toHaveText('1 department');
  await expect(row).toContainText('Manual');
  const cut = await history.locator('thead th').evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
  expect(cut, 'headers cut off').toEqual([]);
  await expectNoSidewaysPage(page);
  await snap(page, '78-layout-messages-history-en');
});
