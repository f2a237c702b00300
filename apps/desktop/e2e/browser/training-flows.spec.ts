// Training flows as an admin walks them, at 1024×700 in 中文 and English: import a required-learner
// list (xlsx and CSV, with rows that match nobody or several people) and read what did not match,
// group the learners at a department level; copy a live and be asked about the invitation with its
// exact text (sent once, into WeCom calendars); repeat a live weekly when WeCom refuses one of them;
// accept a suggested series; export a learner report in English.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { readSheet } from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import type { RpcClient } from '../../src/shared/rpc.ts';
import { gb18030Bytes } from '../../src/renderer/test-support/gb18030.ts';
import { animationsSettled, chooseOption, expect, liveWithAudience, messagesAbout, openApp, servicesClientOf, snap, startCorpApp, stopCorpApp, test, uniqueTheme, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
let client: RpcClient;
test.beforeAll(async () => {
  app = await startCorpApp({ seed: 11, size: { users: 300, departments: 20, lives: 30, maxViewers: 100 } });
  client = await servicesClientOf(app);
});
test.afterAll(async () => {
  client.close();
  await stopCorpApp(app);
});

const simLivesTitled = (theme: string) => [...app.sim.state.lives.values()].filter((l) => l.theme === theme);

function activePeople() {
  return app.sim.state.userList.filter((u) => u.status === 1);
}

/** Two active people who share a name (the simulator's org has some), and people whose name is theirs alone. */
function namesake() {
  const people = activePeople();
  const byName = new Map<string, typeof people>();
  for (const u of people) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const shared = [...byName.values()].find((same) => same.length > 1);
  if (!shared) throw new Error('the simulated org has no two people of one name');
  const unique = people.filter((u) => byName.get(u.name)?.length === 1);
  return { shared, unique };
}

function endedLive() {
  const state = app.sim.state;
  return [...state.lives.values()].find((l) => state.liveStatus(l) === 2)!;
}

test('import a required-learner list (xlsx and CSV) → what did not match; learners per department level', async ({ page, pageErrors }, info) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  const live = endedLive();
  const { shared, unique } = namesake();
  const [byId1, byId2, byName, byId3] = unique;
  mkdirSync(info.outputDir, { recursive: true });
  const csv = join(info.outputDir, '必修名单.csv');
  // a heading row, a userid, a unique name, a shared name, a name and a userid nobody has
  writeFileSync(csv, `\uFEFF姓名\n${byId1!.userid}\n${byName!.name}\n${shared[0]!.name}\n查无此人\nnobody.here\n`);
  const xlsx = join(info.outputDir, '必修名单.xlsx');
  await writeXlsxFile([[{ value: '账号' }], [{ value: byId2!.userid }], [{ value: byId3!.userid }], [{ value: '不存在的同事' }]]).toFile(xlsx);

  await openApp(page, app.host, `lives/${live.livingid}`);
  await page.getByRole('tab', { name: /学员/ }).click();
  await page.getByTestId('required-edit').click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('required-editor') });
  const file = modal.locator('input[type=file]');

  await file.setInputFiles(csv);
  const report = modal.getByTestId('import-report');
  await expect(report).toContainText('已匹配 2 人');
  await expect(report.getByTestId('import-unmatched')).toContainText('未匹配（2）：查无此人、nobody.here');
  const ambiguous = report.getByTestId('import-ambiguous');
  await expect(ambiguous).toContainText(`重名未加入（1）：${shared[0]!.name}：`);
  for (const person of shared) await expect(ambiguous).toContainText(person.userid);
  await animationsSettled(page);
  await snap(page, '100-import-csv-1024');

  await file.setInputFiles(xlsx);
  await expect(report).toContainText('已匹配 2 人');
  await expect(report.getByTestId('import-unmatched')).toContainText('未匹配（1）：不存在的同事');
  await expect(report.getByTestId('import-ambiguous')).toHaveCount(0);
  for (const person of [byId1!, byId2!, byName!, byId3!]) await expect(modal.getByTestId('required-users')).toContainText(person.name);
  await snap(page, '101-import-xlsx-1024');
  // a CSV as Excel on a Chinese Windows saves it (GB18030, not UTF-8): its names match
  const gbk = join(info.outputDir, '必修名单-excel-gbk.csv');
  writeFileSync(gbk, gb18030Bytes(`姓名\r\n${byName!.name}\r\n查无此人\r\n`));
  await file.setInputFiles(gbk);
  await expect(report).toContainText('已匹配 1 人');
  await expect(report.getByTestId('import-unmatched')).toContainText('未匹配（1）：查无此人');
  // an old .xls is refused, saying what to do, and nothing picked so far is lost
  const xls = join(info.outputDir, '必修名单.xls');
  writeFileSync(xls, 'not a list');
  await file.setInputFiles(xls);
  await expect(modal.getByText('无法读取 必修名单.xls：请导入 .xlsx、.csv 或 .txt 文件（.xls 文件请在 Excel 中另存为 .xlsx）。')).toBeVisible();
  await expect(modal.getByTestId('import-report')).toHaveCount(0);
  for (const person of [byId1!, byId2!, byName!, byId3!]) await expect(modal.getByTestId('required-users')).toContainText(person.name);
  await snap(page, '101a-import-refused-1024');
  await page.getByTestId('required-save').click();
  await expect(page.getByTestId('required-editor')).toBeHidden();

  // the cache keeps the four matched people, none of the namesakes
  const saved = await client.call('training.live', { livingid: live.livingid, level: 1 });
  expect([...(saved.required?.userids ?? [])].sort()).toEqual([byId1!.userid, byId2!.userid, byName!.userid, byId3!.userid].sort());
  expect(saved.learners).toHaveLength(4);

  // the learners per 一级部门, a click narrows the list to one of them, then each department as it is
  const learners = page.getByTestId('learners');
  await expect(learners.getByTestId('learners-required')).toContainText('4');
  await expect(page.getByTestId('learners-level')).toContainText('一级部门');
  const groups = learners.getByTestId('learner-groups').locator('tbody tr.ant-table-row');
  await expect(groups).toHaveCount(saved.byDepartment.length);
  const first = saved.byDepartment[0]!;
  await learners.getByTestId(`learner-group-${first.departmentId}`).click();
  await expect(learners.getByTestId('learners-group-filter')).toContainText(first.path);
  await expect(learners.getByTestId('learners-table').locator('tbody tr.ant-table-row')).toHaveCount(first.counts.required);
  await learners.getByTestId('learners-table').scrollIntoViewIfNeeded();
  await snap(page, '102-learners-by-department-1024');

  const leaves = await client.call('training.live', { livingid: live.livingid, level: null });
  await chooseOption(page, 'learners-level', '末级部门');
  await expect(learners.getByTestId('learners-group-filter')).toHaveCount(0);
  await expect(groups).toHaveCount(leaves.byDepartment.length);
  await expect(learners.getByTestId('learners-table').locator('tbody tr.ant-table-row')).toHaveCount(4);

  app.host.settings.update({ language: 'en-US' });
  try {
    await expect(page.getByTestId('learners-level')).toContainText('Lowest level');
    await expect(learners).toContainText('By department');
    await snap(page, '103-learners-by-department-en-1024');
    await page.getByTestId('required-edit').click();
    await modal.locator('input[type=file]').setInputFiles(csv);
    await expect(modal.getByTestId('import-report')).toContainText('2 matched');
    await expect(modal.getByTestId('import-unmatched')).toContainText('Not matched (2): 查无此人, nobody.here');
    // the chips name the people (their userid on hover), never bare userids
    await expect(modal.getByTestId('required-users')).toContainText(byName!.name);
    await expect(modal.getByTestId('required-users')).not.toContainText(byName!.userid);
    await animationsSettled(page);
    await snap(page, '104-import-csv-en-1024');
    await page.keyboard.press('Escape');
  } finally {
    app.host.settings.update({ language: 'zh-CN' });
  }
});

