import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../src/main/restart-policy.ts';

describe('RestartPolicy', () => {
  it('doubles the delay per crash up to the cap, then gives up past maxCrashes within the window', () => {
    const policy = new RestartPolicy({
      baseDelayMs: 500,
      maxDelayMs: 4_000,
      maxCrashes: 5,
      windowMs: 60_000,
    });
    const decisions = [0, 1_000, 2_000, 3_000, 4_000, 5_000].map((t) => policy.recordCrash(t));
    expect(decisions).toEqual([
      { action: 'restart', delayMs: 500, crashesInWindow: 1 },
      { action: 'restart', delayMs: 1_000, crashesInWindow: 2 },
      { action: 'restart', delayMs: 2_000, crashesInWindow: 3 },
      { action: 'restart', delayMs: 4_000, crashesInWindow: 4 },
      { action: 'restart', delayMs: 4_000, crashesInWindow: 5 },
      { action: 'give-up', crashesInWindow: 6 },
    ]);
  });

  it('forgets crashes older than the window, and everything on reset', () => {
    const policy = new RestartPolicy({ baseDelayMs: 500, maxCrashes: 2, windowMs: 10_000 });
    policy.recordCrash(0);
    policy.recordCrash(1_000);
    expect(policy.recordCrash(20_000)).toEqual({ action: 'restart', delayMs: 500, crashesInWindow: 1 });
    policy.recordCrash(21_000);
    expect(policy.recordCrash(22_000).action).toBe('give-up');
    policy.reset();
    expect(policy.recordCrash(23_000)).toEqual({ action: 'restart', delayMs: 500, crashesInWindow: 1 });
  });
});
