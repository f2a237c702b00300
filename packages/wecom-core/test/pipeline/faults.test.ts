// Every simulator fault kind ends in a successful retry or the right typed error, never a crash.
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WeComError, WeComNetworkError, WeComResponseValidationError } from '../../src/errors/errors.ts';
import type { ApiPipeline } from '../../src/http/pipeline.ts';
import { USER_GET, getUser, pipelineFor, someUserId, startSim, userSchema, pipelineTracker } from './helpers.ts';
import type { SimServer } from './helpers.ts';

let sim: SimServer;
const { track, closeAll } = pipelineTracker();

async function ready(overrides: Parameters<typeof pipelineFor>[1] = {}): Promise<ApiPipeline> {
  const pipeline = track(pipelineFor(sim, overrides));
  await pipeline.fetchToken();
  return pipeline;
}

beforeAll(async () => {
  sim = await startSim();
});

afterEach(async () => {
  await closeAll();
  sim.faults.clear();
});

afterAll(async () => {
  await sim.close();
});

describe('dropped connections', () => {
  it('retries a read after a reset and succeeds', async () => {
    const pipeline = await ready();
    sim.faults.add({ kind: 'drop', path: USER_GET, count: 1 });
    const before = sim.stats.calls(USER_GET);
    await expect(getUser(pipeline, someUserId(sim))).resolves.toMatchObject({ userid: someUserId(sim) });
    expect(sim.stats.calls(USER_GET) - before).toBe(2);
  });

  it('fails with NETWORK_RESET once the retries are spent', async () => {
    const pipeline = await ready({ maxRetries: 2 });
    sim.faults.add({ kind: 'drop', path: USER_GET });
    const before = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComNetworkError);
    expect((error as WeComNetworkError).kind).toBe('reset');
    expect((error as WeComNetworkError).code).toBe('NETWORK_RESET');
    expect(sim.stats.calls(USER_GET) - before).toBe(3);
  });

  it('retries a refused connection even for a write (nothing was sent) and then reports it', async () => {
    const port = await freePort();
    const pipeline = track(pipelineFor(sim, { baseUrl: `http://127.0.0.1:${port}`, maxRetries: 1 }));
    const attempts: number[] = [];
    pipeline.onCall((event) => attempts.push(event.attempts));
    const error = await pipeline.fetchToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComNetworkError);
    expect((error as WeComNetworkError).code).toBe('NETWORK_REFUSED');
    expect(attempts).toEqual([2]);
  });
});

describe('HTTP 5xx', () => {
  it('retries a 502 and succeeds', async () => {
    const pipeline = await ready();
    sim.faults.add({ kind: 'http', status: 502, path: USER_GET, count: 2 });
    await expect(getUser(pipeline, someUserId(sim))).resolves.toMatchObject({ userid: someUserId(sim) });
  });

  it('reports a persistent 503 as HTTP_503', async () => {
    const pipeline = await ready({ maxRetries: 1 });
    sim.faults.add({ kind: 'http', status: 503, path: USER_GET });
    const before = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComNetworkError);
    expect((error as WeComNetworkError).status).toBe(503);
    expect((error as WeComNetworkError).code).toBe('HTTP_503');
    expect(sim.stats.calls(USER_GET) - before).toBe(2);
  });
});

describe('malformed bodies', () => {
  it('retries a truncated body and succeeds', async () => {
    const pipeline = await ready();
    sim.faults.add({ kind: 'malformed', path: USER_GET, count: 1 });
    await expect(getUser(pipeline, someUserId(sim))).resolves.toMatchObject({ userid: someUserId(sim) });
  });

  it('turns a body that stays malformed into RESPONSE_MALFORMED after two retries', async () => {
    const pipeline = await ready({ maxRetries: 5 });
    sim.faults.add({ kind: 'malformed', path: USER_GET });
    const before = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComResponseValidationError);
    const invalid = error as WeComResponseValidationError;
    expect(invalid.code).toBe('RESPONSE_MALFORMED');
    expect(invalid.kind).toBe('malformed');
    expect(invalid.bodySnippet).toContain('{"errcode":0');
    expect(sim.stats.calls(USER_GET) - before).toBe(3);
  });

  it('does not replay a write whose answer was garbled', async () => {
    const pipeline = await ready();
    const path = '/cgi-bin/message/send';
    sim.faults.add({ kind: 'malformed', path });
    const before = sim.stats.calls(path);
    const body = { touser: someUserId(sim), msgtype: 'text', agentid: sim.apps[0]!.agentId, text: { content: 'hi' } };
    const error = await pipeline.call({ method: 'POST', path, body, schema: userSchema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComResponseValidationError);
    expect(sim.stats.calls(path) - before).toBe(1);
  });
});

describe('latency and timeouts', () => {
  it('times out a slow answer and succeeds on the retry', async () => {
    const pipeline = await ready({ timeoutMs: 400 });
    sim.faults.add({ kind: 'latency', latencyMs: 1500, path: USER_GET, count: 1 });
    const before = sim.stats.calls(USER_GET);
    await expect(getUser(pipeline, someUserId(sim))).resolves.toMatchObject({ userid: someUserId(sim) });
    expect(sim.stats.calls(USER_GET) - before).toBe(2);
  });

  it('reports NETWORK_TIMEOUT when every attempt is too slow', async () => {
    const pipeline = await ready({ timeoutMs: 200, maxRetries: 1 });
    sim.faults.add({ kind: 'latency', latencyMs: 1000, path: USER_GET });
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComNetworkError);
    expect((error as WeComNetworkError).code).toBe('NETWORK_TIMEOUT');
    expect((error as WeComNetworkError).kind).toBe('timeout');
  });
});

describe('wrong shapes', () => {
  it('reports RESPONSE_INVALID naming the field, without retrying', async () => {
    const pipeline = await ready();
    sim.faults.add({ kind: 'wrongShape', path: USER_GET });
    const before = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComResponseValidationError);
    const invalid = error as WeComResponseValidationError;
    expect(invalid.code).toBe('RESPONSE_INVALID');
    expect(invalid.issues.map((i) => i.path)).toContain('userid');
    expect(invalid.bodySnippet).toContain('12345');
    expect(sim.stats.calls(USER_GET) - before).toBe(1);
  });
});

describe('a storm of mixed faults', () => {
  it('ends every call in a value or a WeComError', async () => {
    const pipeline = await ready({ maxRetries: 1 });
    for (const kind of ['drop', 'http', 'malformed'] as const) sim.faults.add({ kind, path: USER_GET, rate: 0.1 });
    sim.faults.add({ kind: 'errcode', errcode: -1, path: USER_GET, rate: 0.1 });
    sim.faults.add({ kind: 'wrongShape', path: USER_GET, rate: 0.05 });
    const outcomes = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => getUser(pipeline, someUserId(sim, i))));
    const rejected = outcomes.filter((o) => o.status === 'rejected');
    const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
    expect(fulfilled.length).toBeGreaterThan(100);
    for (const outcome of rejected) expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(WeComError);
    const stats = pipeline.stats.snapshot();
    const endpoint = stats.endpoints.find((e) => e.endpoint === USER_GET)!;
    expect(endpoint.successes).toBe(fulfilled.length);
    expect(endpoint.errors).toBe(rejected.length);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