test('copy a live → asked about the invitation with its exact text → sent once, into calendars', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  const people = activePeople().slice(0, 4).map((u) => u.userid);
  const source = uniqueTheme('安全生产培训');
  const livingid = await liveWithAudience(client, source, people);
  await openApp(page, app.host, `lives/${livingid}`);
  await expect(page.getByTestId('page-live-detail')).toContainText(source);

  await page.getByTestId('live-copy').click();
  const form = page.getByTestId('live-form');
  await expect(form.getByTestId('live-theme')).toHaveValue(source);
  await expect(form.getByTestId('live-notify-hint')).toBeVisible();
  const copy = uniqueTheme('安全生产培训（复制）');
  await form.getByTestId('live-theme').fill(copy);
  await snap(page, '105-copy-form-1024');
  await form.getByTestId('live-submit').click();
  await expect(form).toBeHidden();

  // the live exists in WeCom now, a week after the original; nothing was sent yet
  await expect.poll(() => simLivesTitled(copy).length).toBe(1);
  const original = simLivesTitled(source)[0]!;
  expect(simLivesTitled(copy)[0]!.living_start).toBe(dayjs.unix(original.living_start).add(7, 'day').unix());
  expect(messagesAbout(app, copy)).toHaveLength(0);

  const dialog = page.getByTestId('notice-dialog').getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('通知观众：直播邀请');
  await expect(dialog.getByTestId('notice-recipients')).toContainText('4');
  await expect(dialog.getByTestId('message-preview')).toContainText(`直播邀请：${copy}`);
  await expect(dialog.getByTestId('message-preview')).not.toContainText('<div');
  await dialog.getByTestId('notice-calendar').check();
  await animationsSettled(page);
  await snap(page, '106-create-notice-1024');
  await dialog.getByTestId('notice-send').click();
  await expect(dialog).toBeHidden();

  expect(messagesAbout(app, copy), 'the invitation went out once').toHaveLength(1);
  const schedule = [...app.sim.state.schedules.values()].find((s) => s.summary === copy);
  expect(schedule, 'the live is in the attendees’ WeCom calendars').toBeTruthy();
  expect([...schedule!.attendees].sort()).toEqual([...people].sort());
  const created = simLivesTitled(copy)[0]!.livingid;
  const notices = await client.call('notices.list', { livingid: created });
  expect(notices.notices.map((n) => [n.kind, n.status, n.recipientCount])).toEqual([['created', 'sent', 4]]);
});

