// A full garbage collection before a timed run, so that a run does not pay for the garbage the
// measurements before it left (the scale benchmark holds a 10M-row cache's worth of data in its
// heap: a major GC there costs a few hundred ms and lands on whichever run happens to trigger it).
// One helper for every benchmark: wecom-core's bench support, which exposes the GC.
export { collectGarbage } from '../../../../packages/wecom-core/bench/support/memory.ts';
