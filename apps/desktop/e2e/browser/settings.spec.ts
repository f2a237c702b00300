// Settings → test connection with a wrong secret shows WeCom's error in words (40001 and its fix).
import { expect, openApp, snap, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';

let app: CorpApp;
test.beforeAll(async () => {
  app = await startCorpApp();
});
test.afterAll(async () => {
  await stopCorpApp(app);
});

test('test connection with a wrong secret explains the WeCom error', async ({ page, pageErrors }) => {
  void pageErrors;
  await page.setViewportSize({ width: 1400, height: 900 });
  await openApp(page, app.host, 'settings');
  await expect(page.getByTestId('settings-page')).toBeVisible();
  await snap(page, '60-settings');
  await page.getByTestId('profile-add').click();
  const form = page.getByTestId('profile-form');
  await expect(form).toBeVisible();
  await form.getByLabel(/名称|Name/).first().fill('错误密钥企业');
  await form.getByLabel(/企业 ?ID|CorpID|Corp ID/i).fill(app.sim.corpId);
  await form.getByLabel(/AgentId|agentid/i).first().fill(String(app.sim.apps[0]!.agentId));
  await form.getByLabel(/Secret/i).first().fill('definitely-not-the-secret');
  await page.getByTestId('test-connection').click();
  const result = page.getByTestId('test-connection-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  // in words, with the code and what to do about it
  await expect(result).toContainText('40001');
  await expect(result).toContainText(/Secret|secret|密钥/);
  await snap(page, '61-settings-test-connection-wrong-secret');
});
