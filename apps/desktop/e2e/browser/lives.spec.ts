// Schedule a live (anchor, theme, start, audience) → it is in the list, the calendar and WeCom; then
// open an ended live's statistics (info in words, watch table, charts) and export them.
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import dayjs from 'dayjs';
import { systemClock } from '@wld/clock';
import { monthGrid, weekStartsOn } from '../../src/shared/dates.ts';
import { startOnDay } from '../../src/renderer/pages/lives/liveFormRules.ts';
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, uniqueTheme, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  // enough lives that some days of the month hold more than a cell shows
  app = await startCorpApp({ seed: 7, size: { users: 600, departments: 40, lives: 240, maxViewers: 400 } });
});
test.afterAll(async () => {
  await stopCorpApp(app);
});


async function pickAnchor(page: Page, form: Locator, anchor: { userid: string; name: string }) {
  const anchorBox = form.getByRole('combobox', { name: '主播' });
  await anchorBox.click();
  await anchorBox.fill(anchor.userid);
  await page.locator('.ant-select-item-option').filter({ hasText: anchor.name }).first().click();
}

const livesNamed = (theme: string) => [...app.sim.state.lives.values()].filter((l) => l.theme === theme);

/** The live is in the month calendar: in its day's cell, or in the day's list behind "还有 N 场". */
async function expectInMonth(page: Page, livingid: string, startMs: number) {
  const month = page.getByTestId('lives-month');
  const day = dayjs(startMs).format('YYYY-MM-DD');
  const link = month.getByTestId(`calendar-live-${livingid}`);
  const more = month.getByTestId(`calendar-more-${day}`);
  await expect(link.or(more).first()).toBeVisible();
  if (!(await link.isVisible())) {
    await more.click();
    await expect(page.getByTestId(`calendar-day-list-${day}`).getByTestId(`calendar-live-${livingid}`)).toBeVisible();
    await page.keyboard.press('Escape');
  }
}

test('schedule a live and see it in the list, the calendar and WeCom', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.host, 'lives');
  await expect(page.getByTestId('page-lives')).toBeVisible();
  await snap(page, '10-lives-list');
  const theme = uniqueTheme('E2E 新员工培训');

  await page.getByTestId('create-live').click();
  const form = page.getByTestId('live-form');
  await expect(form).toBeVisible();
  const anchor = app.sim.state.userList.find((u) => u.status === 1)!;
  await pickAnchor(page, form, anchor);
  await form.getByTestId('live-theme').fill(theme);
  await snap(page, '11-live-form');
  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden({ timeout: 30_000 });

  // in WeCom (the simulator) …
  const created = livesNamed(theme)[0];
  expect(created, 'the live was created in WeCom').toBeTruthy();
  expect(created!.anchor_userid.toLowerCase()).toBe(anchor.userid.toLowerCase());
  // … and in the list …
  await page.getByTestId('nav-lives').click();
  await page.getByTestId('lives-view').getByText('列表').click();
  // the list holds 240 lives, 20 a page: found as an admin would, by its theme
  await page.getByTestId('lives-search').locator('input').fill(theme);
  await expect(page.getByTestId(`live-row-${created!.livingid}`)).toContainText(theme, { timeout: 15_000 });
  await page.getByTestId('lives-search').locator('input').fill('');
  // … and in the month calendar (which moved to the live's month) …
  await page.getByTestId('lives-view').getByText('月').click();
  await expectInMonth(page, created!.livingid, created!.living_start * 1000);
  await snap(page, '12-lives-month');
  // … and in the week calendar (which moved to the live's week)
  await page.getByTestId('lives-view').getByText('周').click();
  await expect(page.getByTestId(`week-live-${created!.livingid}`)).toContainText(theme);
  await snap(page, '13-lives-week');
});

