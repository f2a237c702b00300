// Keeps a log of WeCom calls in the cache (for the API usage across restarts), written in batches.
import type { CallEvent, WeComClient } from '@wld/wecom-core';
import type { ApiCallRecord, Cache } from '../cache/index.ts';

const FLUSH_MS = 1_000;
const MAX_BUFFER = 5_000;

export interface ApiCallLog {
  flush(): void;
  stop(): void;
}

export function recordApiCalls(client: WeComClient, cache: () => Cache | null): ApiCallLog {
  let buffer: ApiCallRecord[] = [];
  const flush = () => {
    const target = cache();
    if (!target || buffer.length === 0) return;
    const calls = buffer;
    buffer = [];
    try {
      target.recordApiCalls(calls);
    } catch {
      // the log is a convenience: a closed or busy cache loses a second of it
    }
  };
  const unsubscribe = client.onCall((event: CallEvent) => {
    if (event.fromCache) return;
    if (buffer.length >= MAX_BUFFER) buffer.shift();
    buffer.push({
      endpoint: event.endpoint,
      at: event.startedAt,
      durationMs: event.durationMs,
      errcode: event.errcode,
      attempts: event.attempts,
      error: event.error ? event.error.message.slice(0, 300) : null,
    });
  });
  const timer = setInterval(flush, FLUSH_MS);
  timer.unref?.();
  return {
    flush,
    stop() {
      clearInterval(timer);
      unsubscribe();
      flush();
    },
  };
}
