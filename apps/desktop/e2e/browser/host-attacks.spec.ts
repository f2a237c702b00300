// The browser host under attack: another site, a DNS-rebinding name, no or a wrong token, oversize
// frames and port floods. Every attempt is refused with a sentence, and nothing changes: settings,
// secrets, the cache and WeCom (the simulator) are as they were.
import { createServer, type Server } from 'node:http';
import { chromium } from '@playwright/test';
import { expect, openApp, startCorpApp, stopCorpApp, test, type CorpApp } from './app-fixture.ts';
import { closed, inbox, nextMessage, pageSocket, probeHttp, probeSocket, servedToken } from './host-probe.ts';
import { MAX_FRAME_BYTES, MAX_PORTS_PER_SOCKET } from '../../browser-host/page-messages.ts';

const WRITES = ['/cgi-bin/message/send', '/cgi-bin/living/create', '/cgi-bin/appchat/create', '/cgi-bin/living/cancel'];
const REFUSED = /Refused|拒绝/;

let app: CorpApp;
let evil: Server;
let evilUrl: string;
/** The page another site serves: it tries the host's socket with whatever token it is handed. */
const EVIL_PAGE = `<!doctype html><script>
  window.attempt = (wsUrl, token) => new Promise((resolve) => {
    const socket = new WebSocket(wsUrl, ['wld.v1', 'wld-token.' + token]);
    socket.onopen = () => { socket.send(JSON.stringify({ k: 'invoke', id: 1, method: 'settings.update', input: { network: { baseUrl: 'http://evil.example' } } })); };
    socket.onmessage = (event) => resolve({ opened: true, message: String(event.data) });
    socket.onclose = (event) => resolve({ opened: false, code: event.code });
  });
  window.steal = (url) => fetch(url).then((r) => r.text()).then((text) => ({ read: true, text }), (error) => ({ read: false, error: String(error) }));
</script>`;

async function snapshot() {
  const services = app.host.services()!;
  const vault = services.runtime.core.context.vault;
  const appName = app.profile.apps[0]!.name;
  return {
    settings: app.host.settings.get(),
    secret: await vault.get(app.profile.id, appName),
    contacts: await vault.get(app.profile.id, 'contacts'),
    writes: WRITES.map((path) => app.sim.stats.calls(path)),
    // the API call log grows with background syncs: everything else must stay put
    cacheRows: Object.fromEntries(Object.entries(services.runtime.core.cacheOrNull()?.info().rows ?? {}).filter(([table]) => table !== 'api_calls')),
  };
}

test.beforeAll(async () => {
  app = await startCorpApp();
  await app.host.services()!.initialized();
  evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(EVIL_PAGE));
  await new Promise<void>((done) => evil.listen(0, '127.0.0.1', done));
  const address = evil.address();
  evilUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
test.afterAll(async () => {
  await new Promise((done) => evil.close(done));
  await stopCorpApp(app);
});

test('another site can neither read the token nor open the socket, even with a leaked token', async ({ page }) => {
  const before = await snapshot();
  const token = await servedToken(app.host.url, 'index.html');
  await page.goto(evilUrl);
  const wsUrl = `${app.host.url.replace(/^http/, 'ws')}/__wld/ws`;
  const stolen = await page.evaluate((url) => (window as unknown as { steal(u: string): Promise<{ read: boolean }> }).steal(url), `${app.host.url}/index.html`);
  expect(stolen.read).toBe(false);
  type Attempt = { opened: boolean; code?: number };
  const attempt = (t: string) => page.evaluate(([url, tk]) => (window as unknown as { attempt(u: string, t: string): Promise<Attempt> }).attempt(url!, tk!), [wsUrl, t]);
  for (const guess of [token, 'guessed-token', '']) {
    const outcome = await attempt(guess);
    expect(outcome.opened, `socket from ${evilUrl} with token "${guess.slice(0, 6)}…"`).toBe(false);
  }
  // the same refusal, as the host words it
  const refused = await probeSocket(app.host.url, { origin: evilUrl, protocols: ['wld.v1', `wld-token.${token}`] });
  expect(refused).toMatchObject({ opened: false, status: 403 });
  expect(!refused.opened && refused.body).toMatch(/another site|其他网站/);
  expect(await snapshot()).toEqual(before);
});

test('a DNS-rebinding name is refused for the page and the socket', async () => {
  const before = await snapshot();
  const port = new URL(app.host.url).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP rebind.example 127.0.0.1'],
  });
  try {
    const page = await browser.newPage();
    const response = await page.goto(`http://rebind.example:${port}/index.html`);
    expect(response?.status()).toBe(421);
    const body = await response!.text();
    expect(body).toMatch(/another host name|主机名/);
    expect(body).not.toContain('wld-host-token');
    const socket = await page.evaluate(
      (url) =>
        new Promise<{ opened: boolean }>((resolve) => {
          const s = new WebSocket(url, ['wld.v1', 'wld-token.x']);
          s.onopen = () => resolve({ opened: true });
          s.onclose = () => resolve({ opened: false });
        }),
      `ws://rebind.example:${port}/__wld/ws`,
    );
    expect(socket.opened).toBe(false);
  } finally {
    await browser.close();
  }
  // and for a client that sends any Host it likes: no page, no token, no socket even with the real one
  const served = await probeHttp(`${app.host.url}/index.html`, { host: `rebind.example:${port}` });
  expect(served.status).toBe(421);
  expect(served.body).not.toContain('wld-host-token');
  const token = await servedToken(app.host.url, 'index.html');
  const foreignHost = await probeSocket(app.host.url, { host: `rebind.example:${port}`, origin: `http://rebind.example:${port}`, protocols: ['wld.v1', `wld-token.${token}`] });
  expect(foreignHost).toMatchObject({ opened: false, status: 421 });
  expect(await snapshot()).toEqual(before);
});

