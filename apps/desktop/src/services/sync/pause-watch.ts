// The rate-limit pauses of the client's limiter, as a sync note: while a bucket the job waits on is
// paused (WeCom answered 45009), the user sees which API, why and until when — the limiter holds
// the calls quietly otherwise.
import type { WeComClient } from '@wld/wecom-core';
import type { SyncNote } from './sync-run.ts';
import { syncTexts } from './sync-texts.ts';

const POLL_MS = 500;

/** The longest current pause with calls waiting on it, as a note; null when nothing is paused. */
export function pauseNote(client: WeComClient): SyncNote | null {
  let longest: { bucket: string; until: number } | null = null;
  const snapshot = client.limiter.snapshot();
  for (const bucket of snapshot.buckets) {
    if (bucket.pausedUntil === null || bucket.queued + bucket.inFlight === 0) continue;
    if (!longest || bucket.pausedUntil > longest.until)
      longest = { bucket: bucket.bucket, until: bucket.pausedUntil };
  }
  if (!longest) return null;
  const note = syncTexts.waitRateLimit(longest.until, snapshot.at, 45009, longest.bucket);
  return { code: 'WAIT_RATE_LIMIT', message: note.en, params: note.params, until: longest.until };
}

/** Polls the limiter while a job runs; `onNote` gets each change. Returns the stop function. */
export function watchPauses(
  client: WeComClient,
  onNote: (note: SyncNote | null) => void,
): () => void {
  let last: string | null = null;
  const check = () => {
    const note = pauseNote(client);
    const key = note ? note.message : null;
    if (key === last) return;
    last = key;
    onNote(note);
  };
  const timer = setInterval(check, POLL_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
