// The connection state machine: offline starts a probe with backoff; success goes online once.
import { describe, expect, it } from 'vitest';
import type { ConnectionState, ServiceError } from '../../src/shared/models.ts';
import { createConnectionTracker } from '../../src/services/connection/connection-tracker.ts';
import { waitFor } from './helpers.ts';

const down: ServiceError = { kind: 'network', code: 'NETWORK_REFUSED', message: 'down' };

describe('connection tracker', () => {
  it('probes while offline until WeCom answers', async () => {
    const events: ConnectionState[] = [];
    const probeTimes: number[] = [];
    let answer = false;
    let reconnected = 0;
    const tracker = createConnectionTracker({
      asOf: () => 1234,
      emit: (state) => events.push(state),
      probe: async () => {
        probeTimes.push(Date.now());
        if (!answer) throw new Error('down');
        if (probeTimes.length < 3) throw new Error('still down');
      },
      toServiceError: () => down,
      onReconnected: () => reconnected++,
      backoff: { initialMs: 10, maxMs: 40 },
    });
    tracker.setOnline();
    tracker.setOffline(down);
    expect(tracker.current).toMatchObject({ state: 'offline', asOf: 1234, lastError: down });
    await waitFor(() => probeTimes.length >= 2, 'two probes');
    answer = true;
    await waitFor(() => tracker.isOnline, 'the probe to succeed');
    expect(reconnected).toBe(1);
    expect(events.map((e) => e.state)).toEqual(['online', 'offline', 'online']);
    // it kept probing on its own after failures
    expect(probeTimes.length).toBeGreaterThanOrEqual(3);
    tracker.stop();
  });

  it('reconnect probes at once and a WeCom error (not a network one) keeps the reason', async () => {
    const denied: ServiceError = { kind: 'wecom', code: 'WECOM_60020', errcode: 60020, message: 'IP not trusted' };
    const tracker = createConnectionTracker({
      asOf: () => null,
      emit: () => {},
      probe: async () => {
        throw new Error('60020');
      },
      toServiceError: () => denied,
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    });
    tracker.setConnecting();
    const state = await tracker.reconnect();
    expect(state).toMatchObject({ state: 'offline', lastError: denied });
    tracker.setUnconfigured();
    expect((await tracker.reconnect()).state).toBe('unconfigured');
    tracker.stop();
  });
});
