// Runs `task` over items with at most `concurrency` in flight and yields results as they complete.
// The window is refilled before each yield, so a slow consumer never starves the requests, and at
// most `concurrency` results are held. Stopping early (or a failure) aborts the tasks in flight.

type Settled<R> = { id: number; ok: true; value: R } | { id: number; ok: false; error: unknown };

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
  const running = new Map<number, Promise<Settled<R>>>();
  let nextId = 0;
  let exhausted = false;

  const fill = (): void => {
    while (!exhausted && running.size < limit && !taskSignal.aborted) {
      const step = iterator.next();
      if (step.done) {
        exhausted = true;
        return;
      }
      const id = nextId++;
      let started: Promise<R>;
      try {
        started = task(step.value, taskSignal);
      } catch (error) {
        started = Promise.reject(error);
      }
      running.set(
        id,
        started.then(
          (value): Settled<R> => ({ id, ok: true, value }),
          (error: unknown): Settled<R> => ({ id, ok: false, error }),
        ),
      );
    }
  };

  try {
    fill();
    while (running.size > 0) {
      const settled = await Promise.race(running.values());
      running.delete(settled.id);
      if (!settled.ok) throw settled.error;
      fill();
      yield settled.value;
    }
    signal?.throwIfAborted();
  } finally {
    stop.abort();
  }
}
