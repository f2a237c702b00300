// Peak memory of this process while a benchmark runs, sampled on a timer.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface MemoryPeak {
  peakRssMb: number;
  /** Peak heap above the heap in use when sampling started (after a full GC). */
  peakHeapDeltaMb: number;
}

const MB = 1024 * 1024;

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