test('no token, a wrong token or no Origin: refused with a sentence', async () => {
  const before = await snapshot();
  const token = await servedToken(app.host.url, 'index.html');
  const cases = [
    { name: 'no token', options: { origin: app.host.url }, status: 401, says: /no launch token|没有携带/ },
    { name: 'wrong token', options: { origin: app.host.url, protocols: ['wld.v1', 'wld-token.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'] }, status: 401, says: /token is wrong|令牌不正确/ },
    { name: 'token of an earlier launch', options: { origin: app.host.url, protocols: ['wld.v1', `wld-token.${token.slice(0, -2)}xx`] }, status: 401, says: /token is wrong/ },
    { name: 'no Origin', options: { protocols: ['wld.v1', `wld-token.${token}`] }, status: 403, says: /no Origin/ },
  ];
  for (const { name, options, status, says } of cases) {
    const outcome = await probeSocket(app.host.url, options);
    expect(outcome, name).toMatchObject({ opened: false, status });
    expect(!outcome.opened && outcome.body, name).toMatch(says);
  }
  expect(await snapshot()).toEqual(before);
});

test('an oversize frame closes that socket (1009) and changes nothing; the host keeps serving', async () => {
  const before = await snapshot();
  const token = await servedToken(app.host.url, 'index.html');
  const socket = await pageSocket(app.host.url, token);
  const input = { network: { baseUrl: 'http://evil.example', gatewayHeaders: { 'x-pad': 'a'.repeat(MAX_FRAME_BYTES) } } };
  socket.send(JSON.stringify({ k: 'invoke', id: 1, method: 'settings.update', input }));
  expect(await closed(socket)).toBe(1009);
  const next = await pageSocket(app.host.url, token);
  const seen = inbox(next);
  next.send(JSON.stringify({ k: 'invoke', id: 2, method: 'settings.get', input: {} }));
  const answer = await nextMessage(next, seen, (m) => m.k === 'invoke-res' && m.id === 2);
  expect(answer).toMatchObject({ ok: true });
  next.close();
  expect(await snapshot()).toEqual(before);
});

test('a port flood gets the cap and a refusal for each port beyond it', async () => {
  const before = await snapshot();
  const core = app.host.services()!.runtime.core;
  const endpointsBefore = core.server.endpointCount;
  const socket = await pageSocket(app.host.url, await servedToken(app.host.url, 'index.html'));
  const seen = inbox(socket);
  const flood = 60;
  for (let i = 0; i < flood; i++) socket.send(JSON.stringify({ k: 'port-open', portId: `flood-port-${String(i).padStart(4, '0')}` }));
  const last = `flood-port-${String(flood - 1).padStart(4, '0')}`;
  await nextMessage(socket, seen, (m) => m.k === 'refused' && m.portId === last);
  const refusals = seen.filter((m) => m.k === 'refused');
  expect(refusals).toHaveLength(flood - MAX_PORTS_PER_SOCKET);
  for (const refusal of refusals) expect((refusal.error as { code: string; message: string })).toMatchObject({ code: 'TOO_MANY_PORTS', message: expect.stringMatching(REFUSED) });
  expect(core.server.endpointCount).toBe(endpointsBefore + MAX_PORTS_PER_SOCKET);
  socket.close();
  await closed(socket);
  await expect.poll(() => core.server.endpointCount).toBe(endpointsBefore);
  expect(await snapshot()).toEqual(before);
});

