// Statistics across lives, from the cache.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';

type Methods = 'stats.home' | 'stats.overview';

export function statsHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    'stats.home': () => {
      const result = ctx.cache().homeStats(ctx.now());
      return { ...result, ...ctx.freshness(result.asOf, 'lives', 'watch') };
    },
    'stats.overview': (input) => {
      const result = ctx.cache().statsOverview(input);
      return { ...result, ...ctx.freshness(result.asOf, 'lives', 'watch') };
    },
  };
}
