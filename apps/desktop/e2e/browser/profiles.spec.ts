// Corps kept apart: a second corp added without a system keychain (its secret kept for the session
// only) is activated, switched away from and back to; no page ever draws the other corp's people, and
// the session-only secret survives each switch (a services restart).
import { startSimulator, type SimServer } from '@wld/wecom-sim';
import type { Page } from '@playwright/test';
import { confirmUntilClosed, expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
let simB: SimServer;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  app = await startCorpApp();
  simB = await startSimulator({ seed: 11, size: { users: 150, departments: 12, lives: 8, maxViewers: 100, tags: 4 } });
});
test.afterAll(async () => {
  await stopCorpApp(app);
  await simB.close();
});

/** Records, from now on, whether any of `names` is ever drawn (a MutationObserver: every frame's DOM). */
async function watchForNames(page: Page, names: string[]): Promise<void> {
  await page.evaluate((list) => {
    const w = window as unknown as { __leaked: string[]; __watcher?: MutationObserver };
    w.__watcher?.disconnect();
    w.__leaked = [];
    const check = () => {
      const text = document.body.textContent ?? '';
      for (const name of list) if (text.includes(name) && !w.__leaked.includes(name)) w.__leaked.push(name);
    };
    w.__watcher = new MutationObserver(check);
    w.__watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, names);
}
const leaked = (page: Page) => page.evaluate(() => (window as unknown as { __leaked: string[] }).__leaked);

/** A switch restarts the services on the new corp's cache: that is not a crash, and is not told as one. */
const CRASH_WORDS = ['意外退出', '后台服务已重启'];

/**
 * Activates a profile from Settings (no people listed there); from the click on, `forbidden` names
 * must never be drawn, nor the words of a services crash.
 */
async function activate(page: Page, profileId: string, forbidden: string[]): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await watchForNames(page, [...forbidden, ...CRASH_WORDS]);
  await page.getByTestId(`profile-activate-${profileId}`).click();
  // the confirmation, clicked until it closes (switching twice to the same profile changes nothing)
  const confirm = page.getByRole('dialog');
  await expect(confirm).toBeVisible();
  await confirmUntilClosed(confirm, /确\s*定|OK/, { hideTimeout: 5_000, timeout: 60_000 });
}

async function usersTotal(page: Page, count: number): Promise<void> {
  await page.getByTestId('nav-org').click();
  await expect(page.getByTestId('users-total')).toHaveText(new RegExp(`共 ${count} 人`), { timeout: 60_000 });
}

test('switching corps back and forth never shows the other corp; a session-only secret survives each switch', async ({ page, pageErrors }) => {
  void pageErrors;
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  // names of one corp that appear nowhere (not even inside a longer name) in the other
  const textA = app.sim.state.userList.map((u) => u.name).join('|');
  const textB = simB.state.userList.map((u) => u.name).join('|');
  const onlyA = app.sim.state.userList.filter((u) => u.status === 1 && !textB.includes(u.name)).map((u) => u.name);
  const onlyB = simB.state.userList.filter((u) => u.status === 1 && !textA.includes(u.name)).map((u) => u.name);
  const totalA = app.sim.state.userList.length;
  const totalB = simB.state.userList.length;

  await openApp(page, app.host, 'org');
  await expect(page.getByTestId('users-total')).toContainText(String(totalA), { timeout: 60_000 });

  // a second corp, on its own WeCom address; no keychain in this run: its secrets are session-only
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('profile-add').click();
  const form = page.getByTestId('profile-form');
  await expect(form.getByTestId('keychain-unavailable')).toBeVisible();
  // every label of the form points at its own field: no id shared with the network section behind it
  const sharedIds = await page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const element of document.querySelectorAll('[id]')) seen.set(element.id, (seen.get(element.id) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([id]) => id);
  });
  expect(sharedIds, 'ids used twice in the page').toEqual([]);
  await form.getByLabel(/此企业配置的接口地址或网关|address or gateway/).fill('https://example.invalid');
  await expect(form.getByTestId('profile-base-url')).toHaveValue('https://example.invalid');
  await form.getByLabel(/名称|Name/).first().fill('Beta Corp');
  await form.getByLabel(/企业 ?ID|CorpID|Corp ID/i).fill(simB.corpId);
  await form.getByTestId('profile-base-url').fill(simB.url);
  await form.getByLabel(/AgentId|agentid/i).first().fill(String(simB.apps[0]!.agentId));
  await form.getByLabel(/^Secret$/).first().fill(simB.apps[0]!.secret);
  await form.getByLabel(/通讯录同步 Secret|Contacts/).fill(simB.contactsSecret);
  await page.getByTestId('profile-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('session-only-beta-corp')).toBeVisible();
  await snap(page, '70-profiles-second-corp-session-only');

  // a second window left open on A's people: it must follow the switch, not keep showing A
  const other = await page.context().newPage();
  await other.setViewportSize({ width: 1400, height: 900 });
  await openApp(other, app.host, 'org');
  await expect(other.getByTestId('users-total')).toHaveText(new RegExp(`共 ${totalA} 人`), { timeout: 60_000 });
  // every DOM change there: once the pages are drawn for B (the scope marker says so), none of A's names
  await other.evaluate((names) => {
    const w = window as unknown as { __mixed: string[] };
    w.__mixed = [];
    new MutationObserver(() => {
      if (!document.querySelector('[data-testid="profile-scope"][data-profile="beta-corp"]')) return;
      const text = document.body.textContent ?? '';
      for (const name of names) if (text.includes(name) && !w.__mixed.includes(name)) w.__mixed.push(name);
    }).observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  }, onlyA.slice(0, 200));

  // to B: from the click on, nothing of A is drawn, and B's secret (session only) is still there
  await activate(page, 'beta-corp', onlyA.slice(0, 200));
  await usersTotal(page, totalB);
  await expect(other.getByTestId('users-total')).toHaveText(new RegExp(`共 ${totalB} 人`), { timeout: 30_000 });
  expect(await other.evaluate(() => (window as unknown as { __mixed: string[] }).__mixed)).toEqual([]);
  await snap(other, '75-profiles-second-window-followed');
  await other.close();
  await expect(page.getByTestId('connection-state')).toContainText(/已连接|Connected/, { timeout: 30_000 });
  await expect(page.getByText('未找到应用 Secret')).toHaveCount(0);
  await page.getByTestId('users-search').fill(onlyB[0]!);
  await expect(page.getByTestId('users-table')).toContainText(onlyB[0]!);
  await snap(page, '71-profiles-corp-b-org');
  expect(await leaked(page)).toEqual([]);
  await page.getByTestId('nav-home').click();
  await snap(page, '72-profiles-corp-b-home');

  // back to A: A's own cache, none of B's people
  await activate(page, app.profile.id, onlyB.slice(0, 200));
  await usersTotal(page, totalA);
  await snap(page, '73-profiles-back-to-corp-a');
  expect(await leaked(page)).toEqual([]);

  // and to B again: the session-only secret survived two services restarts
  await activate(page, 'beta-corp', onlyA.slice(0, 200));
  await usersTotal(page, totalB);
  await expect(page.getByTestId('connection-state')).toContainText(/已连接|Connected/, { timeout: 30_000 });
  expect(await leaked(page)).toEqual([]);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('profile-edit-beta-corp').click();
  await expect(page.getByTestId('secret-storage-0')).toHaveAttribute('data-storage', 'session');
  await snap(page, '74-profiles-secret-where-kept');
});