test('the launcher token gets the launcher’s rules; malformed messages are refused in words', async () => {
  const before = await snapshot();
  const launcher = await pageSocket(app.host.url, await servedToken(app.host.url, 'launcher.html'));
  const seen = inbox(launcher);
  const calls: Array<[string, unknown]> = [
    ['settings.update', { network: { baseUrl: 'http://evil.example' } }],
    ['profiles.save', { id: 'evil', name: 'Evil', kind: 'corp', corpId: 'x', apps: [] }],
    ['profiles.remove', { id: app.profile.id }],
  ];
  calls.forEach(([method, input], i) => launcher.send(JSON.stringify({ k: 'invoke', id: 10 + i, method, input })));
  for (let i = 0; i < calls.length; i++) {
    const answer = await nextMessage(launcher, seen, (m) => m.k === 'invoke-res' && m.id === 10 + i);
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((answer.error as { message: string }).message).toMatch(/launcher window may not call|launcher 窗口不能调用/);
  }
  launcher.send(JSON.stringify({ k: 'port-open', portId: 'launcher-port-1' }));
  const portRefusal = await nextMessage(launcher, seen, (m) => m.k === 'refused' && m.portId === 'launcher-port-1');
  expect(portRefusal.error).toMatchObject({ code: 'FORBIDDEN' });
  for (const junk of ['not json', JSON.stringify({ k: 'invoke', id: -1, method: 'settings.get' }), JSON.stringify({ k: 'port-msg', portId: '../../x', data: 1 }), JSON.stringify([1, 2])]) {
    const count = seen.filter((m) => m.k === 'refused').length;
    launcher.send(junk);
    await expect.poll(() => seen.filter((m) => m.k === 'refused').length).toBe(count + 1);
    const refusal = seen.filter((m) => m.k === 'refused').at(-1)!.error as { code: string; message: string };
    expect(refusal.code).toBe('INVALID_REQUEST');
    expect(refusal.message).toMatch(REFUSED);
    expect(refusal.message).not.toMatch(/^\s*[[{]/);
  }
  launcher.close();
  expect(await snapshot()).toEqual(before);
});

test('the app page gets readable sentences for invalid settings and ids, and nothing is saved', async ({ page, pageErrors }) => {
  void pageErrors;
  const before = await snapshot();
  await openApp(page, app.host);
  const refusals = await page.evaluate(async () => {
    const wld = (window as unknown as { wld: { invoke(m: string, i: unknown): Promise<unknown> } }).wld;
    const attempts: Array<[string, unknown]> = [
      ['settings.update', { network: { baseUrl: 'file:///etc/passwd' } }],
      ['settings.update', { network: { proxyUrl: 'socks5://evil.example:1080' } }],
      ['settings.update', { network: { gatewayHeaders: { 'x-key': 'v\r\nInjected: 1' } } }],
      ['settings.update', { network: { gatewayHeaders: { 'bad name': 'v' } } }],
      ['profiles.save', { id: '../evil', name: 'Evil', kind: 'corp', corpId: 'ww1', apps: [] }],
      ['profiles.save', { id: 'evil', name: 'Evil\u0000', kind: 'corp', corpId: 'ww1', apps: [{ name: 'a/b', agentId: 1 }] }],
      ['profiles.activate', { id: 'x'.repeat(100_000) }],
    ];
    const out: string[] = [];
    for (const [method, input] of attempts) {
      try {
        await wld.invoke(method, input);
        out.push(`ACCEPTED ${method}`);
      } catch (error) {
        out.push((error as Error).message);
      }
    }
    return out;
  });
  for (const message of refusals) {
    expect(message).not.toMatch(/^ACCEPTED/);
    expect(message).toMatch(/Invalid input for|的输入无效/);
    expect(message).not.toMatch(/"code"|"path"|ZodError|^\s*[[{]/);
    expect(message.length).toBeLessThan(1200);
  }
  expect(await snapshot()).toEqual(before);
});

test.afterEach(async () => {
  // every attack left the app usable: the page's own socket still answers
  const socket = await pageSocket(app.host.url, await servedToken(app.host.url, 'index.html'));
  const seen = inbox(socket);
  socket.send(JSON.stringify({ k: 'invoke', id: 99, method: 'app.info', input: {} }));
  expect(await nextMessage(socket, seen, (m) => m.k === 'invoke-res' && m.id === 99)).toMatchObject({ ok: true });
  socket.close();
});
