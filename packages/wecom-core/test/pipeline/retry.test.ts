// Each retry class against the simulator: backoff, token refresh, rate-limit window, never.
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  WeComAbortError,
  WeComAuthError,
  WeComPermissionError,
  WeComRateLimitError,
  WeComServerError,
} from '../../src/errors/errors.ts';
import type { ApiPipeline } from '../../src/http/pipeline.ts';
import type { CallEvent } from '../../src/http/types.ts';
import {
  DEPARTMENT_LIST,
  GETTOKEN,
  USER_GET,
  departmentListSchema,
  getUser,
  pipelineFor,
  scaledClock,
  someUserId,
  startSim,
  pipelineTracker,
} from './helpers.ts';
import type { SimServer } from './helpers.ts';

let sim: SimServer;
const { track, closeAll } = pipelineTracker();

function lastEvent(pipeline: ApiPipeline): () => CallEvent | undefined {
  let last: CallEvent | undefined;
  pipeline.onCall((event) => {
    if (event.endpoint !== GETTOKEN) last = event;
  });
  return () => last;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (condition()) return;
    await delay(5);
  }
  throw new Error(`timed out waiting for ${what}`);
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

describe("retry class 'backoff'", () => {
  it('retries -1 (system busy) and then succeeds', async () => {
    const pipeline = track(pipelineFor(sim));
    const event = lastEvent(pipeline);
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'errcode', errcode: -1, path: USER_GET, count: 2 });
    const before = sim.stats.calls(USER_GET);
    const user = await getUser(pipeline, someUserId(sim));
    expect(user.userid).toBe(someUserId(sim));
    expect(sim.stats.calls(USER_GET) - before).toBe(3);
    expect(event()?.attempts).toBe(3);
    expect(pipeline.stats.snapshot().retries).toBe(2);
  });

  it('gives up on -1 after maxRetries with a WeComServerError', async () => {
    const pipeline = track(pipelineFor(sim, { maxRetries: 2 }));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'errcode', errcode: -1, path: USER_GET });
    const before = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComServerError);
    expect((error as WeComServerError).code).toBe('WECOM_-1');
    expect(sim.stats.calls(USER_GET) - before).toBe(3);
  });

  it('backs off on 45033 and lowers the concurrency of that API only', async () => {
    const pipeline = track(pipelineFor(sim));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'errcode', errcode: 45033, path: USER_GET, count: 1 });
    const before = sim.stats.calls(USER_GET);
    await getUser(pipeline, someUserId(sim));
    expect(sim.stats.calls(USER_GET) - before).toBe(2);
    const buckets = pipeline.limiter.snapshot().buckets;
    const userBucket = buckets.find((b) => b.bucket === USER_GET);
    expect(userBucket?.effectiveConcurrent).toBeLessThan(userBucket!.maxConcurrent);
    expect(buckets.find((b) => b.bucket === GETTOKEN)?.effectiveConcurrent).toBe(32);
  });

  it('does not replay a write after an ambiguous failure, but does retry a busy answer', async () => {
    const pipeline = track(pipelineFor(sim));
    await pipeline.fetchToken();
    const path = '/cgi-bin/message/send';
    sim.faults.add({ kind: 'http', status: 502, path, count: 1 });
    const body = { touser: someUserId(sim), msgtype: 'text', agentid: sim.apps[0]!.agentId, text: { content: 'hi' } };
    const schema = departmentListSchema.pick({ errcode: true });
    const before = sim.stats.calls(path);
    await expect(pipeline.call({ method: 'POST', path, body, schema })).rejects.toMatchObject({ code: 'HTTP_502' });
    expect(sim.stats.calls(path) - before).toBe(1);
    // -1 means WeCom did not act: safe to send again.
    sim.faults.add({ kind: 'errcode', errcode: -1, path, count: 1 });
    await expect(pipeline.call({ method: 'POST', path, body, schema })).resolves.toMatchObject({ errcode: 0 });
    expect(sim.stats.calls(path) - before).toBe(3);
  });

  it('stops a backoff wait at once when the call is aborted', async () => {
    const pipeline = track(pipelineFor(sim, { retryDelayMs: 60_000, maxRetryDelayMs: 60_000 }, { random: () => 0.99 }));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'errcode', errcode: -1, path: USER_GET });
    const controller = new AbortController();
    const call = getUser(pipeline, someUserId(sim), { signal: controller.signal });
    await until(() => sim.stats.errors(-1) > 0, 'the first -1');
    controller.abort();
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComAbortError);
    expect((error as WeComAbortError).code).toBe('ABORTED');
  });
});