test('edit, reopen, edit again: the form always starts from the saved values', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.host, 'lives');
  const theme = uniqueTheme('E2E 修改测试');
  await page.getByTestId('create-live').click();
  const form = page.getByTestId('live-form');
  await pickAnchor(page, form, app.sim.state.userList.find((u) => u.status === 1)!);
  await form.getByTestId('live-theme').fill(theme);
  await form.getByTestId('live-duration').fill('120');
  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden();
  const live = livesNamed(theme)[0]!;
  await expect(page.getByTestId('page-live-detail')).toContainText(theme);

  // first edit, from the live's page
  const edited = uniqueTheme('E2E 已修改');
  await page.getByTestId(`edit-live-${live.livingid}`).click();
  await expect(form.getByTestId('live-theme')).toHaveValue(theme);
  await form.getByTestId('live-theme').fill(edited);
  await form.getByTestId('live-duration').fill('45');
  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden();
  await expect.poll(() => app.sim.state.lives.get(live.livingid)?.theme).toBe(edited);

  // reopen: the drawer shows what was saved, not what it showed before
  await page.getByTestId(`edit-live-${live.livingid}`).click();
  await expect(form.getByTestId('live-theme')).toHaveValue(edited);
  await expect(form.getByTestId('live-duration')).toHaveValue('45');
  await snap(page, '17-live-form-reopened');
  await form.getByTestId('live-duration').fill('75');
  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden();
  await expect.poll(() => app.sim.state.lives.get(live.livingid)?.reserve_living_duration).toBe(75 * 60);

  // and from the list's edit button
  await page.getByTestId('nav-lives').click();
  await page.getByTestId('lives-view').getByText('列表').click();
  await page.getByTestId('lives-search').locator('input').fill(edited);
  await page.getByTestId(`edit-live-${live.livingid}`).click();
  await expect(form.getByTestId('live-theme')).toHaveValue(edited);
  await expect(form.getByTestId('live-duration')).toHaveValue('75');
  await page.getByTestId('live-cancel-edit').click();
  expect(app.sim.state.lives.get(live.livingid)?.theme, 'nothing wrote old values back').toBe(edited);
});

test('Enter inside a field never submits the form; a repeated live is asked about first', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app.host, 'lives');
  const before = app.sim.state.lives.size;
  const theme = uniqueTheme('E2E 回车');
  await page.getByTestId('create-live').click();
  const form = page.getByTestId('live-form');
  const anchor = app.sim.state.userList.filter((u) => u.status === 1)[1]!;
  await pickAnchor(page, form, anchor);
  for (const field of ['live-theme', 'live-duration', 'live-start']) {
    const input = form.getByTestId(field);
    await input.click();
    if (field === 'live-theme') await input.fill(theme);
    await input.press('Enter');
    await expect(form, `Enter in ${field} left the form open`).toBeVisible();
    await expect(page.locator('.ant-modal-confirm'), `Enter in ${field} asked nothing`).toHaveCount(0);
  }
  await form.getByTestId('live-description').click(); // also closes the date picker's panel
  await form.getByTestId('live-description').press('Enter');
  await expect(form).toBeVisible();
  expect(app.sim.state.lives.size, 'Enter created no live').toBe(before);

  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden();
  await expect.poll(() => livesNamed(theme).length).toBe(1);

  // the same anchor, theme and start again: asked first; declining creates nothing
  await page.getByTestId('nav-lives').click();
  await page.getByTestId('create-live').click();
  await pickAnchor(page, form, anchor);
  await form.getByTestId('live-theme').fill(theme);
  await form.getByTestId('live-submit').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText('已有一场相同的直播');
  await snap(page, '18-live-duplicate');
  await confirm.getByRole('button', { name: /^取\s*消$/ }).click();
  await expect(form).toBeVisible();
  expect(livesNamed(theme).length, 'declining the duplicate created nothing').toBe(1);
  await page.getByTestId('live-cancel-edit').click();
});

test('the month calendar opens a busy day\'s full list and offers to create on an empty day', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openApp(page, app.host, 'lives');
  await page.getByTestId('lives-view').getByText('月').click();
  const month = page.getByTestId('lives-month');
  // the busiest day of the month grid, as the app has it
  await expect(month.locator('[data-testid^="calendar-live-"]').first()).toBeVisible();
  const now = systemClock.now();
  const [gridFrom] = monthGrid(now, weekStartsOn('zh-CN'));
  const gridStart = dayjs.unix(gridFrom);
  const perDay = new Map<string, string[]>();
  for (const live of app.sim.state.lives.values()) {
    const start = dayjs(live.living_start * 1000);
    if (start.isBefore(gridStart) || !start.isBefore(gridStart.add(42, 'day'))) continue;
    const key = start.format('YYYY-MM-DD');
    perDay.set(key, [...(perDay.get(key) ?? []), live.livingid]);
  }
  const [busyDay, busyIds] = [...perDay.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  expect(busyIds.length, `the seeded month has a day with more than three lives (${busyDay})`).toBeGreaterThan(3);
  await month.getByTestId(`calendar-more-${busyDay}`).click();
  const dayList = page.getByTestId(`calendar-day-list-${busyDay}`);
  for (const id of busyIds) await expect(dayList.getByTestId(`calendar-live-${id}`)).toBeVisible();
  await snap(page, '19-month-day-list');
  await page.keyboard.press('Escape');

  // three weeks ahead no live is planned yet: an empty day offers to create a live there, in the
  // week view (a button in the empty day) and in the month view (a click on the day)
  await page.getByTestId('lives-view').getByText('周').click();
  for (let i = 0; i < 3; i++) await page.getByTestId('week-next').click();
  const weekDays = await page.getByTestId('lives-week').locator('[data-testid^="create-on-"]').count();
  expect(weekDays, 'a week three weeks ahead has empty days').toBe(7);
  const target = dayjs(await page.getByTestId('week-range').innerText().then((r) => r.slice(0, 10)));
  await page.getByTestId('lives-view').getByText('月').click();
  await month.locator(`td[title="${target.format('YYYY-MM-DD')}"]`).click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toContainText(target.format('YYYY-MM-DD'));
  await snap(page, '19b-month-create-on-day');
  await confirm.getByRole('button', { name: /^创\s*建$/ }).click();
  const form = page.getByTestId('live-form');
  await expect(form).toBeVisible();
  await expect(form.getByTestId('live-start')).toHaveValue(`${target.format('YYYY-MM-DD')} 09:00`);
  await page.getByTestId('live-cancel-edit').click();
});

