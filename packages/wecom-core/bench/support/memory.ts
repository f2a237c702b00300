// Memory of this process while a benchmark runs: peaks sampled on a timer during the timed pass,
// and the retained heap (after full GCs at points inside an untimed pass) to show what is held.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full garbage collection: a timed run that starts after one does not pay for earlier garbage. */
export function collectGarbage(): void {
  gc();
}

const MB = 1024 * 1024;

export interface MemoryPeak {
  peakRssMb: number;
  /** Peak heap above the heap in use when sampling started (garbage included). */
  peakHeapDeltaMb: number;
}

export function startMemorySampler(intervalMs = 5): { stop(): MemoryPeak } {
  gc();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = (): void => {
    const now = process.memoryUsage();
    if (now.rss > peakRss) peakRss = now.rss;
    if (now.heapUsed > peakHeap) peakHeap = now.heapUsed;
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakRssMb: peakRss / MB, peakHeapDeltaMb: (peakHeap - start.heapUsed) / MB };
    },
  };
}

/** Call probe() from inside a run: a full GC, then the live heap above the start is recorded. */
export function startRetainedProbe(): { probe(): void; stop(): number } {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  return {
    probe() {
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    },
    stop() {
      return peak / MB;
    },
  };
}
