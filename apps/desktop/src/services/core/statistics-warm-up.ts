// Once the services are ready, the cache reads ahead what the first statistics request would read
// at once (each live's sums per 一级部门, the screen's default): at 10M watch rows that first request
// held the services' thread for 300 ms, and every window's questions waited behind it. The read goes
// a slice at a time with the event loop let run between slices, and starts a few seconds after
// ready, when the first screen's questions are answered.
import type { Cache } from '../cache/index.ts';
import { yieldToLoop } from '../sync/sync-run.ts';
import type { CoreLog } from './core-state.ts';
import { reasonOf } from '../../shared/error-reason.ts';

const WARM_UP_AFTER_MS = 3_000;

export function warmStatisticsSoon(cache: Cache, log: CoreLog): void {
  setTimeout(() => {
    // a throw before the read's first await is caught here too, not left to escape the timer
    Promise.resolve()
      .then(() => cache.warmStatistics(yieldToLoop))
      .catch((error: unknown) => {
        // nothing is lost: the first statistics request reads them itself
        log('warn', `reading the statistics ahead stopped: ${reasonOf(error)}`);
      });
  }, WARM_UP_AFTER_MS).unref();
}
