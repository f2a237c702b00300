// Send a text message to a department picked from the cache; WeCom receives it; history lists it.
import type { Page } from '@playwright/test';
import { confirmUntilClosed, expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

/** Send, then the confirmation (clicked until it closes; the test's count catches a double send). */
async function sendConfirmed(page: Page) {
  await page.getByTestId('message-send').click();
  const confirm = page.locator('.ant-modal-confirm');
  await expect(confirm).toBeVisible();
  await confirmUntilClosed(confirm, /发\s*送|Send/);
}

test('send a message to a department', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 1000 });
  await openApp(page, app.host, 'messages');
  await expect(page.getByTestId('messages-page')).toBeVisible();
  const department = app.sim.state.departmentList.find((d) => d.parentid === 1)!;
  const before = app.sim.state.messages.length;

  const picker = page.getByRole('combobox', { name: '部门' });
  await picker.click();
  await picker.fill(department.name);
  await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: department.name }).first().click();
  await page.keyboard.press('Escape');
  const text = `本周五 15:00 安全培训直播，请准时参加。(${Date.now() % 10000})`;
  await page.getByTestId('content-text').fill(text);
  await expect(page.getByTestId('counter-text')).toContainText(String(Buffer.byteLength(text)));
  await snap(page, '40-messages-compose');
  await sendConfirmed(page);
  // the outcome, or the error in words (its text is in the failure if it is one)
  const failure = page.locator('.ant-alert-error');
  await expect(page.getByTestId('send-result').or(failure)).toBeVisible({ timeout: 30_000 });
  await expect(failure).toHaveCount(0);
  await expect(page.getByTestId('send-result')).toBeVisible();
  await snap(page, '41-messages-sent');

  // WeCom got it, addressed to the department
  await expect.poll(() => app.sim.state.messages.length).toBe(before + 1);
  const sent = app.sim.state.messages.at(-1)!;
  expect(JSON.stringify(sent)).toContain(text);
  expect(JSON.stringify(sent)).toContain(String(department.id));

  // the same words to the same department again: WeCom would deliver nothing, so nothing is sent and the person is told
  await page.getByTestId('content-text').fill(text);
  await sendConfirmed(page);
  await expect(failure).toContainText('未发送：同样的消息已于');
  await expect(failure).toContainText('修改内容即可立即发送');
  await expect(page.getByTestId('content-text'), 'the text stays for another try').toHaveValue(text);
  expect(app.sim.state.messages.length).toBe(before + 1);
  // and the history shows it
  await page.getByRole('tab', { name: /发送记录|History/ }).click();
  await expect(page.getByTestId('message-history')).toContainText(text.slice(0, 10));
  await snap(page, '42-messages-history');
});

test('an app group chat made, reopened and renamed: each write sent once, never by Enter', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1024, height: 700 });
  await openApp(page, app.host, 'messages');
  await page.getByRole('tab', { name: '应用群聊' }).click();
  const chatsBefore = app.sim.state.appchats.size;
  await page.getByTestId('appchat-create').click();
  const editor = page.getByTestId('appchat-editor');
  const name = editor.getByTestId('appchat-name');
  const title = `周会群 ${Date.now() % 10000}`;
  await name.fill(title);
  // with no members yet the editor says what is missing, and sends nothing
  await page.getByTestId('appchat-save').click();
  await expect(editor).toContainText('成员需要 2 到');
  expect(app.sim.state.appchats.size).toBe(chatsBefore);

  const names = app.sim.state.userList.map((u) => u.name);
  const people = app.sim.state.userList.filter((u) => u.status === 1 && names.filter((n) => n === u.name).length === 1).slice(0, 2);
  const members = editor.getByRole('combobox', { name: '成员' });
  for (const person of people) {
    await members.click();
    await members.fill(person.name);
    await page.locator('.ant-select-item-option').filter({ hasText: person.name }).first().click();
  }
  // Enter in a field never sends a form: the chat is made by its button only, and once for a double click
  await name.click();
  await name.press('Enter');
  await expect(editor).toBeVisible();
  await page.waitForTimeout(500);
  expect(app.sim.state.appchats.size).toBe(chatsBefore);
  await page.getByTestId('appchat-save').dblclick();
  await expect(editor).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => app.sim.state.appchats.size).toBe(chatsBefore + 1);
  const created = [...app.sim.state.appchats.values()].find((c) => c.name === title)!;
  expect([...created.userlist].sort()).toEqual(people.map((p) => p.userid).sort());
  await expect(page.getByTestId('appchat-table')).toContainText(title);

  // reopened and renamed: one update, the same chat
  await page.getByTestId(`appchat-edit-${created.chatid}`).click();
  await expect(editor.getByTestId('appchat-name')).toHaveValue(title);
  await editor.getByTestId('appchat-name').fill(`${title} 改`);
  await page.getByTestId('appchat-save').click();
  await expect(editor).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => app.sim.state.appchats.get(created.chatid)?.name).toBe(`${title} 改`);
  expect(app.sim.state.appchats.size).toBe(chatsBefore + 1);
  // and opened again, it shows the new name
  await page.getByTestId(`appchat-edit-${created.chatid}`).click();
  await expect(editor.getByTestId('appchat-name')).toHaveValue(`${title} 改`);
  await snap(page, '43-appchat-reopened-1024');
});
