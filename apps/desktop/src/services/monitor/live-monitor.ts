// Live monitor: while online, polls get_living_info of lives that are live now or start within the
// horizon, writes them to the cache and emits `live.status` when the status or the online count
// changes. One poll at a time; polls are background-priority calls.
import type { WeComClient } from '@wld/wecom-core';
import type { EventPayload } from '../../shared/contract.ts';
import type { Cache } from '../cache/index.ts';
import { systemClock } from '@wld/clock';

export interface LiveMonitorOptions {
  cache: () => Cache;
  client: () => WeComClient;
  isOnline: () => boolean;
  emitStatus: (payload: EventPayload<'live.status'>) => void;
  /** Something changed: the lives topic should be re-read. */
  onChanged: () => void;
  /** A live left the 'living' state: its watch stats can now be completed. */
  onLiveEnded?: (livingid: string) => void;
  /** A poll failed (network errors make the connection go offline). */
  onError?: (error: unknown) => void;
  intervalMs?: number;
  horizonSeconds?: number;
  now?: () => number;
}

export interface LiveMonitor {
  start(): void;
  stop(): void;
  /** Polls now (also used by tests); resolves with the number of lives whose state changed. */
  pollNow(): Promise<number>;
  readonly running: boolean;
}

export const DEFAULT_MONITOR_INTERVAL_MS = 15_000;
const KNOWN_STATUSES = new Set([0, 1, 2, 3, 4]);

export function createLiveMonitor(options: LiveMonitorOptions): LiveMonitor {
  const now = options.now ?? systemClock.now;
  const intervalMs = options.intervalMs ?? DEFAULT_MONITOR_INTERVAL_MS;
  const horizon = options.horizonSeconds ?? 3600;
  let timer: ReturnType<typeof setInterval> | null = null;
  let polling: Promise<number> | null = null;

  async function poll(): Promise<number> {
    if (!options.isOnline()) return 0;
    const cache = options.cache();
    const client = options.client();
    const watched = cache.livesNow(now(), horizon);
    const lives = [...watched.live, ...watched.upcoming];
    let changed = 0;
    for (const before of lives) {
      const info = await client.lives.getLivingInfo(before.livingid, { priority: 'background' });
      cache.upsertLives([{ livingid: before.livingid, ...info }], now());
      const onlineCount = info.online_count ?? 0;
      if (info.status === before.status && onlineCount === before.onlineCount) continue;
      if (!KNOWN_STATUSES.has(info.status)) continue; // a status this app does not know yet: cached, not announced
      changed++;
      options.emitStatus({
        livingid: before.livingid,
        status: info.status as EventPayload<'live.status'>['status'],
        previousStatus: before.status,
        onlineCount,
      });
      if (before.status === 1 && info.status !== 1) options.onLiveEnded?.(before.livingid);
    }
    if (changed > 0) options.onChanged();
    return changed;
  }

  function pollNow(): Promise<number> {
    polling ??= poll().finally(() => {
      polling = null;
    });
    return polling;
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => {
        pollNow().catch((error: unknown) => options.onError?.(error));
      }, intervalMs);
      timer.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    pollNow,
    get running() {
      return timer !== null;
    },
  };
}
