// API usage and the cache's size.
import type { ServicesHandlers } from '../../shared/rpc.ts';
import type { ServicesContext } from '../context.ts';

type Methods = 'apiUsage.stats' | 'cache.info';

const DAY_MS = 86_400_000;
const ms = (value: number | null) => (value === null ? 0 : Math.round(value * 100) / 100);

export function apiUsageHandlers(ctx: ServicesContext): Pick<ServicesHandlers, Methods> {
  return {
    'apiUsage.stats': () => {
      const client = ctx.clientOrNull();
      const stats = client?.stats ?? null;
      const budgets = client
        ? client.limiter.snapshot().buckets.map((b) => ({ bucket: b.bucket, used: b.used, limit: b.limit, windowSeconds: b.windowSeconds }))
        : [];
      if (!stats || stats.totalCalls === 0) {
        // nothing this run yet: show the recorded log of the last day
        const since = ctx.now() - DAY_MS;
        const summary = ctx.cache().apiCallSummary(since);
        return {
          period: 'day' as const,
          since,
          total: summary.total,
          success: summary.total - summary.errors,
          errors: summary.errors,
          successRate: summary.total === 0 ? 0 : (summary.total - summary.errors) / summary.total,
          tokenFetches: stats?.tokenFetches ?? 0,
          tokenRefreshes: stats?.tokenRefreshes ?? 0,
          endpoints: summary.endpoints,
          budgets,
          lastErrors: summary.lastErrors.map((e) => ({ ...e, hint: null })),
        };
      }
      return {
        period: 'session' as const,
        since: stats.since,
        total: stats.totalCalls,
        success: stats.successCalls,
        errors: stats.errorCalls,
        successRate: stats.successRate ?? 0,
        tokenFetches: stats.tokenFetches,
        tokenRefreshes: stats.tokenRefreshes,
        endpoints: stats.endpoints.map((e) => ({
          endpoint: e.endpoint,
          calls: e.calls,
          errors: e.errors,
          p50: ms(e.latency.p50),
          p95: ms(e.latency.p95),
          p99: ms(e.latency.p99),
        })),
        budgets,
        lastErrors: stats.recentErrors.map((e) => ({
          at: e.at,
          endpoint: e.endpoint,
          errcode: e.errcode,
          // WeCom's own errmsg; the renderer explains the errcode in the app's language
          message: e.message,
          hint: e.hint,
        })),
      };
    },
    'cache.info': () => ctx.cache().info(),
  };
}
