// The limiter on its own, in virtual time: budgets, concurrency, priorities, pauses, aborts.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import type { BucketQuota } from '../../src/config.ts';
import { WeComAbortError, WeComRateLimitError } from '../../src/errors/errors.ts';
import { RateLimiter } from '../../src/limit/rate-limiter.ts';
import { SlidingWindowLog } from '../../src/limit/sliding-window-log.ts';
import { VirtualTime, settle } from './virtual-time.ts';

const BUCKET = '/cgi-bin/user/get';

function limiterWith(time: VirtualTime, bucket: BucketQuota, extra: Record<string, unknown> = {}): RateLimiter {
  const config = parseConfig({
    corpId: 'ww',
    apps: [{ name: 'a', agentId: 1, secret: 's' }],
    quotas: { windowSafetyMs: 0, buckets: { [BUCKET]: bucket }, ...extra },
  });
  return new RateLimiter({ quotas: config.quotas, clock: time, language: 'en-US' });
}

describe('SlidingWindowLog', () => {
  it('admits `limit` sends per window and says when the next one fits', () => {
    const log = new SlidingWindowLog(3, 60, 0);
    for (const t of [0, 10_000, 20_000]) {
      expect(log.readyAt(t)).toBe(t);
      log.record(t);
    }
    expect(log.readyAt(30_000)).toBe(60_000);
    expect(log.readyAt(60_000)).toBe(60_000);
    log.record(60_000);
    expect(log.used(60_000)).toBe(3);
    expect(log.readyAt(60_001)).toBe(70_000);
  });

  it('grows past its initial capacity without losing order', () => {
    const log = new SlidingWindowLog(1000, 60, 0);
    for (let i = 0; i < 1000; i++) log.record(i);
    expect(log.used(999)).toBe(1000);
    expect(log.readyAt(999)).toBe(60_000);
    expect(log.used(60_500)).toBe(499);
  });
});

