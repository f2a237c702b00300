// Schedule a live (anchor, theme, start, audience) → it is in the list, the calendar and WeCom; then
// open an ended live's statistics (info in words, watch table, charts) and export them.
import { readFileSync } from 'node:fs';
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

test('schedule a live and see it in the list, the calendar and WeCom', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.host, 'lives');
  await expect(page.getByTestId('page-lives')).toBeVisible();
  await snap(page, '10-lives-list');
  const theme = `E2E 新员工培训 ${Date.now() % 10000}`;

  await page.getByTestId('create-live').click();
  const form = page.getByTestId('live-form');
  await expect(form).toBeVisible();
  const anchor = app.sim.state.userList.find((u) => u.status === 1)!;
  const anchorBox = form.getByRole('combobox', { name: '主播' });
  await anchorBox.click();
  await anchorBox.fill(anchor.userid);
  await page.locator('.ant-select-item-option').filter({ hasText: anchor.name }).first().click();
  await form.getByTestId('live-theme').fill(theme);
  await snap(page, '11-live-form');
  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden({ timeout: 30_000 });

  // in WeCom (the simulator) …
  const created = [...app.sim.state.lives.values()].find((l) => l.theme === theme);
  expect(created, 'the live was created in WeCom').toBeTruthy();
  expect(created!.anchor_userid.toLowerCase()).toBe(anchor.userid.toLowerCase());
  // … and in the list …
  await page.getByTestId('nav-lives').click();
  await page.getByTestId('lives-view').getByText('列表').click();
  await expect(page.getByTestId(`live-row-${created!.livingid}`)).toContainText(theme, { timeout: 15_000 });
  // … and in the month calendar
  await page.getByTestId('lives-view').getByText('月').click();
  await expect(page.getByTestId('lives-month')).toContainText(theme);
  await snap(page, '12-lives-month');
  await page.getByTestId('lives-view').getByText('周').click();
  await expect(page.getByTestId('lives-week')).toContainText(theme);
  await snap(page, '13-lives-week');
});

test("open an ended live's statistics and export them", async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  const state = app.sim.state;
  const ended = [...state.lives.values()]
    .filter((l) => state.liveStatus(l) === 2)
    .map((l) => {
      const rows = state.watchRows(l.livingid);
      return { live: l, viewers: rows.users.length + rows.external_users.length };
    })
    .sort((a, b) => b.viewers - a.viewers)[0]!;
  expect(ended.viewers).toBeGreaterThan(0);

  await openApp(page, app.host, `lives/${ended.live.livingid}`);
  await expect(page.getByTestId('page-live-detail')).toContainText(ended.live.theme);
  await expect(page.getByTestId('live-info')).toContainText('已结束');
  await snap(page, '14-live-detail');
  await page.getByRole('tab', { name: /观看|Watch/ }).first().click();
  await expect(page.getByTestId('watch-table')).toBeVisible();
  await snap(page, '15-live-watch-stats');
  await page.getByRole('tab', { name: /分析|图表|Analytics/ }).first().click();
  await expect(page.getByTestId('live-analytics')).toBeVisible();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await snap(page, '16-live-analytics');

  await page.getByRole('tab', { name: /观看|Watch/ }).first().click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff); // BOM, so Excel reads 中文
  const lines = csvText.trim().split(/\r\n/);
  expect(lines.length - 1).toBe(ended.viewers);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const bytes = readFileSync(await xlsx.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an OOXML (zip) workbook
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});
