// Frequency limits per API (45009): fixed windows that start with the first call; once a window's
// budget is spent every call is refused until that window ends, like WeCom's block for the window.
import type { SimQuotas } from './types.ts';

export const DEFAULT_QUOTAS: SimQuotas = {
  perApiPerMinute: 10_000,
  perApiPerHour: 150_000,
  maxConcurrentPerApi: 64,
  gettokenPerHour: 10_000,
  watchStatPageSize: 500,
  listIdMaxLimit: 10_000,
  userListMaxRows: 30_000,
  appchatCreatePerDay: 1000,
  appchatUpdatePerHour: 1000,
  uploadimgPerDay: 1000,
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

interface WindowSpec {
  ms: number;
  limit: number;
  label: string;
}

interface WindowState {
  spec: WindowSpec;
  start: number;
  count: number;
  blockedUntil: number;
}

/** message/send is not counted against the base limits (per WeCom's doc). */
const EXEMPT = new Set(['/cgi-bin/message/send']);

function windowsFor(path: string, q: SimQuotas): WindowSpec[] {
  if (EXEMPT.has(path)) return [];
  const perMinute = { ms: MINUTE, limit: q.perApiPerMinute, label: 'per minute' };
  if (path === '/cgi-bin/gettoken')
    return [perMinute, { ms: HOUR, limit: q.gettokenPerHour, label: 'per hour' }];
  const base = [perMinute, { ms: HOUR, limit: q.perApiPerHour, label: 'per hour' }];
  if (path === '/cgi-bin/appchat/create')
    base.push({ ms: DAY, limit: q.appchatCreatePerDay, label: 'per day' });
  if (path === '/cgi-bin/appchat/update')
    base.push({ ms: HOUR, limit: q.appchatUpdatePerHour, label: 'per hour (appchat/update)' });
  if (path === '/cgi-bin/media/uploadimg') base.push({ ms: DAY, limit: q.uploadimgPerDay, label: 'per day' });
  return base;
}

export class QuotaTracker {
  private readonly quotas: SimQuotas;
  private readonly now: () => number;
  private readonly byPath = new Map<string, WindowState[]>();

  constructor(quotas: SimQuotas, now: () => number) {
    this.quotas = quotas;
    this.now = now;
  }

  /** Counts one call; returns a refusal detail when the API is over a budget, else null. O(windows). */
  admit(path: string): string | null {
    let windows = this.byPath.get(path);
    if (!windows) {
      windows = windowsFor(path, this.quotas).map((spec) => ({ spec, start: 0, count: 0, blockedUntil: 0 }));
      this.byPath.set(path, windows);
    }
    const now = this.now();
    for (const w of windows) {
      if (now < w.blockedUntil) return refusal(w, now);
    }
    let refused: string | null = null;
    for (const w of windows) {
      if (now >= w.start + w.spec.ms) {
        w.start = now;
        w.count = 0;
      }
      w.count++;
      if (w.count > w.spec.limit && refused === null) {
        w.blockedUntil = w.start + w.spec.ms;
        refused = refusal(w, now);
      }
    }
    return refused;
  }

  reset(): void {
    this.byPath.clear();
  }
}

function refusal(w: WindowState, now: number): string {
  const seconds = Math.max(1, Math.ceil((w.blockedUntil - now) / 1000));
  return `more than ${w.spec.limit} calls ${w.spec.label}, blocked for ${seconds} s`;
}