describe('RateLimiter', () => {
  it('never admits more than a window allows, nor more than maxConcurrent at once', async () => {
    const time = new VirtualTime();
    const limiter = limiterWith(time, { perMinute: 5, maxConcurrent: 2 }, { maxWindowWaitSeconds: { interactive: 3600, background: 3600 } });
    const admitted: number[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    let finished = 0;
    const calls = Array.from({ length: 23 }, (_, i) =>
      limiter.acquire(BUCKET, i % 3 === 0 ? 'interactive' : 'background').then(async (permit) => {
        admitted.push(time.now());
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await time.sleep(7_000);
        inFlight--;
        permit.release();
        finished++;
      }),
    );
    for (let i = 0; i < 400 && finished < 23; i++) await time.advance(1_000);
    await Promise.all(calls);
    expect(admitted).toHaveLength(23);
    expect(maxInFlight).toBe(2);
    for (const start of admitted) {
      const inWindow = admitted.filter((t) => t >= start && t < start + 60_000).length;
      expect(inWindow).toBeLessThanOrEqual(5);
    }
    // It also used the budget: 23 sends at 5 per minute need more than 4 windows, not many more.
    expect(admitted[22]! - admitted[0]!).toBeGreaterThanOrEqual(4 * 60_000);
    expect(admitted[22]! - admitted[0]!).toBeLessThan(5 * 60_000);
    expect(time.pendingTimers).toBe(0);
  });

  it('lets interactive calls jump ahead of queued background calls', async () => {
    const time = new VirtualTime();
    const limiter = limiterWith(time, { maxConcurrent: 1 });
    const first = await limiter.acquire(BUCKET, 'background');
    const order: string[] = [];
    const grant = (name: string, priority: 'interactive' | 'background'): Promise<void> =>
      limiter.acquire(BUCKET, priority).then((permit) => {
        order.push(name);
        permit.release();
      });
    const waiting = [grant('b1', 'background'), grant('b2', 'background'), grant('b3', 'background'), grant('i1', 'interactive'), grant('i2', 'interactive')];
    expect(limiter.snapshot().buckets[0]?.queued).toBe(5);
    first.release();
    await Promise.all(waiting);
    expect(order).toEqual(['i1', 'i2', 'b1', 'b2', 'b3']);
  });

  it('rejects at once when the budget window is further away than the call may wait', async () => {
    const time = new VirtualTime();
    const limiter = limiterWith(time, { perHour: 2 }, { maxWindowWaitSeconds: { interactive: 60, background: 7200 } });
    (await limiter.acquire(BUCKET)).release();
    (await limiter.acquire(BUCKET)).release();
    const refused = await limiter.acquire(BUCKET, 'interactive').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WeComRateLimitError);
    const error = refused as WeComRateLimitError;
    expect(error.source).toBe('local');
    expect(error.window).toBe('hour');
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.errcode).toBe(45009);
    // A background call may wait that long: it is queued, then admitted when the hour is over.
    let admitted = false;
    const background = limiter.acquire(BUCKET, 'background').then((p) => ((admitted = true), p));
    await time.advance(3_599_000);
    expect(admitted).toBe(false);
    await time.advance(1_000);
    (await background).release();
    expect(admitted).toBe(true);
  });

  it('pauses one bucket for a 45009 window while other buckets keep going', async () => {
    const time = new VirtualTime();
    const limiter = limiterWith(time, {});
    const permit = await limiter.acquire(BUCKET);
    permit.release();
    const pause = limiter.noteRateLimited(BUCKET, permit.admittedAt);
    expect(pause.window).toBe('minute');
    expect(pause.until - time.now()).toBe(60_000);
    // Answers to sends admitted before the pause belong to the same burst: no escalation.
    expect(limiter.noteRateLimited(BUCKET, permit.admittedAt).window).toBe('minute');

    let paused = false;
    const waiting = limiter.acquire(BUCKET).then((p) => ((paused = true), p));
    const other = await limiter.acquire('/cgi-bin/department/list');
    other.release();
    const snapshot = limiter.snapshot().buckets.find((b) => b.bucket === BUCKET);
    expect(snapshot?.pausedUntil).toBe(pause.until);
    expect(snapshot?.queued).toBe(1);
    await time.advance(59_999);
    expect(paused).toBe(false);
    await time.advance(1);
    const resumed = await waiting;
    resumed.release();
    // A new 45009 for a send after the pause, with no success in between: the minute once more,
    // then the hour.
    expect(limiter.noteRateLimited(BUCKET, resumed.admittedAt).window).toBe('minute');
    await time.advance(60_000);
    const again = await limiter.acquire(BUCKET);
    again.release();
    expect(limiter.noteRateLimited(BUCKET, again.admittedAt).window).toBe('hour');
    // A success resets the escalation.
    limiter.noteSuccess(BUCKET);
    await time.advance(3_600_000);
    const afterHour = await limiter.acquire(BUCKET);
    afterHour.release();
    expect(limiter.noteRateLimited(BUCKET, afterHour.admittedAt).window).toBe('minute');
  });

  it('halves concurrency after 45033 and recovers with successes', async () => {
    const time = new VirtualTime();
    const limiter = limiterWith(time, { maxConcurrent: 8 });
    const permits = await Promise.all(Array.from({ length: 8 }, () => limiter.acquire(BUCKET)));
    limiter.noteConcurrencyLimited(BUCKET);
    for (const p of permits) p.release();
    expect(limiter.snapshot().buckets[0]?.effectiveConcurrent).toBe(4);
    for (let i = 0; i < 20; i++) limiter.noteSuccess(BUCKET);
    expect(limiter.snapshot().buckets[0]?.effectiveConcurrent).toBe(5);
  });

  it('removes an aborted waiter and its timer', async () => {
    const time = new VirtualTime();
    const limiter = limiterWith(time, { perMinute: 1 });
    (await limiter.acquire(BUCKET)).release();
    const controller = new AbortController();
    const waiting = limiter.acquire(BUCKET, 'interactive', controller.signal);
    await settle();
    expect(time.pendingTimers).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(WeComAbortError);
    expect(time.pendingTimers).toBe(0);
    expect(limiter.snapshot().buckets[0]?.queued).toBe(0);
  });

  it('rejects queued calls when closed', async () => {
    const time = new VirtualTime();
    const limiter = limiterWith(time, { maxConcurrent: 1 });
    await limiter.acquire(BUCKET);
    const waiting = limiter.acquire(BUCKET);
    limiter.close();
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeComAbortError);
    expect((error as WeComAbortError).code).toBe('CLIENT_CLOSED');
  });
});
