// Training as an admin walks it: open a synced, ended live → set its required learners (a department
// with its sub-departments + one person) → see 完成 / 部分观看 / 未参加 and the absentees → make a
// series of two lives → see each learner's completion across it → export a learner report.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import dayjs from 'dayjs';
import { readSheet } from 'read-excel-file/node';
import type { RpcClient } from '../../src/shared/rpc.ts';
import { animationsSettled, expect, openApp, servicesClientOf, snap, startCorpApp, stopCorpApp, test, untilSynced, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
let client: RpcClient;
test.beforeAll(async () => {
  app = await startCorpApp({ seed: 11, size: { users: 400, departments: 30, lives: 60, maxViewers: 300 } });
  client = await servicesClientOf(app);
});
test.afterAll(async () => {
  client.close();
  await stopCorpApp(app);
});

/** The two ended lives with the most viewers, newest first. */
function endedLives() {
  const state = app.sim.state;
  return [...state.lives.values()]
    .filter((l) => state.liveStatus(l) === 2)
    .map((l) => ({ live: l, viewers: state.watchRows(l.livingid).users.length }))
    .sort((a, b) => b.viewers - a.viewers)
    .slice(0, 2)
    .map((e) => e.live);
}

/** A department with sub-departments and a name no other department has. */
function parentDepartment() {
  const departments = [...app.sim.state.departments.values()];
  return departments.find(
    (d) => d.parentid !== 0 && departments.some((c) => c.parentid === d.id) && departments.filter((o) => o.name === d.name).length === 1,
  )!;
}

async function pickTreeNode(page: Page, testid: string, name: string) {
  const box = page.getByTestId(testid);
  await animationsSettled(page);
  await box.click();
  await box.locator('input').fill(name);
  await animationsSettled(page);
  await page.locator('.ant-select-tree-treenode').filter({ hasText: name }).first().locator('.ant-select-tree-checkbox').click();
  await page.keyboard.press('Escape');
  await expect(box, 'the department is picked').toContainText(name);
}

async function pickUser(page: Page, testid: string, user: { userid: string; name: string }) {
  const box = page.getByTestId(testid);
  await animationsSettled(page);
  await box.click();
  await box.locator('input').fill(user.userid);
  await animationsSettled(page);
  await page.locator('.ant-select-item-option').filter({ hasText: user.userid }).first().click();
  await page.keyboard.press('Escape');
}

test('required learners, completion, a series and a learner report', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  const [first, second] = endedLives();
  const department = parentDepartment();
  const person = app.sim.state.userList.find((u) => u.status === 1 && !u.department.includes(department.id))!;
  // the department's members are all in the cache before their count is read
  await untilSynced(client);

  // a synced, ended live: no required learners yet, and they can be set after the fact
  await openApp(page, app.host, `lives/${first!.livingid}`);
  await expect(page.getByTestId('page-live-detail')).toContainText(first!.theme);
  await page.getByRole('tab', { name: /学员/ }).click();
  await expect(page.getByTestId('learners-none')).toBeVisible();
  await page.getByTestId('required-edit').click();
  const editor = page.getByTestId('required-editor');
  await expect(editor).toBeVisible();
  await pickTreeNode(page, 'required-departments', department.name);
  await expect(editor.getByTestId('required-with-sub')).toBeChecked();
  await pickUser(page, 'required-users', person);
  await snap(page, '70-training-required-editor');
  await page.getByTestId('required-save').click();
  await expect(editor).toBeHidden();

  // 完成 / 部分观看 / 未参加, watch time 含回放, and the absentees
  const learners = page.getByTestId('learners');
  await expect(learners.getByTestId('count-completed')).toBeVisible();
  const count = async (id: string) => Number((await learners.getByTestId(id).innerText()).replace(/\D/g, ''));
  const required = Number((await learners.getByTestId('learners-required').innerText()).replace(/\D/g, ''));
  const [completed, partial, absent] = [await count('count-completed'), await count('count-partial'), await count('count-absent')];
  expect(completed + partial + absent).toBe(required);
  expect(required).toBeGreaterThan(1);
  await expect(learners.getByTestId('learners-table')).toContainText(' / ');
  // the counts leave out disabled and departed members, and the tab says so
  await expect(learners.getByTestId('learners-active-only')).toHaveText('已禁用和已退出企业的成员不计为必修学员。');
  await snap(page, '71-training-live-learners');
  await learners.getByTestId('learners-search').locator('input').fill(person.name);
  await expect(learners.getByTestId('learners-table')).toContainText(person.name);
  await learners.getByTestId('learners-search').locator('input').fill('');
  await learners.getByTestId('learners-filter').getByText('未参加').click();
  const rows = learners.getByTestId('learners-table').locator('tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('未参加');
  await snap(page, '72-training-live-absentees');

  // a series of two lives
  await page.getByTestId('nav-training').click();
  await expect(page.getByTestId('page-training')).toBeVisible();
  await page.getByTestId('series-new').click();
  await page.getByTestId('series-name').fill('E2E 系列培训');
  await page.getByTestId('series-name').press('Enter');
  await expect(page.getByTestId('page-series')).toContainText('E2E 系列培训');
  // a new series says what to do first, not "暂无数据"
  await expect(page.getByTestId('series-lives')).toContainText('这个系列还没有直播：用上方的搜索添加');
  await expect(page.getByTestId('series-learners')).toContainText('还没有必修学员：点「系列的必修学员」设置');
  for (const live of [first!, second!]) {
    const add = page.getByTestId('series-add-lives');
    await add.click();
    await add.locator('input').fill(live.theme);
    // several lives may share a theme: the option names the start too
    const start = dayjs.unix(live.living_start).format('YYYY-MM-DD HH:mm');
    await page.locator('.ant-select-item-option').filter({ hasText: `${live.theme} · ${start}` }).first().click();
    // the pick clears the search text, and the list follows it: other lives, not the last search's
    await expect(add.locator('input')).toHaveValue('');
    await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasNotText: live.theme }).first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('series-lives')).toContainText(start);
  }
  // the second live gets the series' required learners (the same department)
  await page.getByTestId('series-required-edit').click();
  await pickTreeNode(page, 'required-departments', department.name);
  await page.getByTestId('required-save').click();
  await expect(page.getByTestId('required-editor')).toBeHidden();
  const seriesLearners = page.getByTestId('series-learners');
  await expect(seriesLearners.locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(page.getByTestId('series-completed-any')).toContainText(/已完成任一场：\d+ \/ \d+ 人/);
  await snap(page, '73-training-series');

  // the same at 1024×700
  await page.setViewportSize({ width: 1024, height: 700 });
  await snap(page, '74-training-series-1024');
  await page.goto(`${app.host.url}/index.html#/lives/${first!.livingid}`);
  await page.getByRole('tab', { name: /学员/ }).click();
  await expect(page.getByTestId('learners-table')).toBeVisible();
  await page.getByTestId('learners-table').scrollIntoViewIfNeeded();
  await snap(page, '75-training-live-learners-1024');
  await page.setViewportSize({ width: 1400, height: 1000 });

  // a learner report of the series, exported to Excel with its title and dates inside
  await page.getByTestId('nav-training').click();
  await page.getByRole('tab', { name: '学员报表' }).click();
  const report = page.getByTestId('learner-report');
  await report.getByTestId('report-series').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'E2E 系列培训' }).click();
  // choosing a series sets the period to its dates
  await expect(report.getByTestId('report-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
  await expect(report.getByTestId('report-chart').locator('.recharts-surface')).toBeVisible();
  await snap(page, '76-training-report');
  const [download] = await Promise.all([page.waitForEvent('download'), report.getByTestId('report-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^学员报表 \d{8}-\d{8}\.xlsx$/);
  const sheet = await readSheet(readFileSync(await download.path()));
  expect(sheet[0]?.[0]).toBe('学员报表');
  expect(String(sheet[1]?.[0])).toMatch(/^时段：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}$/);
  expect(String(sheet[2]?.[0])).toContain('E2E 系列培训');
  expect(sheet.some((row) => row[0] === person.name)).toBe(true);
});

test('the training screens in English', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  app.host.settings.update({ language: 'en-US' });
  try {
    const [first] = endedLives();
    await openApp(page, app.host, `lives/${first!.livingid}`);
    await page.getByRole('tab', { name: 'Learners' }).click();
    await expect(page.getByTestId('learners')).toContainText(/Required|No required learners/);
    await snap(page, '77-training-live-learners-en');
    await page.getByTestId('nav-training').click();
    await expect(page.getByTestId('page-training')).toContainText('Training series');
    await snap(page, '78-training-series-en');
  } finally {
    app.host.settings.update({ language: 'zh-CN' });
  }
});

test('departments picked in the required-learners editor stay picked while an org sync rewrites the tree', async ({ page, pageErrors }) => {
  void pageErrors;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 700 });
  await untilSynced(client);
  const state = app.sim.state;
  // an ended live the other walks leave alone
  const live = [...state.lives.values()].filter((l) => state.liveStatus(l) === 2).at(-1)!;
  const departments = [...state.departments.values()];
  const unique = (d: { name: string }) => departments.filter((o) => o.name === d.name).length === 1;
  const candidates = departments.filter((d) => d.parentid !== 0 && unique(d) && state.usersInDepartment(d.id).length > 0);
  const first = candidates[0]!;
  // not above or below the first: each stays a pick of its own
  const related = (a: number, b: number) => state.departmentSubtree(a).some((d) => d.id === b) || state.departmentSubtree(b).some((d) => d.id === a);
  const second = candidates.find((d) => !related(d.id, first.id));
  await openApp(page, app.host, `lives/${live.livingid}`);
  await page.getByRole('tab', { name: /学员/ }).click();
  await page.getByTestId('required-edit').click();
  const editor = page.getByTestId('required-editor');
  await pickTreeNode(page, 'required-departments', first.name);

  // WeCom renames the picked department; an org sync brings the new name into the open editor's tree
  const before = await client.call('sync.status', {});
  const renamed = `${first.name}（新）`;
  state.renameDepartment(first.id, renamed);
  await client.call('sync.start', { scope: 'org' });
  await expect
    .poll(async () => {
      const { jobs, lastSync } = await client.call('sync.status', {});
      return lastSync.org !== before.lastSync.org && jobs.every((job) => job.state !== 'running');
    }, { timeout: 30_000, message: 'the org sync to end' })
    .toBe(true);
  const inCache = await client.call('org.departments', {});
  expect(inCache.departments.find((d) => d.id === first.id)?.name, 'the sync brought the new name').toBe(renamed);
  // the open editor's tree has the new name, and the department is still ticked in it
  const box = page.getByTestId('required-departments');
  // the page has the new tree (its pick is named anew) before the search: a search typed before the
  // new tree came keeps the old search's expanded nodes, and the match stays folded under the root
  await expect(box).toContainText(renamed);
  await box.click();
  await box.locator('input').fill(renamed);
  const node = page.locator('.ant-select-tree-treenode').filter({ hasText: renamed }).first();
  await expect(node).toBeVisible();
  await expect(node.locator('.ant-select-tree-checkbox')).toHaveClass(/ant-select-tree-checkbox-checked/);
  await page.keyboard.press('Escape');

  // another pick after the refresh keeps the first one
  await pickTreeNode(page, 'required-departments', second!.name);
  await snap(page, '79-training-pick-kept-1024');
  await page.getByTestId('required-save').click();
  await expect(editor).toBeHidden();
  const saved = await client.call('training.live', { livingid: live.livingid, level: 1 });
  expect(saved.required?.departments.map((d) => d.id).sort((a, b) => a - b)).toEqual([first.id, second!.id].sort((a, b) => a - b));
});
