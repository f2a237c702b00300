// Main resolves the OS proxy (session.resolveProxy, PAC included) for WeCom's host and hands it to
// the services with `init`, and again when it changes.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fake-electron.ts'));

import { proxyUrlFromPac } from '../../src/main/system-proxy.ts';
import { lastServices, readyFakeElectron, session } from './fake-electron.ts';
import { createTestApp, disposeTestApps } from './helpers.ts';

beforeEach(() => readyFakeElectron());
afterEach(() => disposeTestApps());

describe('system proxy', () => {
  it('reads the first http(s) proxy of a PAC answer', () => {
    expect(proxyUrlFromPac('DIRECT')).toBeNull();
    expect(proxyUrlFromPac('PROXY 10.0.0.8:3128; DIRECT')).toBe('http://10.0.0.8:3128');
    expect(proxyUrlFromPac('SOCKS5 10.0.0.9:1080; HTTPS proxy.corp.example:443')).toBe('https://proxy.corp.example');
    expect(proxyUrlFromPac('SOCKS5 10.0.0.9:1080')).toBeNull();
    expect(proxyUrlFromPac('')).toBeNull();
  });

  it('is resolved for WeCom’s host and sent with init; the Settings base URL is resolved when it changes', async () => {
    session.defaultSession.proxyFor = (url) => (url.includes('gateway.corp') ? 'PROXY 10.0.0.9:8080' : 'PROXY 10.0.0.8:3128; DIRECT');
    const test = createTestApp();
    test.context.start();
    await vi.waitFor(() => expect(session.defaultSession.resolvedProxies).toEqual(['https://qyapi.weixin.qq.com/']));
    await new Promise((r) => setTimeout(r, 0));
    const services = lastServices();
    services.say({ type: 'ready' });
    expect(services.postedOf('init')[0]?.message.systemProxy).toBe('http://10.0.0.8:3128');

    test.settings.update({ network: { ...test.settings.get().network, baseUrl: 'https://gateway.corp.example/wecom' } });
    await vi.waitFor(() =>
      expect(services.postedOf('systemProxy').map((p) => p.message)).toEqual([{ type: 'systemProxy', url: 'http://10.0.0.9:8080' }]),
    );
    expect(session.defaultSession.resolvedProxies).toEqual(['https://qyapi.weixin.qq.com/', 'https://gateway.corp.example/wecom']);
  });
});
