import { describe, expect, it } from 'vitest';
import { fakeNowFromEnv, manualClock, parseInstant, startedClock } from '../src/index.ts';

describe('clock', () => {
  it('reads WLD_FAKE_NOW as an instant with a zone', () => {
    expect(fakeNowFromEnv({ WLD_FAKE_NOW: '2026-12-06T23:50:00+08:00' })).toBe(Date.UTC(2026, 11, 6, 15, 50));
    expect(fakeNowFromEnv({ WLD_FAKE_NOW: '2026-12-31T15:30:00Z' })).toBe(Date.UTC(2026, 11, 31, 15, 30));
    expect(fakeNowFromEnv({})).toBeNull();
    expect(fakeNowFromEnv({ WLD_FAKE_NOW: ' ' })).toBeNull();
  });

  it('refuses an instant without a zone or a date that does not exist', () => {
    expect(() => fakeNowFromEnv({ WLD_FAKE_NOW: '2026-12-06 23:50' })).toThrow(/ISO instant/);
    expect(parseInstant('2026-12-06T23:50:00')).toBeNull();
    expect(parseInstant('tomorrow')).toBeNull();
    expect(parseInstant('2026-13-40T00:00:00Z')).toBeNull();
  });

  it('a started clock begins at its instant and runs with the monotonic clock', () => {
    let mono = 1000;
    const clock = startedClock(Date.UTC(2026, 0, 31, 15, 30), () => mono);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 31, 15, 30));
    mono += 90_000;
    expect(clock.now()).toBe(Date.UTC(2026, 0, 31, 15, 31, 30));
  });

  it('a manual clock moves only when told', () => {
    const clock = manualClock(5);
    expect(clock.now()).toBe(5);
    clock.advance(10);
    expect(clock.now()).toBe(15);
    clock.set(100);
    expect(clock.now()).toBe(100);
  });
});
