// The connection state machine: unconfigured | connecting | online | offline.
// Offline starts a probe with exponential backoff; a successful probe (or connection.reconnect)
// brings the state back online and calls onReconnected (which starts a refresh). A probe that WeCom
// answers with an error is judged (`judge`): refused credentials make the state 'unconfigured' with
// that reason (no probing: only new credentials help); any other answer means WeCom is reachable.
import type { ConnectionState, ServiceError } from '../../shared/models.ts';
import { systemClock } from '@wld/clock';

export type ConnectionName = ConnectionState['state'];
export type ProbeVerdict = 'offline' | 'credentials' | 'reachable';

export interface ConnectionTrackerOptions {
  /** Newest data in the cache, for "offline, data as of …". */
  asOf: () => number | null;
  emit: (state: ConnectionState) => void;
  /** Resolves when WeCom answers, throws the failure otherwise. */
  probe: () => Promise<void>;
  toServiceError: (error: unknown) => ServiceError;
  onReconnected?: () => void;
  /** What a failed probe means; default: every failure is 'offline'. */
  judge?: (error: unknown) => ProbeVerdict;
  /** The reason shown for refused credentials; default the mapped error. */
  credentialsError?: (error: ServiceError) => ServiceError;
  backoff?: { initialMs: number; maxMs: number };
  now?: () => number;
}

export interface ConnectionTracker {
  readonly current: ConnectionState;
  readonly isOnline: boolean;
  setUnconfigured(error?: ServiceError | null): void;
  setConnecting(): void;
  setOnline(): void;
  /** Goes offline (if not already) and schedules the probe. */
  setOffline(error: ServiceError): void;
  /** Probes now; resolves with the resulting state. One probe at a time. */
  reconnect(): Promise<ConnectionState>;
  stop(): void;
}

export const DEFAULT_PROBE_BACKOFF = { initialMs: 5_000, maxMs: 5 * 60_000 };

export function createConnectionTracker(options: ConnectionTrackerOptions): ConnectionTracker {
  const now = options.now ?? systemClock.now;
  const backoff = options.backoff ?? DEFAULT_PROBE_BACKOFF;
  let state: ConnectionState = { state: 'connecting', asOf: options.asOf(), since: now(), lastError: null };
  let delay = backoff.initialMs;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let probing: Promise<ConnectionState> | null = null;
  let stopped = false;

  function transition(name: ConnectionName, lastError: ServiceError | null) {
    const changed = state.state !== name || state.lastError?.code !== lastError?.code;
    state = {
      state: name,
      asOf: options.asOf(),
      since: state.state === name ? state.since : now(),
      lastError,
    };
    if (changed) options.emit(state);
  }

  function clearTimer() {
    if (timer) clearTimeout(timer);
    timer = null;
  }

  function scheduleProbe() {
    if (stopped || timer || state.state !== 'offline') return;
    timer = setTimeout(() => {
      timer = null;
      void runProbe();
    }, delay);
    timer.unref?.();
    delay = Math.min(delay * 2, backoff.maxMs);
  }

  function runProbe(): Promise<ConnectionState> {
    probing ??= (async () => {
      const wasOnline = state.state === 'online';
      try {
        await options.probe();
        if (stopped) return state;
        delay = backoff.initialMs;
        clearTimer();
        transition('online', null);
        if (!wasOnline) options.onReconnected?.();
      } catch (error) {
        if (stopped) return state;
        const verdict = options.judge?.(error) ?? 'offline';
        const mapped = options.toServiceError(error);
        if (verdict === 'credentials') {
          clearTimer();
          transition('unconfigured', options.credentialsError?.(mapped) ?? mapped);
        } else if (verdict === 'reachable') {
          // WeCom answered (a 5xx, a busy code): reachable, the call itself failed
          delay = backoff.initialMs;
          clearTimer();
          transition('online', null);
          if (!wasOnline) options.onReconnected?.();
        } else {
          transition('offline', mapped);
          scheduleProbe();
        }
      } finally {
        probing = null;
      }
      return state;
    })();
    return probing;
  }

  return {
    get current() {
      return { ...state, asOf: options.asOf() };
    },
    get isOnline() {
      return state.state === 'online';
    },
    setUnconfigured(error = null) {
      clearTimer();
      transition('unconfigured', error);
    },
    setConnecting() {
      transition('connecting', null);
    },
    setOnline() {
      clearTimer();
      delay = backoff.initialMs;
      transition('online', null);
    },
    setOffline(error) {
      transition('offline', error);
      scheduleProbe();
    },
    reconnect() {
      if (state.state === 'unconfigured') return Promise.resolve(this.current);
      clearTimer();
      delay = backoff.initialMs;
      return runProbe();
    },
    stop() {
      stopped = true;
      clearTimer();
    },
  };
}
