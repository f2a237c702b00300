// The WeCom call log for the API usage: batched appends, bounded by row count and age.
import type { CacheContext } from './context.ts';
import type { ApiCallRecord, ApiCallSummary } from './types.ts';

/** Prune at most once per this many recorded calls (a count(*) per batch would be waste). */
const PRUNE_EVERY = 1000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

export function createApiCalls(ctx: CacheContext) {
  let sincePrune = 0;
  const insert = ctx.stmt(
    'INSERT INTO api_calls (endpoint, at, duration_ms, errcode, attempts, error) VALUES (?, ?, ?, ?, ?, ?)',
  );

  function pruneApiCalls(options: { maxRows?: number; olderThan?: number } = {}): number {
    const maxRows = options.maxRows ?? ctx.options.apiCallsMaxRows;
    const olderThan = options.olderThan ?? ctx.now() - ctx.options.apiCallsMaxAgeMs;
    return ctx.tx(() => {
      let removed = ctx.stmt('DELETE FROM api_calls WHERE at < ?').run(olderThan).changes;
      const newestKept = ctx
        .stmt('SELECT id FROM api_calls ORDER BY id DESC LIMIT 1 OFFSET ?')
        .pluck()
        .get(maxRows) as number | undefined;
      if (newestKept !== undefined)
        removed += ctx.stmt('DELETE FROM api_calls WHERE id <= ?').run(newestKept).changes;
      return removed;
    });
  }

  function recordApiCalls(calls: ApiCallRecord[]): void {
    if (calls.length === 0) return;
    ctx.tx(() => {
      for (const c of calls) {
        insert.run(
          c.endpoint,
          Math.trunc(c.at),
          c.durationMs,
          c.errcode ?? null,
          Math.max(1, Math.trunc(c.attempts || 1)),
          c.error ? c.error.slice(0, 500) : null,
        );
      }
    });
    sincePrune += calls.length;
    if (sincePrune >= PRUNE_EVERY) {
      sincePrune = 0;
      pruneApiCalls();
    }
  }

  function apiCallSummary(since: number): ApiCallSummary {
    const rows = ctx
      .stmt('SELECT endpoint, duration_ms, errcode FROM api_calls WHERE at >= ? ORDER BY endpoint')
      .raw()
      .all(since) as Array<[string, number, number | null]>;
    const byEndpoint = new Map<string, { durations: number[]; errors: number }>();
    let errors = 0;
    for (const [endpoint, duration, errcode] of rows) {
      let e = byEndpoint.get(endpoint);
      if (!e) {
        e = { durations: [], errors: 0 };
        byEndpoint.set(endpoint, e);
      }
      e.durations.push(duration);
      if (errcode !== 0) {
        e.errors++;
        errors++;
      }
    }
    const lastErrors = ctx
      .stmt(
        `SELECT at, endpoint, errcode, COALESCE(error, '') AS message FROM api_calls
           WHERE at >= ? AND (errcode IS NULL OR errcode != 0) ORDER BY at DESC, id DESC LIMIT 20`,
      )
      .all(since) as ApiCallSummary['lastErrors'];
    return {
      total: rows.length,
      errors,
      endpoints: [...byEndpoint].map(([endpoint, e]) => {
        const sorted = e.durations.sort((a, b) => a - b);
        return {
          endpoint,
          calls: sorted.length,
          errors: e.errors,
          p50: percentile(sorted, 50),
          p95: percentile(sorted, 95),
          p99: percentile(sorted, 99),
        };
      }),
      lastErrors,
    };
  }

  return {
    recordApiCall: (call: ApiCallRecord) => recordApiCalls([call]),
    recordApiCalls,
    pruneApiCalls,
    apiCallSummary,
  };
}
