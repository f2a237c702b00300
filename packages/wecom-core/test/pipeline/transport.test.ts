// The HTTP layer through real middlemen: a forward proxy, an API gateway with a path prefix,
// required headers and compressed answers; tokens stay in the query and out of errors.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WeComNetworkError, WeComResponseValidationError } from '../../src/errors/errors.ts';
import type { ApiPipeline } from '../../src/http/pipeline.ts';
import { GETTOKEN, USER_GET, getUser, pipelineFor, someUserId, startForwardProxy, startGateway, startSim } from './helpers.ts';
import type { Compression, Middleman, SimServer } from './helpers.ts';

let sim: SimServer;
const cleanups: (() => Promise<void>)[] = [];

function track<T extends ApiPipeline | Middleman>(item: T): T {
  cleanups.push(() => item.close());
  return item;
}

beforeAll(async () => {
  sim = await startSim();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

afterAll(async () => {
  await sim.close();
});

describe('HTTP proxy', () => {
  it('sends every request through the configured proxy', async () => {
    const proxy = track(await startForwardProxy());
    const pipeline = track(pipelineFor(sim, { proxyUrl: proxy.url }));
    const before = sim.stats.calls();
    const user = await getUser(pipeline, someUserId(sim));
    expect(user.userid).toBe(someUserId(sim));
    const paths = proxy.seen.map((r) => new URL(r.url).pathname);
    expect(paths).toEqual([GETTOKEN, USER_GET]);
    expect(proxy.seen.every((r) => r.url.startsWith(sim.url))).toBe(true);
    expect(sim.stats.calls() - before).toBe(2);
  });

  it('reports an unreachable proxy as NETWORK_PROXY', async () => {
    const pipeline = track(pipelineFor(sim, { proxyUrl: `http://127.0.0.1:${await freePort()}`, maxRetries: 0 }));
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComNetworkError);
    expect((error as WeComNetworkError).kind).toBe('proxy');
    expect((error as WeComNetworkError).code).toBe('NETWORK_PROXY');
  });
});

describe('API gateway root', () => {
  for (const compress of ['gzip', 'deflate', 'br', null] satisfies Compression[]) {
    it(`appends paths to the gateway root, sends its headers and decodes ${compress ?? 'plain'} answers`, async () => {
      const gateway = track(await startGateway(sim.url, { prefix: '/wecom-gw', header: ['X-Gateway-Key', 'k-123'], compress }));
      const pipeline = track(pipelineFor(sim, { baseUrl: `${gateway.url}/wecom-gw/`, gatewayHeaders: { 'X-Gateway-Key': 'k-123' } }));
      const user = await getUser(pipeline, someUserId(sim));
      expect(user.userid).toBe(someUserId(sim));
      expect(gateway.seen.map((r) => r.url.split('?')[0])).toEqual([`/wecom-gw${GETTOKEN}`, `/wecom-gw${USER_GET}`]);
      for (const seen of gateway.seen) {
        expect(seen.headers['x-gateway-key']).toBe('k-123');
        expect(seen.headers['accept-encoding']).toContain('gzip');
        expect(seen.headers['user-agent']).toContain('WeComLiveDesk');
      }
      expect(gateway.compressed).toBe(compress ? 2 : 0);
      // access_token travels in the query only.
      expect(gateway.seen[1]!.url).toMatch(/[?&]access_token=[^&]+/);
    });
  }

  it('treats a body that fails to decompress as malformed: retried, then RESPONSE_MALFORMED', async () => {
    const gateway = track(await startGateway(sim.url, { prefix: '/gw', header: ['X-Gateway-Key', 'k'], compress: 'corrupt-gzip' }));
    const pipeline = track(pipelineFor(sim, { baseUrl: `${gateway.url}/gw`, gatewayHeaders: { 'X-Gateway-Key': 'k' } }));
    const error = await pipeline.fetchToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComResponseValidationError);
    expect((error as WeComResponseValidationError).code).toBe('RESPONSE_MALFORMED');
    expect(gateway.seen).toHaveLength(3);
  });

  it('maps a gateway refusal to HTTP_403 without retrying or leaking the token', async () => {
    const gateway = track(await startGateway(sim.url, { prefix: '/wecom-gw', header: ['X-Gateway-Key', 'k-123'], compress: null }));
    const pipeline = track(pipelineFor(sim, { baseUrl: `${gateway.url}/wecom-gw`, gatewayHeaders: { 'X-Gateway-Key': 'k-123' } }));
    await pipeline.fetchToken();
    const token = gateway.seen.length;
    const wrong = track(pipelineFor(sim, { baseUrl: `${gateway.url}/wecom-gw`, gatewayHeaders: { 'X-Gateway-Key': 'nope' } }));
    const error = await wrong.fetchToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComNetworkError);
    expect((error as WeComNetworkError).code).toBe('HTTP_403');
    expect(gateway.seen.length - token).toBe(1);
    const logged = JSON.stringify(error);
    expect(logged).not.toContain(sim.apps[0]!.secret);
    expect(logged).toContain('"corpsecret":"[redacted]"');
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