test('the week view offers a new live on every day that can take one, busy days too, its label whole at 1024 px in English', async ({ page, pageErrors }) => {
  void pageErrors;
  app.host.settings.update({ language: 'en-US' });
  try {
    await page.setViewportSize({ width: 1024, height: 700 });
    await openApp(page, app.host, 'lives');
    await page.getByTestId('lives-view').getByText(/^Week$/).click();
    const week = page.getByTestId('lives-week');
    let busyDay: string | null = null;
    // this week and the next ones until a day from today on holds a live
    for (let shown = 0; shown < 4 && busyDay === null; shown++) {
      if (shown > 0) await page.getByTestId('week-next').click();
      await expect(week.getByRole('region')).toHaveCount(7);
      for (const day of await week.getByRole('region').all()) {
        const date = (await day.getAttribute('aria-label'))!.slice(-10);
        // a past day none; today only while a half hour is left in it (not at 23:50)
        const takesOne = startOnDay(dayjs(date), systemClock.now()) !== null;
        await expect(day.getByTestId(`create-on-${date}`), `the create button of ${date}`).toHaveCount(takesOne ? 1 : 0);
        if (takesOne && (await day.locator('[data-testid^="week-live-"]').count()) > 0) busyDay ??= date;
      }
      const cut = await week.locator('[data-testid^="create-on-"] > span:last-child').evaluateAll((labels) =>
        labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => `${label.textContent}: ${label.scrollWidth} > ${label.clientWidth}`),
      );
      expect(cut, 'create labels cut off').toEqual([]);
    }
    expect(busyDay, 'a day from today on with a live, within four weeks').not.toBeNull();
    await snap(page, '19c-week-create-on-busy-day-en');
    // the button heads the day, above its lives: a busy day's is not pushed out of sight
    const busy = week.getByRole('region').filter({ has: page.getByTestId(`create-on-${busyDay}`) });
    const buttonBox = (await busy.getByTestId(`create-on-${busyDay}`).boundingBox())!;
    const firstLiveBox = (await busy.locator('[data-testid^="week-live-"]').first().boundingBox())!;
    expect(buttonBox.y + buttonBox.height).toBeLessThanOrEqual(firstLiveBox.y);
    // a busy day takes one more live: the form opens on that day
    await week.getByTestId(`create-on-${busyDay}`).click();
    const confirm = page.locator('.ant-modal-confirm');
    await expect(confirm).toContainText(busyDay!);
    await confirm.getByRole('button', { name: /^Create$/ }).click();
    const form = page.getByTestId('live-form');
    await expect(form.getByTestId('live-start')).toHaveValue(new RegExp(`^${busyDay} `));
    await page.getByTestId('live-cancel-edit').click();
  } finally {
    app.host.settings.update({ language: 'zh-CN' });
  }
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
  // the live's title, time and the export time first, then the table
  expect(lines[0]).toContain(ended.live.theme);
  const header = lines.findIndex((line) => line.startsWith('姓名,'));
  expect(header).toBe(4);
  expect(lines.length - header - 1).toBe(ended.viewers);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const bytes = readFileSync(await xlsx.path());
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // an OOXML (zip) workbook
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});

test('the list keeps the page size picked: after a reload it still shows that many lives a page', async ({ page, pageErrors }) => {
  void pageErrors;
  await openApp(page, app.host, 'lives');
  const rows = page.getByTestId('lives-table').locator('tr[data-testid^="live-row-"]');
  await expect(rows).toHaveCount(20);
  const pager = page.getByTestId('lives-pagination');
  await pager.locator('.ant-pagination-options .ant-select').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^50/ }).click();
  await expect(rows).toHaveCount(50);

  await page.reload();
  await expect(rows).toHaveCount(50);
  await expect(pager.locator('.ant-pagination-options')).toContainText('50');
});
