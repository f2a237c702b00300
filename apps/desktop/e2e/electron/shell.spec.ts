// The Electron shell on a real machine: start-up failure, secrets, the system proxy, quitting,
// and what the fake Electron of the unit tests claims about the real one. Skipped, with the reason,
// where the Electron binary is missing.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import { binary, freshUserData, launchApp, mainEntry, mainLog, skipReason, startOnDemo, windowShowing } from './electron-app.ts';

const reason = skipReason();
if (reason) console.warn(`[electron e2e] skipped: ${reason}`);
test.skip(reason !== null, reason ?? '');

let app: ElectronApplication | null = null;
let userData = '';

test.beforeEach(() => {
  userData = freshUserData();
});

test.afterEach(async () => {
  await app?.close().catch(() => {});
  app = null;
  rmSync(userData, { recursive: true, force: true });
});

test('1. an unreadable settings file: the error and the log path are shown, the process exits 1 and frees the lock', async () => {
  // Before `ready`, Linux prints the error box to stderr; elsewhere it is a modal dialog.
  test.skip(process.platform !== 'linux', 'the start-up error box is a blocking dialog outside Linux');
  mkdirSync(path.join(userData, 'settings.json'), { recursive: true });
  const child = spawn(binary.path ?? '', [mainEntry, `--user-data-dir=${userData}`], {
    env: { ...process.env, NODE_ENV: 'production', ELECTRON_RENDERER_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(stderr).toContain(path.join(userData, 'logs', 'main.log'));
  expect(mainLog(userData)).toContain('start-up failed');

  // The lock is free: with the file fixed, the next start opens the launcher.
  rmSync(path.join(userData, 'settings.json'), { recursive: true, force: true });
  app = await launchApp(userData);
  await expect((await windowShowing(app, 'launcher.html')).getByTestId('launcher')).toBeVisible();
});

test('2. a secret survives a restart, in the keychain or the encrypted file, and the form says which', async () => {
  app = await launchApp(userData);
  let main = await startOnDemo(app);
  await main.getByTestId('nav-settings').click();
  await main.getByTestId('profile-add').click();
  const form = main.getByTestId('profile-form');
  await form.getByLabel(/名称|Name/).first().fill('E2E Corp');
  await form.getByLabel(/企业 ?ID|CorpID|Corp ID/i).fill('ww0123456789abcdef');
  await form.getByLabel(/AgentId|agentid/i).first().fill('1000002');
  await form.getByLabel(/Secret/i).first().fill('e2e-secret-value-123');
  const memoryOnly = await form.getByTestId('keychain-unavailable').isVisible();
  await main.getByTestId('profile-save').click();
  await expect(form).toBeHidden({ timeout: 30_000 });

  const file = path.join(userData, 'secrets.enc.json');
  if (existsSync(file)) expect(readFileSync(file, 'utf8')).not.toContain('e2e-secret-value-123');
  test.skip(memoryOnly, 'neither a keyring nor safeStorage here: the form said "session only", as it must');

  await app.close();
  app = await launchApp(userData);
  main = await startOnDemo(app);
  await main.getByTestId('nav-settings').click();
  await main.locator('[data-testid^="profile-edit-e2e-corp"]').first().click();
  const secret = main.getByTestId('profile-form').getByLabel(/Secret/i).first();
  await expect(secret).toHaveAttribute('placeholder', /已保存|Saved|stored/i);
  if (existsSync(file)) await expect(main.getByTestId('secrets-encrypted-file')).toContainText('secrets.enc.json');
});

test('3. the OS proxy is resolved for WeCom and handed to the services', async () => {
  const proxy = http.createServer((_req, res) => res.writeHead(502).end());
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as AddressInfo).port;
  try {
    app = await launchApp(userData, { args: [`--proxy-server=http://127.0.0.1:${port}`] });
    await startOnDemo(app);
    await expect.poll(() => mainLog(userData), { timeout: 30_000 }).toContain(`system proxy for https://qyapi.weixin.qq.com/: http://127.0.0.1:${port}`);
  } finally {
    proxy.close();
  }
});

test('5. quitting twice while the services close: one clean shutdown, and the cache opens again', async () => {
  app = await launchApp(userData);
  await startOnDemo(app);
  const closed = new Promise<void>((resolve) => app?.process().once('exit', () => resolve()));
  await app.evaluate(({ app: electronApp }) => {
    electronApp.quit();
    setTimeout(() => electronApp.quit(), 5);
  });
  await closed;
  app = null;
  const log = mainLog(userData);
  expect(log).toMatch(/services exited \(code 0\)/);
  expect(log).not.toContain('killing them');
  app = await launchApp(userData);
  await startOnDemo(app);
});

test('6. the real bridge is as strict as the fake: a copy, and a failed call rejects with a plain ServiceError', async () => {
  app = await launchApp(userData);
  const main = await startOnDemo(app);
  const seen = await main.evaluate(async () => {
    const bridge = window.wld;
    if (!bridge) throw new Error('no window.wld');
    const error = (await bridge.invoke('no.such.method' as never, {} as never).catch((e: unknown) => e)) as {
      kind?: unknown;
      code?: unknown;
      message?: unknown;
    };
    return { isError: error instanceof Error, kind: error.kind, code: error.code, hasMessage: typeof error.message === 'string' && error.message.length > 0 };
  });
  // contextBridge would keep only an Error's message; a plain object keeps its kind and code
  expect(seen).toEqual({ isError: false, kind: 'validation', code: 'UNKNOWN_METHOD', hasMessage: true });
  const ready = await app.evaluate(({ app: electronApp }) => electronApp.isReady());
  expect(ready).toBe(true);
});
