import { describe, expect, it } from 'vitest';
import { alignedAxis, niceAxis } from './niceAxis.ts';

describe('niceAxis', () => {
  it('steps by 1, 2 or 5 × 10^n up to a round top at or above the largest value', () => {
    expect(niceAxis([12, 376, 80])).toEqual({ domain: [0, 400], ticks: [0, 100, 200, 300, 400] });
    expect(niceAxis([561.5])).toEqual({ domain: [0, 600], ticks: [0, 100, 200, 300, 400, 500, 600] });
    expect(niceAxis([0.37])).toEqual({ domain: [0, 0.4], ticks: [0, 0.1, 0.2, 0.3, 0.4] });
    expect(niceAxis([54])).toEqual({ domain: [0, 60], ticks: [0, 10, 20, 30, 40, 50, 60] });
  });

  it('keeps counts on whole numbers, and an empty or all-zero series on 0 to 1', () => {
    expect(niceAxis([3], { integers: true })).toEqual({ domain: [0, 3], ticks: [0, 1, 2, 3] });
    expect(niceAxis([1], { integers: true })).toEqual({ domain: [0, 1], ticks: [0, 1] });
    expect(niceAxis([], { integers: true })).toEqual({ domain: [0, 1], ticks: [0, 1] });
    expect(niceAxis([0, Number.NaN, -4])).toEqual({ domain: [0, 1], ticks: [0, 0.2, 0.4, 0.6, 0.8, 1] });
  });

  it("gives a second axis the first one's intervals, with the smallest round step that reaches its values", () => {
    const views = niceAxis([376], { integers: true });
    expect(alignedAxis([461.2], views)).toEqual({ domain: [0, 600], ticks: [0, 150, 300, 450, 600] });
    expect(alignedAxis([0.55], views)).toEqual({ domain: [0, 0.6], ticks: [0, 0.15, 0.3, 0.45, 0.6] });
    expect(alignedAxis([380], views)).toEqual({ domain: [0, 400], ticks: [0, 100, 200, 300, 400] });
    expect(alignedAxis([0.9], views)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(alignedAxis([], views)).toEqual({ domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(alignedAxis([2_100], niceAxis([5], { integers: true }))).toEqual({ domain: [0, 2500], ticks: [0, 500, 1000, 1500, 2000, 2500] });
  });
});
