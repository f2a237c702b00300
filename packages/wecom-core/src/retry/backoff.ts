// Exponential backoff with full jitter: a random delay in [0, min(cap, base · 2^retry)), so that many
// clients failing together do not come back together.

export function fullJitterDelay(retry: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}