test('the create notice in English', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  const people = activePeople().slice(4, 7).map((u) => u.userid);
  const livingid = await liveWithAudience(client, uniqueTheme('Safety'), people);
  app.host.settings.update({ language: 'en-US' });
  try {
    await openApp(page, app.host, `lives/${livingid}`);
    await page.getByTestId('live-copy').click();
    const form = page.getByTestId('live-form');
    const copy = uniqueTheme('Safety copy');
    await form.getByTestId('live-theme').fill(copy);
    await expect(form.getByTestId('live-notify-hint')).toContainText('exact invitation');
    await form.getByTestId('live-submit').click();
    const dialog = page.getByTestId('notice-dialog').getByRole('dialog');
    await expect(dialog.getByTestId('message-preview')).toContainText(`Live invitation: ${copy}`);
    await expect(dialog.getByTestId('notice-recipients')).toContainText('3');
    await animationsSettled(page);
    await snap(page, '107-create-notice-en-1024');
    // not sending is a choice: nothing goes out, the live stays
    await page.getByTestId('notice-skip').click();
    await expect(dialog).toBeHidden();
    expect(messagesAbout(app, copy)).toHaveLength(0);
    expect(simLivesTitled(copy)).toHaveLength(1);
  } finally {
    app.host.settings.update({ language: 'zh-CN' });
  }
});

test('repeat a live weekly: WeCom refuses the second → created / failed / not sent', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  const theme = uniqueTheme('信息安全意识');
  const livingid = await liveWithAudience(client, theme, activePeople().slice(0, 2).map((u) => u.userid));
  await openApp(page, app.host, `lives/${livingid}`);
  await page.getByTestId('live-repeat').click();
  const modal = page.locator('.ant-modal').filter({ has: page.getByTestId('repeat-confirm') });
  await expect(modal).toContainText('每周');
  await modal.locator('input[data-testid=repeat-count], [data-testid=repeat-count] input').fill('3');
  await expect(modal).toContainText('将在企业微信创建 3 场直播');
  await animationsSettled(page);
  await snap(page, '108-repeat-preview-1024');

  const start = simLivesTitled(theme)[0]!.living_start;
  const fault = app.sim.faults.add({ kind: 'errcode', path: '/cgi-bin/living/create', errcode: 40058, errmsg: 'invalid living_start', skip: 1, count: 1 });
  try {
    await modal.getByTestId('repeat-confirm').click();
    const result = modal.getByTestId('repeat-result');
    const week = (n: number) => dayjs.unix(start).add(n, 'week').format('YYYY-MM-DD HH:mm');
    await expect(result).toContainText(`已创建（1）${week(1)}`);
    await expect(result.getByTestId('repeat-failed')).toContainText(`${week(2)} 的直播未创建：`);
    await expect(result.getByTestId('repeat-failed')).toContainText('40058');
    await expect(result).toContainText(`未发送（1）：失败后不再继续${week(3)}`);
    await expect(modal.getByTestId('repeat-confirm')).toHaveText(/^关\s*闭$/);
  } finally {
    app.sim.faults.remove(fault);
  }
  await snap(page, '109-repeat-result-1024');
  // WeCom holds the original and the one that was created, a week after it; the third was never sent
  const lives = simLivesTitled(theme).sort((a, b) => a.living_start - b.living_start);
  expect(lives).toHaveLength(2);
  expect(lives[1]!.living_start).toBe(dayjs.unix(lives[0]!.living_start).add(1, 'week').unix());
  const cached = await client.call('lives.get', { livingid: lives[1]!.livingid });
  expect(cached.live.theme).toBe(theme);
  await modal.getByTestId('repeat-confirm').click();
  await expect(modal).toBeHidden();

  app.host.settings.update({ language: 'en-US' });
  try {
    await page.getByTestId('live-repeat').click();
    await expect(modal).toContainText('lives will be created in WeCom');
    await animationsSettled(page);
    await snap(page, '110-repeat-preview-en-1024');
    await page.keyboard.press('Escape');
  } finally {
    app.host.settings.update({ language: 'zh-CN' });
  }
});

