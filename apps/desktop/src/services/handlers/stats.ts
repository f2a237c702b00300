// Statistics across lives, from the cache.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';
import { yieldToLoop } from '../sync/sync-run.ts';

type Methods = 'stats.home' | 'stats.overview';

export function statsHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    'stats.home': () => {
      const result = ctx.cache().homeStats(ctx.now());
      return { ...result, ...ctx.freshness(result.asOf, 'lives', 'watch') };
    },
    'stats.overview': async (input) => {
      // the per-live sums a first request would read whole (200–500 ms at 10M watch rows), a slice
      // at a time with the other windows' questions answered between slices; then the cache of
      // now (a profile switched meanwhile closed the one read)
      await ctx.cache().readStatisticsFor(input, yieldToLoop);
      const result = ctx.cache().statsOverview(input);
      return { ...result, ...ctx.freshness(result.asOf, 'lives', 'watch') };
    },
  };
}
