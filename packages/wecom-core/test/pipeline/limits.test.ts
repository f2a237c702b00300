// The limiter measured at the simulator: concurrency, per-window budgets and priorities.
import { afterEach, describe, expect, it } from 'vitest';
import { WeComRateLimitError } from '../../src/errors/errors.ts';
import type { ApiPipeline } from '../../src/http/pipeline.ts';
import { USER_GET, getUser, pipelineFor, scaledClock, someUserId, startSim } from './helpers.ts';
import type { SimServer } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simWith(options: Parameters<typeof startSim>[0] = {}): Promise<SimServer> {
  const sim = await startSim(options);
  cleanups.push(() => sim.close());
  return sim;
}

function track(pipeline: ApiPipeline): ApiPipeline {
  cleanups.push(() => pipeline.close());
  return pipeline;
}

describe('limiter at the simulator', () => {
  it('never has more than maxConcurrent calls of one API in flight', async () => {
    const sim = await simWith();
    const pipeline = track(pipelineFor(sim, { quotas: { buckets: { [USER_GET]: { maxConcurrent: 4 } } } }));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'latency', latencyMs: 25, path: USER_GET });
    sim.stats.reset();
    await Promise.all(Array.from({ length: 40 }, (_, i) => getUser(pipeline, someUserId(sim, i))));
    expect(sim.stats.calls(USER_GET)).toBe(40);
    expect(sim.stats.maxConcurrent(USER_GET)).toBe(4);
    expect(sim.stats.errors(45033)).toBe(0);
  });

  it('spreads calls over windows without a single 45009 from the simulator', async () => {
    // Both sides share one clock running 60x: a minute passes in 1 s. The 12 s safety margin
    // (0.2 s of wall time) absorbs event-loop stalls between admission and arrival.
    const clock = scaledClock(60);
    const sim = await simWith({ now: clock.now, quotas: { perApiPerMinute: 10 } });
    const pipeline = track(
      pipelineFor(
        sim,
        { quotas: { perApiPerMinute: 10, windowSafetyMs: 12_000, maxWindowWaitSeconds: { background: 600 } } },
        clock,
      ),
    );
    await pipeline.fetchToken();
    const before = sim.stats.calls(USER_GET);
    const users = await Promise.all(
      Array.from({ length: 30 }, (_, i) => getUser(pipeline, someUserId(sim, i), { priority: 'background' })),
    );
    expect(users).toHaveLength(30);
    expect(sim.stats.calls(USER_GET) - before).toBe(30);
    expect(sim.stats.errors(45009)).toBe(0);
  });

  it('refuses locally, without sending, when the next window is further away than the call may wait', async () => {
    const sim = await simWith({ quotas: { perApiPerMinute: 15 } });
    const pipeline = track(pipelineFor(sim, { quotas: { perApiPerMinute: 15, maxWindowWaitSeconds: { interactive: 5 } } }));
    await pipeline.fetchToken();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => getUser(pipeline, someUserId(sim, i))));
    const refused = outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason as unknown);
    expect(refused).toHaveLength(5);
    for (const error of refused) {
      expect(error).toBeInstanceOf(WeComRateLimitError);
      expect((error as WeComRateLimitError).source).toBe('local');
      expect((error as WeComRateLimitError).window).toBe('minute');
    }
    expect(sim.stats.calls(USER_GET)).toBe(15);
    expect(sim.stats.errors(45009)).toBe(0);
    const bucket = pipeline.limiter.snapshot().buckets.find((b) => b.bucket === USER_GET);
    expect(bucket).toMatchObject({ used: 15, limit: 15, windowSeconds: 60, inFlight: 0, queued: 0 });
  });

  it('sends queued interactive calls before queued background calls', async () => {
    const sim = await simWith();
    const pipeline = track(pipelineFor(sim, { quotas: { buckets: { [USER_GET]: { maxConcurrent: 1 } } } }));
    await pipeline.fetchToken();
    sim.faults.add({ kind: 'latency', latencyMs: 20, path: USER_GET });
    const order: string[] = [];
    const run = (name: string, priority: 'interactive' | 'background'): Promise<unknown> =>
      getUser(pipeline, someUserId(sim), { priority }).then(() => order.push(name));
    const calls = [run('busy', 'background')];
    for (let i = 1; i <= 4; i++) calls.push(run(`b${i}`, 'background'));
    for (let i = 1; i <= 3; i++) calls.push(run(`i${i}`, 'interactive'));
    expect(pipeline.limiter.snapshot().buckets.find((b) => b.bucket === USER_GET)?.queued).toBe(7);
    await Promise.all(calls);
    expect(order).toEqual(['busy', 'i1', 'i2', 'i3', 'b1', 'b2', 'b3', 'b4']);
  });
});
