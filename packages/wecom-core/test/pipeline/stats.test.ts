// API statistics add up, call by call, against the simulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiPipeline } from '../../src/http/pipeline.ts';
import type { CallEvent } from '../../src/http/types.ts';
import { DEPARTMENT_LIST, GETTOKEN, USER_GET, departmentListSchema, getUser, pipelineFor, someUserId, startSim } from './helpers.ts';
import type { SimServer } from './helpers.ts';

let sim: SimServer;
let pipeline: ApiPipeline;
const events: CallEvent[] = [];

beforeAll(async () => {
  sim = await startSim();
  pipeline = pipelineFor(sim, { language: 'en-US' });
  pipeline.onCall((event) => events.push(event));
  const errmsg = 'not allow to access from your ip, hint: [hint-60020], from ip: 198.51.100.4';
  // 5 good reads, 2 refused, a read then its cache hit, 2 department lists (one recovers from -1).
  for (let i = 0; i < 5; i++) await getUser(pipeline, someUserId(sim, i));
  sim.faults.add({ kind: 'errcode', errcode: 60020, errmsg, path: USER_GET, count: 2 });
  for (let i = 0; i < 2; i++) await getUser(pipeline, someUserId(sim, i)).catch(() => undefined);
  sim.faults.clear();
  await getUser(pipeline, someUserId(sim, 9), { cache: true });
  await getUser(pipeline, someUserId(sim, 9), { cache: true });
  await pipeline.call({ method: 'GET', path: DEPARTMENT_LIST, schema: departmentListSchema });
  sim.faults.add({ kind: 'errcode', errcode: -1, path: DEPARTMENT_LIST, count: 1 });
  await pipeline.call({ method: 'GET', path: DEPARTMENT_LIST, schema: departmentListSchema });
  sim.faults.clear();
});

afterAll(async () => {
  await pipeline.close();
  await sim.close();
});

describe('ApiStats', () => {
  it('counts every call once, and the parts add up to the totals', () => {
    const stats = pipeline.stats.snapshot();
    // 11 business calls + 1 gettoken.
    expect(stats.totalCalls).toBe(12);
    expect(stats.successCalls + stats.errorCalls).toBe(stats.totalCalls);
    expect(stats.errorCalls).toBe(2);
    expect(stats.successRate).toBeCloseTo(10 / 12, 10);
    expect(stats.cacheHits).toBe(1);
    expect(stats.endpoints.reduce((sum, e) => sum + e.calls, 0)).toBe(stats.totalCalls);
    expect(stats.endpoints.reduce((sum, e) => sum + e.errors, 0)).toBe(stats.errorCalls);
    expect(events).toHaveLength(stats.totalCalls);
  });

  it('breaks calls down per endpoint', () => {
    const stats = pipeline.stats.snapshot();
    const users = stats.endpoints.find((e) => e.endpoint === USER_GET)!;
    expect(users).toMatchObject({ calls: 9, successes: 7, errors: 2, cacheHits: 1, retries: 0, errorsByCode: { WECOM_60020: 2 } });
    const departments = stats.endpoints.find((e) => e.endpoint === DEPARTMENT_LIST)!;
    expect(departments).toMatchObject({ calls: 2, successes: 2, errors: 0, retries: 1 });
    expect(stats.endpoints.find((e) => e.endpoint === GETTOKEN)).toMatchObject({ calls: 1, successes: 1 });
    // HTTP attempts: 8 user/get + 3 department/list + 1 gettoken (cache hits send nothing).
    expect(stats.attempts).toBe(12);
    expect(stats.attempts - stats.retries).toBe(stats.totalCalls - stats.cacheHits);
  });

  it('reports latency percentiles from the calls that went to WeCom', () => {
    const users = pipeline.stats.snapshot().endpoints.find((e) => e.endpoint === USER_GET)!;
    expect(users.latency.samples).toBe(8);
    const { p50, p95, p99, max } = users.latency;
    expect(p50).not.toBeNull();
    expect(p50!).toBeLessThanOrEqual(p95!);
    expect(p95!).toBeLessThanOrEqual(p99!);
    expect(p99!).toBeLessThanOrEqual(max!);
  });

  it('counts token fetches and keeps the last errors with their hint', () => {
    const stats = pipeline.stats.snapshot();
    expect(stats.tokenFetches).toBe(1);
    expect(stats.tokenRefreshes).toBe(0);
    expect(stats.recentErrors).toHaveLength(2);
    expect(stats.lastError).toMatchObject({ endpoint: USER_GET, code: 'WECOM_60020', errcode: 60020, hint: 'hint-60020' });
    expect(stats.lastError?.message).toContain('198.51.100.4');
    expect(stats.recentErrors[0]).toEqual(stats.lastError);
  });

  it('emits one event per call with attempts, cache and error details', () => {
    const failed = events.filter((e) => e.error !== null);
    expect(failed).toHaveLength(2);
    expect(failed[0]).toMatchObject({ endpoint: USER_GET, method: 'GET', errcode: 60020, attempts: 1, fromCache: false });
    expect(failed[0]!.error).toMatchObject({ name: 'WeComPermissionError', hint: 'hint-60020' });
    expect(events.filter((e) => e.fromCache)).toHaveLength(1);
    const retried = events.filter((e) => e.endpoint === DEPARTMENT_LIST).map((e) => e.attempts);
    expect(retried).toEqual([1, 2]);
  });

  it('starts afresh after reset()', () => {
    const listener = events.length;
    pipeline.stats.reset();
    const stats = pipeline.stats.snapshot();
    expect(stats).toMatchObject({ totalCalls: 0, successCalls: 0, errorCalls: 0, successRate: null, endpoints: [], lastError: null });
    expect(events).toHaveLength(listener);
  });
});
