import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { createAppProtocolHandler, resolveAppFile } from '../../src/main/app-protocol.ts';
import { contentSecurityPolicy } from '../../src/main/csp.ts';
import { isAllowedExternalUrl } from '../../src/main/external-links.ts';
import { protocol, readyFakeElectron, session, shell } from './fake-electron.ts';
import { createTestApp, disposeTestApps, startToMainWindow } from './helpers.ts';

beforeEach(() => readyFakeElectron());
afterEach(() => disposeTestApps());

describe('external link allow-list', () => {
  it.each([
    'https://work.weixin.qq.com/wework_admin/frame',
    'https://open.work.weixin.qq.com/',
    'https://developer.work.weixin.qq.com/document/path/93633',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://work.weixin.qq.com/',
    'https://work.weixin.qq.com.evil.example/',
    'https://evil.example/?https://work.weixin.qq.com',
    'https://work.weixin.qq.com@evil.example/',
    'https://user:pw@work.weixin.qq.com/',
    'https://qyapi.weixin.qq.com/cgi-bin/gettoken',
    'https://work.weixin.qq.com:8443/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'app://wld/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('navigation and new windows', () => {
  it('denies every navigation and window.open; allow-listed links open in the browser', async () => {
    const test = createTestApp();
    const main = await startToMainWindow(test);
    const contents = main.webContents;

    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    contents.emit('will-navigate', event, 'https://evil.example/');
    contents.emit('will-navigate', event, 'app://wld/launcher.html');
    contents.emit('will-navigate', event, 'https://work.weixin.qq.com/');
    contents.emit('will-redirect', event, 'https://evil.example/');
    contents.emit('will-attach-webview', event, {}, {});
    expect(prevented).toBe(5);

    const open = contents.windowOpenHandler;
    if (!open) throw new Error('no window open handler');
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://developer.work.weixin.qq.com/document' })).toEqual({ action: 'deny' });
    expect(shell.openedExternal).toEqual([
      'https://work.weixin.qq.com/',
      'https://developer.work.weixin.qq.com/document',
    ]);
  });

  it('hardens the launcher too', () => {
    const { context } = createTestApp();
    context.start();
    const launcher = context.launcherWindow as unknown as { webContents: { windowOpenHandler: unknown } };
    expect(launcher.webContents.windowOpenHandler).toBeTypeOf('function');
  });
});

describe('session', () => {
  it('denies every permission request and check', async () => {
    const test = createTestApp();
    await startToMainWindow(test);
    const s = session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const granted = await new Promise<boolean>((resolve) =>
        s.permissionRequestHandler?.({}, permission, resolve),
      );
      expect(granted).toBe(false);
      expect(s.permissionCheckHandler?.({}, permission)).toBe(false);
    }
  });

  it('adds the CSP header to our pages (replacing any other), and leaves other responses alone', async () => {
    const test = createTestApp();
    await startToMainWindow(test);
    const listener = session.defaultSession.headersListener;
    if (!listener) throw new Error('no onHeadersReceived listener');
    const respond = (url: string, responseHeaders: Record<string, string[]>) =>
      new Promise<{ responseHeaders?: Record<string, string[]> }>((resolve) =>
        listener({ url, responseHeaders }, resolve),
      );

    const ours = await respond('app://wld/index.html', {
      'content-security-policy': ['default-src *'],
      'x-a': ['1'],
    });
    expect(ours.responseHeaders?.['Content-Security-Policy']).toEqual([contentSecurityPolicy()]);
    expect(ours.responseHeaders?.['content-security-policy']).toBeUndefined();
    expect(ours.responseHeaders?.['x-a']).toEqual(['1']);
    const other = await respond('https://qyapi.weixin.qq.com/cgi-bin/gettoken', {});
    expect(other.responseHeaders).toBeUndefined();
  });

  it('the production CSP allows no inline or remote script', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).not.toMatch(/https?:/);
  });

  it('registers app:// as a standard, secure scheme and serves it from the renderer folder', async () => {
    const { registerAppSchemePrivileges } = await import('../../src/main/app-protocol.ts');
    registerAppSchemePrivileges();
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const test = createTestApp();
    test.context.start();
    expect(session.defaultSession.protocol.handlers.has('app')).toBe(true);
  });
});

describe('app:// protocol', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'wld-renderer-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>main</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-abc.js'), 'export {};');
  writeFileSync(path.join(root, 'secret.txt'), 'corpsecret');
  const handler = createAppProtocolHandler(rendererDir, "default-src 'self'");

  it('serves files with their type and the CSP header', async () => {
    const page = await handler(new Request('app://wld/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>main</title>');
    const script = await handler(new Request('app://wld/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://wld/../secret.txt',
      'app://wld/%2e%2e/secret.txt',
      'app://wld/assets/..%2f..%2fsecret.txt',
      'app://wld/..%5csecret.txt',
      'app://wld/%2e%2e%2fsecret.txt',
    ]) {
      const response = await handler(new Request(url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('corpsecret');
    }
    expect(resolveAppFile(rendererDir, 'app://wld/%2e%2e%2fsecret.txt')).toBeNull();
    expect(resolveAppFile(rendererDir, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(rendererDir, 'app://wld/a%00b')).toBeNull();
    expect(resolveAppFile(rendererDir, 'app://wld/%E0%A4%A')).toBeNull();
  });

  it('answers 404 for missing assets, the app shell for client routes, 405 for writes', async () => {
    expect((await handler(new Request('app://wld/assets/missing.js'))).status).toBe(404);
    const route = await handler(new Request('app://wld/lives/123'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>main</title>');
    expect((await handler(new Request('app://wld/index.html', { method: 'POST', body: 'x' }))).status).toBe(
      405,
    );
  });
});
