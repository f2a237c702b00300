// Runs `task` over items with at most `concurrency` in flight and yields results as they complete.
// A finished task starts the next one at once, before the consumer has taken its result, so requests
// keep flowing while the consumer works; at most `concurrency` finished results wait to be taken (a
// slower consumer pauses new tasks). Stopping early, or a failure, aborts the tasks in flight.

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export async function* mapConcurrent<T, R>(
  items: Iterable<T>,
  concurrency: number,
  task: (item: T, signal: AbortSignal) => Promise<R>,
  signal?: AbortSignal,
): AsyncGenerator<R, void, undefined> {
  const limit = Math.max(1, Math.floor(concurrency));
  const stop = new AbortController();
  const taskSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  const iterator = items[Symbol.iterator]();
  // Finished results in completion order: O(1) per completion, unlike racing all running promises.
  const ready: Settled<R>[] = [];
  let head = 0;
  let running = 0;
  let exhausted = false;
  let failed = false;
  let wake: (() => void) | null = null;

  const fill = (): void => {
    while (!exhausted && !failed && running < limit && ready.length - head < limit && !taskSignal.aborted) {
      const step = iterator.next();
      if (step.done) {
        exhausted = true;
        return;
      }
      running++;
      let started: Promise<R>;
      try {
        started = task(step.value, taskSignal);
      } catch (error) {
        started = Promise.reject(error);
      }
      started.then(
        (value) => settle({ ok: true, value }),
        (error: unknown) => settle({ ok: false, error }),
      );
    }
  };

  const settle = (result: Settled<R>): void => {
    running--;
    ready.push(result);
    if (!result.ok) failed = true;
    fill();
    const resume = wake;
    wake = null;
    resume?.();
  };

  try {
    fill();
    while (running > 0 || head < ready.length) {
      if (head === ready.length) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const result = ready[head]!;
      ready[head++] = undefined as never;
      if (head === ready.length || head > 1024) {
        // Drop taken slots; what remains is at most `concurrency` results.
        ready.splice(0, head);
        head = 0;
      }
      if (!result.ok) throw result.error;
      fill();
      yield result.value;
    }
    signal?.throwIfAborted();
  } finally {
    stop.abort();
  }
}