test('a suggested series is accepted with its lives; a learner report of it exported in English', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  // three sessions of one course, numbered as admins number them
  const people = activePeople().slice(0, 3).map((u) => u.userid);
  const sessions: string[] = [];
  for (const n of [1, 2, 3]) sessions.push(await liveWithAudience(client, `岗前安全培训（第${n}期）`, people));
  const { suggestions } = await client.call('training.seriesSuggestions', {});
  const suggestion = suggestions.find((s) => s.name === '岗前安全培训');
  expect(suggestion?.livingids).toEqual(expect.arrayContaining(sessions));

  await openApp(page, app.host, 'training');
  const card = page.getByTestId('series-suggestions');
  await expect(card).toContainText(`${suggestion!.name} · ${suggestion!.livingids.length} 场`);
  await card.scrollIntoViewIfNeeded();
  await snap(page, '111-series-suggestions-1024');
  await card.locator('.ant-list-item').filter({ hasText: suggestion!.name }).getByTestId('series-accept').click();
  await expect(page.getByTestId('series-name')).toHaveValue(suggestion!.name);
  await page.getByTestId('series-create').click();
  await expect(page.getByTestId('page-series')).toContainText(suggestion!.name);
  await expect(page.getByTestId('series-lives').locator('tbody tr.ant-table-row')).toHaveCount(suggestion!.livingids.length);
  const { series } = await client.call('training.seriesList', {});
  const saved = series.find((s) => s.name === suggestion!.name)!;
  expect(saved.lives).toBe(suggestion!.livingids.length);

  // everyone in a division (a department under the root) must attend the series; the report is read in English
  const { departments } = await client.call('org.departments', {});
  const root = departments.find((d) => !departments.some((p) => p.id === d.parentId))!;
  const top = departments.filter((d) => d.parentId === root.id).sort((a, b) => b.totalUserCount - a.totalUserCount)[0]!;
  await client.call('training.seriesSave', { id: saved.id, name: saved.name, threshold: null, required: { departments: [{ id: top.id, withSub: true }], tagIds: [], userids: [] } });
  app.host.settings.update({ language: 'en-US' });
  try {
    await page.getByTestId('nav-training').click();
    await page.getByRole('tab', { name: 'Learner report' }).click();
    const report = page.getByTestId('learner-report');
    await report.getByTestId('report-series').click();
    await page.locator('.ant-select-item-option').filter({ hasText: saved.name }).click();
    await expect(report.getByTestId('report-table').locator('tbody tr.ant-table-row').first()).toBeVisible();
    // the sessions are still to come: no completion yet, said in words
    await expect(report.getByTestId('report-chart-empty')).toContainText('None of these lives has ended yet');
    await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
    await snap(page, '112-report-en-1024');
    const [download] = await Promise.all([page.waitForEvent('download'), report.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^Learner report \d{8}-\d{8}\.xlsx$/);
    const sheet = await readSheet(readFileSync(await download.path()));
    expect(sheet[0]?.[0]).toBe('Learner report');
    expect(String(sheet[1]?.[0])).toMatch(/^Period: \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}$/);
    expect(String(sheet[2]?.[0])).toContain(saved.name);
    const header = sheet.findIndex((row) => row[0] === 'Name');
    const rows = sheet.slice(header + 1).filter((row) => row[0] !== null);
    // the period the screen chose: the series' first to last day
    const from = dayjs.unix(saved.firstStart!).startOf('day').unix();
    const to = dayjs.unix(saved.lastStart ?? saved.firstStart!).endOf('day').unix();
    const expected = await client.call('training.report', { from, to, seriesId: saved.id, departmentId: null, userid: null });
    expect(expected.rows.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(expected.rows.length);
    // completion is a real number (formatted as a percentage in Excel), never text like "99.9%"
    for (const row of rows) expect(row[6] === null || (typeof row[6] === 'number' && row[6] >= 0 && row[6] <= 1)).toBe(true);
  } finally {
    app.host.settings.update({ language: 'zh-CN' });
  }
});