describe("retry class 'token'", () => {
  for (const errcode of [40014, 42001]) {
    it(`refreshes the token and retries once on ${errcode}`, async () => {
      const pipeline = track(pipelineFor(sim));
      await pipeline.fetchToken();
      sim.faults.add({ kind: 'errcode', errcode, path: USER_GET, count: 1 });
      const tokensBefore = sim.stats.calls(GETTOKEN);
      const callsBefore = sim.stats.calls(USER_GET);
      await getUser(pipeline, someUserId(sim));
      expect(sim.stats.calls(GETTOKEN) - tokensBefore).toBe(1);
      expect(sim.stats.calls(USER_GET) - callsBefore).toBe(2);
    });
  }

  it('never loops: a second token error fails with WeComAuthError', async () => {
    const pipeline = track(pipelineFor(sim));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'errcode', errcode: 40014, path: USER_GET });
    const tokensBefore = sim.stats.calls(GETTOKEN);
    const callsBefore = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComAuthError);
    expect((error as WeComAuthError).errcode).toBe(40014);
    expect(sim.stats.calls(USER_GET) - callsBefore).toBe(2);
    expect(sim.stats.calls(GETTOKEN) - tokensBefore).toBe(1);
  });

  it('treats 40001 on a business call as a stale token: refresh and retry once', async () => {
    const pipeline = track(pipelineFor(sim));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'errcode', errcode: 40001, path: USER_GET, count: 1 });
    const tokensBefore = sim.stats.calls(GETTOKEN);
    await getUser(pipeline, someUserId(sim));
    expect(sim.stats.calls(GETTOKEN) - tokensBefore).toBe(1);
  });
});

describe("retry class 'never'", () => {
  it('fails at once on 60020 with the IP from errmsg in the message', async () => {
    const pipeline = track(pipelineFor(sim, { language: 'en-US' }));
    await pipeline.fetchToken();
    const errmsg =
      'not allow to access from your ip, hint: [1700000000_abc123], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';
    sim.faults.add({ kind: 'errcode', errcode: 60020, errmsg, path: USER_GET });
    const before = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComPermissionError);
    const permission = error as WeComPermissionError;
    expect(sim.stats.calls(USER_GET) - before).toBe(1);
    expect(permission.code).toBe('WECOM_60020');
    expect(permission.message).toContain('203.0.113.7');
    expect(permission.messages.zh).toContain('203.0.113.7');
    expect(permission.fromIp).toBe('203.0.113.7');
    expect(permission.hint).toBe('1700000000_abc123');
    expect(permission.endpoint).toBe(USER_GET);
    expect(permission.request?.query.userid).toBe(someUserId(sim));
    expect(JSON.stringify(permission)).not.toMatch(/access_token/);
  });
});

describe("retry class 'window' (45009)", () => {
  it('waits for the window of that API while other APIs keep going', async () => {
    // 30x time: the one-minute window passes in 2 s of wall time, ample for the other calls.
    const clock = scaledClock(30);
    const pipeline = track(pipelineFor(sim, {}, clock));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'errcode', errcode: 45009, path: USER_GET, count: 1 });
    const before = sim.stats.calls(USER_GET);
    let resolvedAt: number | null = null;
    const limited = getUser(pipeline, someUserId(sim)).then((user) => ((resolvedAt = clock.now()), user));
    await until(() => pipeline.limiter.snapshot().buckets.some((b) => b.bucket === USER_GET && b.pausedUntil !== null), 'the pause');
    const paused = pipeline.limiter.snapshot().buckets.find((b) => b.bucket === USER_GET)!;
    expect(paused.pauseWindow).toBe('minute');

    const others = await Promise.all(
      Array.from({ length: 10 }, () => pipeline.call({ method: 'GET', path: DEPARTMENT_LIST, schema: departmentListSchema })),
    );
    expect(others).toHaveLength(10);
    expect(resolvedAt).toBeNull();

    const user = await limited;
    expect(user.userid).toBe(someUserId(sim));
    expect(resolvedAt!).toBeGreaterThanOrEqual(paused.pausedUntil!);
    expect(sim.stats.calls(USER_GET) - before).toBe(2);
  });

  it('gives up with WeComRateLimitError when an interactive call would wait for the hour window', async () => {
    const clock = scaledClock(200);
    const pipeline = track(pipelineFor(sim, {}, clock));
    await pipeline.fetchToken();
    // minute, minute again, then the hour
    sim.faults.add({ kind: 'errcode', errcode: 45009, path: USER_GET, count: 3 });
    const before = sim.stats.calls(USER_GET);
    const error = await getUser(pipeline, someUserId(sim)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComRateLimitError);
    const limited = error as WeComRateLimitError;
    expect(limited.window).toBe('hour');
    expect(limited.source).toBe('server');
    expect(limited.retryAfterMs).toBeGreaterThan(60_000);
    expect(sim.stats.calls(USER_GET) - before).toBe(3);
  });
});
