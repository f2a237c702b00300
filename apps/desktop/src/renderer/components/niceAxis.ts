// Round steps for the charts' value axes (1, 2 or 5 × 10^n, as d3-scale picks them): recharts' own
// steps are any multiple of 0.05 × 10^n, so a trend peaking at 376 views read 0, 95, 190, 285, 380.
import { scaleLinear } from 'd3-scale';

const TICKS = 5;

export interface NiceAxis {
  domain: [number, number];
  ticks: number[];
}

/**
 * An axis from 0 to a round number at or above the largest of `values`, with about five round ticks;
 * `integers`: the values are counts, so no tick falls between two whole numbers.
 */
export function niceAxis(values: Iterable<number>, options: { integers?: boolean } = {}): NiceAxis {
  let max = 0;
  for (const value of values) if (Number.isFinite(value) && value > max) max = value;
  const scale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(TICKS);
  const ticks = scale.ticks(TICKS);
  const top = scale.domain()[1] ?? 1;
  return { domain: [0, top], ticks: options.integers ? ticks.filter((tick) => Number.isInteger(tick)) : ticks };
}