/** Whether box `a` lies entirely above box `b` (no overlap). */
const above = (a: { y: number; height: number } | null, b: { y: number } | null) => a !== null && b !== null && a.y + a.height <= b.y + 0.5;
/** Whether a box lies inside the 1024×700 window. */
const inside = (box: { x: number; y: number; width: number; height: number } | null) =>
  box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= 1024 + 0.5 && box.y + box.height <= 700 + 0.5;

test('layout at 1024×700: the header sync text, the reminder counter, the profile-delete confirmation', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  const live = endedLive();
  const viewers = new Set(app.sim.state.watchRows(live.livingid).users.map((u) => u.userid));
  const absent = activePeople().filter((u) => !viewers.has(u.userid)).slice(0, 3).map((u) => u.userid);
  await client.call('training.setRequired', { livingid: live.livingid, required: { departments: [], tagIds: [], userids: absent } });
  const second = { ...app.host.settings.activeProfile()!, id: 'east-branch', name: '华东分公司（培训与人才发展中心）' };
  app.host.settings.saveProfile(second);

  for (const language of ['zh-CN', 'en-US'] as const) {
    app.host.settings.update({ language });
    const tag = language === 'zh-CN' ? 'zh' : 'en';
    try {
      // a slow sync: the header shows what it works on, cut with an ellipsis, never over the buttons
      const slow = app.sim.faults.add({ kind: 'latency', latencyMs: 1500, path: /\/cgi-bin\/(user|department)\// });
      try {
        await openApp(page, app.host, `lives/${live.livingid}`);
        await page.getByTestId('sync-button').click();
        const progress = page.getByTestId('sync-progress');
        await expect(progress).toBeVisible();
        await snap(page, `113-layout-sync-${tag}-1024`);
        // inside the window, and the label on the spinner's line (not pushed to the bar's bottom edge)
        expect(inside(await progress.boundingBox()), 'the sync progress fits the window').toBe(true);
        const spinner = await progress.getByRole('progressbar').boundingBox();
        const label = await progress.locator('.ant-typography').first().boundingBox();
        expect(Math.abs(spinner!.y + spinner!.height / 2 - (label!.y + label!.height / 2)), 'the label is level with the spinner').toBeLessThan(4);
        await page.getByTestId('sync-cancel').click();
        await expect(progress).toBeHidden();
      } finally {
        app.sim.faults.remove(slow);
      }

      // the reminder's counter sits below its box and above the buttons
      await page.getByRole('tab', { name: tag === 'zh' ? /学员/ : 'Learners' }).click();
      await page.getByTestId('remind-absentees').click();
      const note = page.getByTestId('remind-message');
      await note.fill('未完成的同事请在 3 天内观看回放。'.repeat(30).slice(0, 500));
      const dialog = page.locator('.ant-modal').filter({ has: note });
      const counter = dialog.locator('.ant-input-data-count');
      await expect(counter).toContainText('500 / 500');
      await animationsSettled(page);
      expect(above(await note.boundingBox(), await counter.boundingBox()), 'the counter is below the text').toBe(true);
      expect(above(await counter.boundingBox(), await dialog.getByTestId('remind-confirm').boundingBox()), 'the counter is above the buttons').toBe(true);
      await snap(page, `114-layout-remind-${tag}-1024`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // deleting a profile asks first, whole, inside the window
      await page.getByTestId('nav-settings').click();
      const row = page.locator('tr').filter({ hasText: second.name });
      await row.getByRole('button', { name: tag === 'zh' ? /^删\s*除$/ : 'Delete' }).click();
      const confirm = page.locator('.ant-popover:visible').filter({ hasText: second.name });
      await expect(confirm).toBeVisible();
      await animationsSettled(page);
      expect(inside(await confirm.boundingBox()), 'the confirmation fits the window').toBe(true);
      await snap(page, `115-layout-profile-delete-${tag}-1024`);
      await page.keyboard.press('Escape');
    } finally {
      app.host.settings.update({ language: 'zh-CN' });
    }
  }
  expect(app.host.settings.get().profiles.map((p) => p.id), 'nothing was deleted').toContain(second.id);
});
