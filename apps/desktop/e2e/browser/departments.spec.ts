// Departments as a user sees them: full paths on hover, charts grouped at a chosen level, the
// statistics filter by viewers' or host department (saying which), and an activity live created
// with a cover image. Screenshots at 1400×1000, 1024×700 and in English.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chooseOption, expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp({ seed: 11, size: { users: 600, departments: 40, lives: 60, maxViewers: 400 } });
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

/** The ended live with the most internal viewers. */
function busiestEndedLive() {
  const state = app.sim.state;
  return [...state.lives.values()]
    .filter((l) => state.liveStatus(l) === 2)
    .map((l) => ({ live: l, viewers: state.watchRows(l.livingid).users.length }))
    .sort((a, b) => b.viewers - a.viewers)[0]!;
}

/** Hovers the first bar of a chart and returns its tooltip's text. */
async function hoverFirstBar(page: Page, chart: string): Promise<string> {
  const card = page.getByTestId(chart);
  // the whole chart in view for the screenshot that follows
  await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await card.locator('.recharts-bar-rectangle').first().hover();
  const tooltip = card.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText(/\S/);
  return tooltip.innerText();
}

test('a live: departments grouped at a level, full paths on hover, in the chart and the watch table', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  const { live, viewers } = busiestEndedLive();
  expect(viewers).toBeGreaterThan(0);
  await openApp(page, app.host, `lives/${live.livingid}`);
  await page.getByRole('tab', { name: /分析|图表|Analytics/ }).first().click();
  const byDepartment = page.getByTestId('analytics-by-department');
  await expect(byDepartment.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.getByTestId('analytics-level')).toContainText('一级部门');
  // at 一级部门 every bar is a division: a path of two names (root / division), or the root's own people
  const level1 = await hoverFirstBar(page, 'analytics-by-department');
  expect(level1).toMatch(/ \/ |（直属）/);
  await snap(page, '60-departments-live-level1');

  await chooseOption(page, 'analytics-level', '末级部门');
  await expect(page.getByTestId('analytics-level')).toContainText('末级部门');
  const leaf = await hoverFirstBar(page, 'analytics-by-department');
  expect(leaf, 'a leaf department shows its whole path').toMatch(/\S+ \/ \S+/);
  await snap(page, '61-departments-live-leaf');

  await page.getByRole('tab', { name: /观看|Watch/ }).first().click();
  const cell = page.getByTestId('watch-department').first();
  await expect(cell).toBeVisible();
  const path = await cell.getAttribute('data-path');
  expect(path).toContain(' / ');
  await cell.hover();
  const tip = page.locator('.ant-tooltip:visible');
  await expect(tip).toContainText(path!);
  await expect(tip).toHaveCSS('opacity', '1'); // shown, not fading in
  await snap(page, '62-departments-watch-path');
});

test('statistics: filter by the viewers\' department or the host department, group at a level', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openApp(page, app.host, 'statistics');
  await page.getByTestId('stats-preset-90').click();
  const totals = page.getByTestId('stats-totals');
  await expect(totals).toContainText(/\d/);
  const everyone = await totals.innerText();

  // the completion chart: 一级部门 by default, the root never a bar beside its children
  await expect(page.getByTestId('stats-level')).toContainText('一级部门');
  const hovered = await hoverFirstBar(page, 'chart-completion');
  expect(hovered).toMatch(/ \/ |（直属）/);
  await snap(page, '63a-statistics-completion-path');

  // the busiest division in the chart (its path: "root / division · …"), chosen as the viewers'
  // department (the default, and it says so)
  await expect(page.getByTestId('stats-department-by')).toContainText('观众所在部门');
  const path = hovered.split(' · ')[0]!.trim();
  expect(path).not.toContain('直属');
  const division = path.split(' / ').at(-1)!;
  await page.getByTestId('stats-department').click();
  // each department is named with its member count: "研发中心 (312)"
  const named = new RegExp(`^${division.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\([\\d,]+\\)$`);
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: named }).first().click();
  await expect(totals).not.toHaveText(everyone);
  const byViewers = await totals.innerText();
  expect(byViewers, 'the division\'s people watched something').toMatch(/[1-9]/);
  await snap(page, '63-statistics-by-viewers-department');

  // the same department as the host: other figures (the lives it organised, with all viewers)
  await page.getByTestId('stats-department-by').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '主办部门' }).click();
  await expect(page.getByTestId('stats-department-by')).toContainText('主办部门');
  await expect(totals).not.toHaveText(byViewers);
  await snap(page, '64-statistics-by-host-department');

  await chooseOption(page, 'stats-level', '二级部门');
  await expect(page.getByTestId('stats-level')).toContainText('二级部门');
  // answered after the services read each live's per-department sums ahead, in slices: a bar is a
  // department two levels down (its path: root / division / department), a division's own members
  // ("（直属）": it has sub-departments), or a division without any (whole, no mark)
  const level2 = await hoverFirstBar(page, 'chart-completion');
  const parts = level2.split(' · ')[0]!.replace('（直属）', '').split(' / ');
  const divisionNamed = [...app.sim.state.departments.values()].find((d) => d.name === parts.at(-1));
  const hasSubDepartments = [...app.sim.state.departments.values()].some((d) => d.parentid === divisionNamed?.id);
  expect(parts.length >= 3 || (parts.length === 2 && level2.includes('（直属）') === hasSubDepartments), level2).toBe(true);
  await snap(page, '65a-statistics-level2');

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.getByTestId('stats-filters').scrollIntoViewIfNeeded();
  await snap(page, '65-statistics-filters-1024');
});

