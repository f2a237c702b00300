// An exact sliding window: the send times of at most `limit` recent sends in a growable ring.
// A new send fits when fewer than `limit` sends happened in the last window; every step is O(1)
// amortised, and memory follows real use rather than the (possibly huge) limit.

export class SlidingWindowLog {
  readonly limit: number;
  readonly windowSeconds: number;
  /** The window plus a safety margin against network jitter. */
  readonly lengthMs: number;
  private ring: Float64Array;
  private head = 0;
  private size = 0;

  constructor(limit: number, windowSeconds: number, safetyMs: number) {
    this.limit = limit;
    this.windowSeconds = windowSeconds;
    this.lengthMs = windowSeconds * 1000 + safetyMs;
    this.ring = new Float64Array(Math.min(limit, 64));
  }

  /** Sends inside the window ending now. */
  used(now: number): number {
    this.trim(now);
    return this.size;
  }

  /** The earliest time a new send fits (now when it fits at once). */
  readyAt(now: number): number {
    this.trim(now);
    if (this.size < this.limit) return now;
    return this.ring[this.head]! + this.lengthMs;
  }

  record(now: number): void {
    this.trim(now);
    if (this.size === this.limit) {
      // Only the last `limit` sends matter for the next decision.
      this.head = (this.head + 1) % this.ring.length;
      this.size--;
    } else if (this.size === this.ring.length) {
      this.grow();
    }
    this.ring[(this.head + this.size) % this.ring.length] = now;
    this.size++;
  }

  private trim(now: number): void {
    const capacity = this.ring.length;
    while (this.size > 0 && this.ring[this.head]! + this.lengthMs <= now) {
      this.head = (this.head + 1) % capacity;
      this.size--;
    }
  }

  private grow(): void {
    const next = new Float64Array(Math.min(this.limit, this.ring.length * 2));
    for (let i = 0; i < this.size; i++) next[i] = this.ring[(this.head + i) % this.ring.length]!;
    this.ring = next;
    this.head = 0;
  }
}
