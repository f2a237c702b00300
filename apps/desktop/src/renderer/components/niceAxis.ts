// Round steps for the charts' value axes (1, 2 or 5 × 10^n, as d3-scale picks them): recharts' own
// steps are any multiple of 0.05 × 10^n, so a trend peaking at 376 views read 0, 95, 190, 285, 380.
import { scaleLinear } from 'd3-scale';

const TICKS = 5;

/** The largest finite value, 0 for none (an axis starts at 0). */
function largest(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) if (Number.isFinite(value) && value > max) max = value;
  return max;
}

export interface NiceAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * An axis from 0 to a round number at or above the largest of `values`, with about five round ticks;
 * `integers`: the values are counts, so no tick falls between two whole numbers.
 */
export function niceAxis(values: Iterable<number>, options: { integers?: boolean } = {}): NiceAxis {
  const max = largest(values);
  const scale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(TICKS);
  const ticks = scale.ticks(TICKS);
  const top = scale.domain()[1] ?? 1;
  return { domain: [0, top], ticks: options.integers ? ticks.filter((tick) => Number.isInteger(tick)) : ticks };
}

/** Step multipliers of a second axis: finer than 1, 2, 5, so that it can share the first axis's intervals without leaving half its height empty. */
const STEP_MULTIPLIERS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * A second value axis (a chart's right-hand one) with the same number of intervals as `first`, so its
 * ticks sit on the chart's grid lines: the smallest round step that reaches the largest of `values`.
 */
export function alignedAxis(values: Iterable<number>, first: NiceAxis): NiceAxis {
  const intervals = Math.max(1, first.ticks.length - 1);
  const max = largest(values);
  const rough = (max > 0 ? max : 1) / intervals;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const multiplier = STEP_MULTIPLIERS.find((m) => m * magnitude >= rough) ?? 10;
  const step = multiplier * magnitude;
  // rounded to 12 digits: 1.5 × 0.1 is 0.15000000000000002 in binary
  const ticks = Array.from({ length: intervals + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { domain: [0, ticks[intervals] ?? step * intervals], ticks };
}
