// Call statistics for the API monitor: counts, success rate, latency percentiles per endpoint,
// token fetches and refreshes, the last errors; plus a per-call event hook for logging.
import type { CallEvent } from '../http/types.ts';
import type { TokenStats } from '../token/token-manager.ts';
import { LatencyRing } from './latency-ring.ts';
import type { LatencySummary } from './latency-ring.ts';
import { systemClock } from '@wld/clock';

export interface ErrorRecord {
  at: number;
  endpoint: string;
  /** The error's stable code, e.g. 'WECOM_60020' or 'NETWORK_TIMEOUT'. */
  code: string;
  name: string;
  message: string;
  errcode: number | null;
  hint: string | null;
}

export interface EndpointStats {
  endpoint: string;
  calls: number;
  successes: number;
  errors: number;
  cacheHits: number;
  /** Extra HTTP attempts beyond the first (retries and token refresh replays). */
  retries: number;
  /** Latency of calls that went to WeCom (cache hits excluded), over the last samples. */
  latency: LatencySummary;
  errorsByCode: Record<string, number>;
}

export interface StatsSnapshot {
  since: number;
  at: number;
  totalCalls: number;
  successCalls: number;
  errorCalls: number;
  /** successCalls ÷ totalCalls, null before the first call. */
  successRate: number | null;
  cacheHits: number;
  /** HTTP attempts made (first tries + retries). */
  attempts: number;
  retries: number;
  latency: LatencySummary;
  endpoints: EndpointStats[];
  tokenFetches: number;
  tokenRefreshes: number;
  tokenFailures: number;
  lastError: ErrorRecord | null;
  recentErrors: ErrorRecord[];
}

export type CallListener = (event: CallEvent) => void;

interface EndpointCounters {
  calls: number;
  successes: number;
  errors: number;
  cacheHits: number;
  retries: number;
  latency: LatencyRing;
  errorsByCode: Map<string, number>;
}

export interface ApiStatsOptions {
  /** Latency samples kept per endpoint. */
  samplesPerEndpoint?: number;
  /** Errors kept in recentErrors. */
  recentErrors?: number;
  now?: () => number;
  tokenStats?: () => TokenStats;
}

export class ApiStats {
  private readonly samplesPerEndpoint: number;
  private readonly maxRecentErrors: number;
  private readonly now: () => number;
  private readonly tokenStats: () => TokenStats | undefined;
  private readonly listeners = new Set<CallListener>();
  private endpoints = new Map<string, EndpointCounters>();
  private overall: LatencyRing;
  private recent: ErrorRecord[] = [];
  private totals = { calls: 0, successes: 0, errors: 0, cacheHits: 0, attempts: 0 };
  private since: number;

  constructor(options: ApiStatsOptions = {}) {
    this.samplesPerEndpoint = options.samplesPerEndpoint ?? 1024;
    this.maxRecentErrors = options.recentErrors ?? 50;
    this.now = options.now ?? systemClock.now;
    this.tokenStats = options.tokenStats ?? (() => undefined);
    this.overall = new LatencyRing(this.samplesPerEndpoint * 4);
    this.since = this.now();
  }

  /** Called by the pipeline once per finished call; `error` is the thrown error, if any. */
  record(event: CallEvent, error?: { code?: unknown }): void {
    const counters = this.counters(event.endpoint);
    counters.calls++;
    this.totals.calls++;
    if (event.fromCache) {
      counters.cacheHits++;
      this.totals.cacheHits++;
    } else {
      counters.latency.add(event.durationMs);
      this.overall.add(event.durationMs);
      this.totals.attempts += event.attempts;
      if (event.attempts > 1) counters.retries += event.attempts - 1;
    }
    if (event.error === null) {
      counters.successes++;
      this.totals.successes++;
    } else {
      counters.errors++;
      this.totals.errors++;
      const code = typeof error?.code === 'string' ? error.code : event.error.name;
      counters.errorsByCode.set(code, (counters.errorsByCode.get(code) ?? 0) + 1);
      this.recent.push({
        at: this.now(),
        endpoint: event.endpoint,
        code,
        name: event.error.name,
        message: event.error.message,
        errcode: event.errcode,
        hint: event.error.hint,
      });
      if (this.recent.length > this.maxRecentErrors) this.recent.shift();
    }
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A failing log listener must not fail the call.
      }
    }
  }

  onCall(listener: CallListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  snapshot(): StatsSnapshot {
    const tokens = this.tokenStats();
    const endpoints: EndpointStats[] = [];
    for (const [endpoint, c] of this.endpoints) {
      endpoints.push({
        endpoint,
        calls: c.calls,
        successes: c.successes,
        errors: c.errors,
        cacheHits: c.cacheHits,
        retries: c.retries,
        latency: c.latency.summary(),
        errorsByCode: Object.fromEntries(c.errorsByCode),
      });
    }
    endpoints.sort((a, b) => b.calls - a.calls || a.endpoint.localeCompare(b.endpoint));
    const { calls, successes, errors, cacheHits, attempts } = this.totals;
    return {
      since: this.since,
      at: this.now(),
      totalCalls: calls,
      successCalls: successes,
      errorCalls: errors,
      successRate: calls === 0 ? null : successes / calls,
      cacheHits,
      attempts,
      retries: endpoints.reduce((sum, e) => sum + e.retries, 0),
      latency: this.overall.summary(),
      endpoints,
      tokenFetches: tokens?.fetches ?? 0,
      tokenRefreshes: tokens?.refreshes ?? 0,
      tokenFailures: tokens?.failures ?? 0,
      lastError: this.recent[this.recent.length - 1] ?? null,
      recentErrors: [...this.recent].reverse(),
    };
  }

  /** Starts counting afresh (token counters live in the token manager and are not reset). */
  reset(): void {
    this.endpoints = new Map();
    this.overall = new LatencyRing(this.samplesPerEndpoint * 4);
    this.recent = [];
    this.totals = { calls: 0, successes: 0, errors: 0, cacheHits: 0, attempts: 0 };
    this.since = this.now();
  }

  private counters(endpoint: string): EndpointCounters {
    let counters = this.endpoints.get(endpoint);
    if (!counters) {
      counters = {
        calls: 0,
        successes: 0,
        errors: 0,
        cacheHits: 0,
        retries: 0,
        latency: new LatencyRing(this.samplesPerEndpoint),
        errorsByCode: new Map(),
      };
      this.endpoints.set(endpoint, counters);
    }
    return counters;
  }
}
