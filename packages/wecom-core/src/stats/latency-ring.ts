// The last N latencies of one endpoint in a fixed ring: bounded memory, recent behaviour, and
// percentiles computed only when someone asks.

export interface LatencySummary {
  samples: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export class LatencyRing {
  private readonly ring: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(size: number) {
    this.ring = new Float64Array(size);
  }

  add(ms: number): void {
    this.ring[this.next] = ms;
    this.next = (this.next + 1) % this.ring.length;
    if (this.filled < this.ring.length) this.filled++;
  }

  summary(): LatencySummary {
    if (this.filled === 0) return { samples: 0, p50: null, p95: null, p99: null, max: null };
    const sorted = this.ring.slice(0, this.filled).sort();
    return {
      samples: this.filled,
      p50: nearestRank(sorted, 0.5),
      p95: nearestRank(sorted, 0.95),
      p99: nearestRank(sorted, 0.99),
      max: sorted[sorted.length - 1]!,
    };
  }
}

/** Nearest-rank percentile of an ascending array. */
export function nearestRank(sorted: ArrayLike<number>, fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1]!;
}