test('an activity live is created with a cover image uploaded to WeCom', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app.host, 'lives');
  await page.getByTestId('create-live').click();
  const form = page.getByTestId('live-form');
  const anchor = app.sim.state.userList.find((u) => u.status === 1)!;
  const anchorBox = form.getByRole('combobox', { name: '主播' });
  await anchorBox.click();
  await anchorBox.fill(anchor.userid);
  await page.locator('.ant-select-item-option').filter({ hasText: anchor.name }).first().click();
  const theme = `E2E 活动直播 ${process.pid % 1000}`;
  await form.getByTestId('live-theme').fill(theme);
  await form.getByTestId('live-type').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '活动直播' }).click();
  const activity = form.getByTestId('activity-fields');
  await expect(activity).toBeVisible();

  const png = Buffer.alloc(2048);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
  await activity.getByTestId('activity-cover').locator('input[type=file]').setInputFiles({ name: '封面.png', mimeType: 'image/png', buffer: png });
  await expect(activity.getByTestId('activity-cover').getByTestId('media-image')).toContainText('封面.png');
  await activity.getByTestId('activity-description').fill('年度发布会：新品与路线图');
  await activity.getByTestId('activity-description').press('Enter'); // a new line, never a submit
  await expect(form).toBeVisible();
  await activity.getByTestId('activity-cover').scrollIntoViewIfNeeded();
  await snap(page, '66-activity-live-form-1024');

  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden({ timeout: 30_000 });
  const created = [...app.sim.state.lives.values()].find((l) => l.theme === theme);
  expect(created, 'the live was created in WeCom').toBeTruthy();
  expect(created!.type).toBe(4);
  expect(app.sim.state.media.get(created!.activity_cover_mediaid)?.type, 'the cover is an uploaded image').toBe('image');
  expect(created!.activity_detail?.description).toContain('年度发布会');
});

test('English: level selector, filter labels and paths', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  app.host.settings.update({ language: 'en-US' });
  try {
    await openApp(page, app.host, 'statistics');
    await page.getByTestId('stats-preset-90').click();
    await expect(page.getByTestId('stats-level')).toContainText('Level 1');
    await expect(page.getByTestId('stats-department-by')).toContainText("Viewers' department");
    const hovered = await hoverFirstBar(page, 'chart-completion');
    expect(hovered).toMatch(/ \/ |\(direct members\)/);
    await snap(page, '67-statistics-en');
    const { live } = busiestEndedLive();
    await openApp(page, app.host, `lives/${live.livingid}`);
    await page.getByRole('tab', { name: /Analytics|Charts/ }).first().click();
    await expect(page.getByTestId('analytics-level')).toContainText('Level 1');
    await hoverFirstBar(page, 'analytics-by-department');
    await snap(page, '68-live-analytics-en');
  } finally {
    app.host.settings.update({ language: 'zh-CN' });
  }
});

test('a department\'s members exported: the file and its heading name the department', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  const state = app.sim.state;
  // a division with sub-departments, exported with them
  const division = [...state.departments.values()].find((d) => d.parentid === 1 && [...state.departments.values()].some((c) => c.parentid === d.id))!;
  await openApp(page, app.host, 'org');
  await page.getByTestId(`dept-${division.id}`).click();
  await expect(page.getByTestId('users-total')).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`成员列表-${division.name}.csv`);
  const lines = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r\n/);
  expect(lines[0]).toBe(`${division.name} 的成员 · 含下级部门`);
  expect(lines[1]).toMatch(/^导出时间：/);
  await expect(page.getByTestId('export-progress')).toBeHidden();
  await snap(page, '66-org-department-exported');
});
