// Behind a corporate network: the OS proxy (resolved by main) carries the services' WeCom calls
// unless Settings names a proxy, which wins; a TLS-inspecting front whose root is only in the OS
// store is trusted through the system certificates. Real sockets: a CONNECT proxy, a TLS front.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { join } from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimServer } from '@wld/wecom-sim';
import { buildTestClient } from '../../src/services/wecom/client-factory.ts';
import { chooseProxy, isLoopback } from '../../src/services/wecom/network-environment.ts';
import { trustedCertificates } from '../../src/services/wecom/system-trust.ts';
import { startSmallSimulator, tempDir, testSettings } from './helpers.ts';

interface CountingProxy {
  url: string;
  connects: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that sends everything to the simulator and records the host each request asked for:
 * absolute-form requests (plain http through a proxy) and CONNECT tunnels alike.
 */
async function countingProxy(targetPort: number): Promise<CountingProxy> {
  const connects: string[] = [];
  const server = http.createServer((req, res) => {
    const asked = new URL(req.url ?? '/', 'http://unknown');
    connects.push(asked.host);
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: `${asked.pathname}${asked.search}`, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push(req.url ?? '');
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

let sim: SimServer;
let simPort: number;
const closers: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  sim = await startSmallSimulator();
  simPort = Number(new URL(sim.url).port);
  closers.push(() => sim.close());
});
afterAll(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function testInput(baseUrl: string) {
  return { corpId: sim.corpId, agentId: sim.apps[0]!.agentId, secret: sim.apps[0]!.secret, baseUrl };
}

async function testConnection(client: ReturnType<typeof buildTestClient>) {
  try {
    return await client.auth.testConnection({});
  } finally {
    await client.close();
  }
}

describe('system proxy', () => {
  it('carries the calls when Settings has no proxy', async () => {
    const system = await countingProxy(simPort);
    closers.push(system.close);
    const client = buildTestClient(testInput(`http://wecom.test:${simPort}`), testSettings(''), undefined, {
      systemProxy: system.url,
    });
    await expect(testConnection(client)).resolves.toMatchObject({ latencyMs: expect.any(Number) });
    expect(system.connects.length).toBeGreaterThan(0);
    expect(new Set(system.connects)).toEqual(new Set([`wecom.test:${simPort}`]));
  });

  it('the proxy typed in Settings wins over the system one', async () => {
    const system = await countingProxy(simPort);
    const manual = await countingProxy(simPort);
    closers.push(system.close, manual.close);
    const settings = testSettings('', { proxyUrl: manual.url });
    const client = buildTestClient(testInput(`http://wecom.test:${simPort}`), settings, undefined, { systemProxy: system.url });
    await testConnection(client);
    expect(manual.connects.length).toBeGreaterThan(0);
    expect(system.connects).toHaveLength(0);
  });

  it('never proxies the embedded simulator or another loopback target', () => {
    expect(isLoopback('http://127.0.0.1:5000')).toBe(true);
    expect(isLoopback('http://localhost:1')).toBe(true);
    expect(isLoopback('https://qyapi.weixin.qq.com')).toBe(false);
    expect(chooseProxy('', { systemProxy: 'http://proxy:3128' }, 'http://127.0.0.1:5000')).toBeUndefined();
    expect(chooseProxy('', { systemProxy: 'http://proxy:3128' }, 'https://qyapi.weixin.qq.com')).toBe('http://proxy:3128');
  });
});

describe('system certificates', () => {
  let front: tls.Server;
  let frontUrl = '';
  let caPem = '';

  beforeAll(async () => {
    // A corporate root and a leaf for localhost it signed: what a TLS-inspecting proxy presents.
    const dir = tempDir('wld-ca-');
    closers.push(() => dir.remove());
    const file = (name: string) => join(dir.path, name);
    const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=Corp Inspection Root', '-keyout', file('ca.key'), '-out', file('ca.pem'));
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', file('leaf.key'), '-out', file('leaf.csr'));
    const ext = file('ext.cnf');
    execFileSync('sh', ['-c', `printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > '${ext}'`]);
    ssl('x509', '-req', '-in', file('leaf.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '2', '-extfile', ext, '-out', file('leaf.pem'));
    caPem = readFileSync(file('ca.pem'), 'utf8');
    front = tls.createServer({ key: readFileSync(file('leaf.key')), cert: readFileSync(file('leaf.pem')) }, (socket) => {
      const upstream = net.connect(simPort, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    frontUrl = `https://localhost:${(front.address() as net.AddressInfo).port}`;
    closers.push(() => new Promise<void>((r) => front.close(() => r())));
  });

  it('Node alone refuses the inspecting front; with the OS store trusted, the call goes through', async () => {
    const settings = testSettings('', { maxRetries: 0 });
    const untrusted = buildTestClient(testInput(frontUrl), settings, undefined, { systemProxy: null });
    await expect(testConnection(untrusted)).rejects.toThrow();

    const bundled = tls.getCACertificates('default');
    const ca = trustedCertificates((kind) => (kind === 'system' ? [caPem] : bundled));
    expect(ca).toHaveLength(bundled.length + 1);
    const trusted = buildTestClient(testInput(frontUrl), settings, undefined, { systemProxy: null, ca });
    await expect(testConnection(trusted)).resolves.toMatchObject({ latencyMs: expect.any(Number) });
  });

  it('keeps Node’s list when the OS store adds nothing, or cannot be read', () => {
    const bundled = ['A', 'B'];
    expect(trustedCertificates((kind) => (kind === 'system' ? ['B'] : bundled))).toBeUndefined();
    expect(trustedCertificates(null)).toBeUndefined();
    expect(
      trustedCertificates((kind) => {
        if (kind === 'system') throw new Error('no store');
        return bundled;
      }),
    ).toBeUndefined();
  });
});
