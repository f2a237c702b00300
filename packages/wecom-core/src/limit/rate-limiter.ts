// Per-bucket budgets (default bucket = API path): sliding windows (minute, hour, day, month), bounded
// concurrency, and two priorities ('interactive' goes before 'background'). A send is recorded the
// moment it is admitted, so the limiter never admits more than a window allows. One timer per
// blocked bucket at most; every call is O(1) amortised.
import type { QuotaConfig } from '../config.ts';
import type { Clock } from '../http/clock.ts';
import type { Language, Priority } from '../http/types.ts';
import { rateLimitGiveUpError } from '../errors/classify.ts';
import { WeComAbortError } from '../errors/errors.ts';
import type { RateLimitWindow, WeComRateLimitError } from '../errors/errors.ts';
import { Fifo } from './fifo.ts';
import { SlidingWindowLog } from './sliding-window-log.ts';

const WINDOW_SECONDS: Record<RateLimitWindow, number> = {
  minute: 60,
  hour: 3600,
  day: 86_400,
  month: 30 * 86_400,
};

/** Successes needed before a bucket cut down by 45033 may run one more call at a time again. */
const CONCURRENCY_RECOVERY_SUCCESSES = 20;

export interface WindowSnapshot {
  window: RateLimitWindow;
  used: number;
  limit: number;
  windowSeconds: number;
}

export interface BucketSnapshot {
  bucket: string;
  /** The busiest window (highest used ÷ limit). */
  used: number;
  limit: number;
  windowSeconds: number;
  inFlight: number;
  queued: number;
  maxConcurrent: number;
  /** Below maxConcurrent after WeCom answered 45033; recovers with successes. */
  effectiveConcurrent: number;
  pausedUntil: number | null;
  pauseWindow: RateLimitWindow | null;
  windows: WindowSnapshot[];
}

export interface LimiterSnapshot {
  at: number;
  buckets: BucketSnapshot[];
}

/** Proof of an admitted send; release it once the response is read. */
export class Permit {
  readonly bucket: string;
  /** When the send was admitted (the limiter's clock). */
  readonly admittedAt: number;
  private readonly onRelease: (permit: Permit) => void;
  private released = false;

  constructor(bucket: string, admittedAt: number, onRelease: (permit: Permit) => void) {
    this.bucket = bucket;
    this.admittedAt = admittedAt;
    this.onRelease = onRelease;
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    this.onRelease(this);
  }
}

interface Waiter {
  bucket: Bucket;
  resolve: (permit: Permit) => void;
  reject: (error: Error) => void;
  /** Latest acceptable admission time (enqueue time + the priority's wait bound). */
  deadline: number;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  done: boolean;
}

interface Bucket {
  name: string;
  windows: { window: RateLimitWindow; log: SlidingWindowLog }[];
  maxConcurrent: number;
  effectiveConcurrent: number;
  successesSinceCut: number;
  inFlight: number;
  interactive: Fifo<Waiter>;
  background: Fifo<Waiter>;
  queued: number;
  pausedUntil: number;
  pauseStartedAt: number;
  pauseWindow: RateLimitWindow | null;
  /** 45009s without a success in between: minute, then hour, then day. */
  strikes: number;
  /** Set by readyAt(): which window holds the bucket back. */
  blockedBy: RateLimitWindow;
  timer: AbortController | null;
  timerAt: number;
}

export interface RateLimiterOptions {
  quotas: QuotaConfig;
  clock: Clock;
  language: Language;
}

export class RateLimiter {
  private readonly quotas: QuotaConfig;
  private readonly clock: Clock;
  private readonly language: Language;
  private readonly buckets = new Map<string, Bucket>();
  private readonly releaseFn = (permit: Permit): void => this.onRelease(permit);
  private closed = false;

  constructor(options: RateLimiterOptions) {
    this.quotas = options.quotas;
    this.clock = options.clock;
    this.language = options.language;
  }

  /**
   * Waits for a slot in the bucket. Rejects with WeComRateLimitError (source 'local') when the wait
   * would exceed the priority's bound, and with WeComAbortError when aborted or closed.
   */
  acquire(bucketName: string, priority: Priority = 'interactive', signal?: AbortSignal): Promise<Permit> {
    if (this.closed) return Promise.reject(new WeComAbortError(bucketName, this.language, 'closed'));
    if (signal?.aborted) return Promise.reject(new WeComAbortError(bucketName, this.language, 'aborted', signal.reason));
    const bucket = this.bucket(bucketName);
    const now = this.clock.now();
    const ready = this.readyAt(bucket, now);
    if (bucket.queued === 0 && bucket.inFlight < bucket.effectiveConcurrent && ready <= now) {
      return Promise.resolve(this.admit(bucket, now));
    }
    const bound = this.boundMs(priority);
    if (ready - now > bound) return Promise.reject(this.giveUp(bucket, ready - now));
    return new Promise<Permit>((resolve, reject) => {
      const waiter: Waiter = { bucket, resolve, reject, deadline: now + bound, signal, onAbort: undefined, done: false };
      if (signal) {
        waiter.onAbort = () => this.abortWaiter(waiter);
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      (priority === 'interactive' ? bucket.interactive : bucket.background).push(waiter);
      bucket.queued++;
      this.pump(bucket);
    });
  }

  /**
   * WeCom answered 45009 for a send admitted at `admittedAt`: pause the bucket for the window.
   * Answers to sends admitted before the current pause began belong to the same burst and do not
   * escalate. A new strike right after a pause means the window was longer than thought, but one
   * 45009 after a minute's wait is as likely a burst (or a busy WeCom) as the hour's budget: the
   * minute is tried twice before the hour, and the hour before the day (minute, minute, hour, day).
   * A success resets the count.
   */
  noteRateLimited(bucketName: string, admittedAt: number): { until: number; window: RateLimitWindow } {
    const bucket = this.bucket(bucketName);
    const now = this.clock.now();
    if (bucket.pauseWindow !== null && admittedAt <= bucket.pauseStartedAt) {
      return { until: bucket.pausedUntil, window: bucket.pauseWindow };
    }
    bucket.strikes++;
    const window: RateLimitWindow = bucket.strikes <= 2 ? 'minute' : bucket.strikes === 3 ? 'hour' : 'day';
    const until = window === 'day' ? nextLocalMidnight(now) : now + WINDOW_SECONDS[window] * 1000;
    this.pause(bucketName, until, window);
    return { until: bucket.pausedUntil, window };
  }

  /** Holds every send of the bucket until `until`; other buckets are unaffected. */
  pause(bucketName: string, until: number, window: RateLimitWindow): void {
    const bucket = this.bucket(bucketName);
    if (until > bucket.pausedUntil) {
      bucket.pausedUntil = until;
      bucket.pauseWindow = window;
    }
    bucket.pauseStartedAt = this.clock.now();
    this.pump(bucket);
  }

  /** WeCom answered 45033: halve the bucket's concurrency; successes bring it back step by step. */
  noteConcurrencyLimited(bucketName: string): void {
    const bucket = this.bucket(bucketName);
    const busy = Math.min(bucket.effectiveConcurrent, bucket.inFlight + 1);
    bucket.effectiveConcurrent = Math.max(1, Math.floor(busy / 2));
    bucket.successesSinceCut = 0;
  }

  noteSuccess(bucketName: string): void {
    const bucket = this.buckets.get(bucketName);
    if (!bucket) return;
    bucket.strikes = 0;
    if (bucket.effectiveConcurrent < bucket.maxConcurrent && ++bucket.successesSinceCut >= CONCURRENCY_RECOVERY_SUCCESSES) {
      bucket.effectiveConcurrent++;
      bucket.successesSinceCut = 0;
      this.pump(bucket);
    }
  }

  snapshot(): LimiterSnapshot {
    const now = this.clock.now();
    const buckets: BucketSnapshot[] = [];
    for (const bucket of this.buckets.values()) {
      const windows = bucket.windows.map(({ window, log }) => ({
        window,
        used: log.used(now),
        limit: log.limit,
        windowSeconds: log.windowSeconds,
      }));
      let busiest = windows[0]!;
      for (const w of windows) if (w.used / w.limit > busiest.used / busiest.limit) busiest = w;
      buckets.push({
        bucket: bucket.name,
        used: busiest.used,
        limit: busiest.limit,
        windowSeconds: busiest.windowSeconds,
        inFlight: bucket.inFlight,
        queued: bucket.queued,
        maxConcurrent: bucket.maxConcurrent,
        effectiveConcurrent: bucket.effectiveConcurrent,
        pausedUntil: bucket.pausedUntil > now ? bucket.pausedUntil : null,
        pauseWindow: bucket.pausedUntil > now ? bucket.pauseWindow : null,
        windows,
      });
    }
    return { at: now, buckets };
  }

  /** Rejects every queued call with WeComAbortError ('closed') and stops all timers. */
  close(): void {
    this.closed = true;
    for (const bucket of this.buckets.values()) {
      this.cancelTimer(bucket);
      for (const waiter of [...bucket.interactive.drain(), ...bucket.background.drain()]) {
        if (waiter.done) continue;
        this.settle(waiter);
        waiter.reject(new WeComAbortError(bucket.name, this.language, 'closed'));
      }
    }
  }

  private bucket(name: string): Bucket {
    let bucket = this.buckets.get(name);
    if (!bucket) {
      bucket = this.createBucket(name);
      this.buckets.set(name, bucket);
    }
    return bucket;
  }

  private createBucket(name: string): Bucket {
    const quota = this.quotas.buckets[name] ?? {};
    const safety = this.quotas.windowSafetyMs;
    const windows: Bucket['windows'] = [];
    const add = (window: RateLimitWindow, limit: number | undefined): void => {
      if (limit !== undefined) windows.push({ window, log: new SlidingWindowLog(limit, WINDOW_SECONDS[window], safety) });
    };
    add('minute', quota.perMinute ?? this.quotas.perApiPerMinute);
    add('hour', quota.perHour ?? this.quotas.perApiPerHour);
    add('day', quota.perDay);
    add('month', quota.perMonth);
    const maxConcurrent = quota.maxConcurrent ?? this.quotas.maxConcurrentPerApi;
    return {
      name,
      windows,
      maxConcurrent,
      effectiveConcurrent: maxConcurrent,
      successesSinceCut: 0,
      inFlight: 0,
      interactive: new Fifo<Waiter>(),
      background: new Fifo<Waiter>(),
      queued: 0,
      pausedUntil: 0,
      pauseStartedAt: 0,
      pauseWindow: null,
      strikes: 0,
      blockedBy: 'minute',
      timer: null,
      timerAt: 0,
    };
  }

  private boundMs(priority: Priority): number {
    return this.quotas.maxWindowWaitSeconds[priority] * 1000;
  }

  /** The earliest time the bucket's windows and pause admit a send (concurrency aside). */
  private readyAt(bucket: Bucket, now: number): number {
    let ready = now;
    if (bucket.pausedUntil > now) {
      ready = bucket.pausedUntil;
      bucket.blockedBy = bucket.pauseWindow ?? 'minute';
    }
    for (const { window, log } of bucket.windows) {
      const at = log.readyAt(now);
      if (at > ready) {
        ready = at;
        bucket.blockedBy = window;
      }
    }
    return ready;
  }

  private admit(bucket: Bucket, now: number): Permit {
    for (const { log } of bucket.windows) log.record(now);
    bucket.inFlight++;
    return new Permit(bucket.name, now, this.releaseFn);
  }

  private onRelease(permit: Permit): void {
    const bucket = this.buckets.get(permit.bucket);
    if (!bucket) return;
    bucket.inFlight--;
    if (bucket.queued > 0) this.pump(bucket);
  }

  /** Admits queued calls while the bucket allows; otherwise sets one timer for when it will. */
  private pump(bucket: Bucket): void {
    if (this.closed) return;
    while (bucket.queued > 0 && bucket.inFlight < bucket.effectiveConcurrent) {
      const now = this.clock.now();
      const ready = this.readyAt(bucket, now);
      if (ready > now) {
        this.rejectPastDeadline(bucket, ready, now);
        if (bucket.queued > 0) this.schedule(bucket, ready);
        return;
      }
      const waiter = this.nextWaiter(bucket);
      if (!waiter) return;
      this.settle(waiter);
      waiter.resolve(this.admit(bucket, now));
    }
  }

  private nextWaiter(bucket: Bucket): Waiter | undefined {
    return firstLive(bucket.interactive) ?? firstLive(bucket.background);
  }

  /** Waiters queue in deadline order per priority, so the expired ones are always at the head. */
  private rejectPastDeadline(bucket: Bucket, ready: number, now: number): void {
    this.rejectQueuePastDeadline(bucket, bucket.interactive, ready, now);
    this.rejectQueuePastDeadline(bucket, bucket.background, ready, now);
  }

  private rejectQueuePastDeadline(bucket: Bucket, queue: Fifo<Waiter>, ready: number, now: number): void {
    for (let head = queue.peek(); head && (head.done || head.deadline < ready); head = queue.peek()) {
      queue.shift();
      if (head.done) continue;
      this.settle(head);
      head.reject(this.giveUp(bucket, ready - now));
    }
  }

  private giveUp(bucket: Bucket, retryAfterMs: number): WeComRateLimitError {
    return rateLimitGiveUpError({
      endpoint: bucket.name,
      request: null,
      language: this.language,
      retryAfterMs,
      window: bucket.blockedBy,
      source: 'local',
    });
  }

  private abortWaiter(waiter: Waiter): void {
    if (waiter.done) return;
    this.settle(waiter);
    waiter.reject(new WeComAbortError(waiter.bucket.name, this.language, 'aborted', waiter.signal?.reason));
  }

  /** Marks a waiter as finished: it leaves the count, its abort listener, and maybe the timer. */
  private settle(waiter: Waiter): void {
    waiter.done = true;
    waiter.bucket.queued--;
    if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
    if (waiter.bucket.queued === 0) this.cancelTimer(waiter.bucket);
  }

  private schedule(bucket: Bucket, at: number): void {
    if (bucket.timer && bucket.timerAt <= at) return;
    this.cancelTimer(bucket);
    const controller = new AbortController();
    bucket.timer = controller;
    bucket.timerAt = at;
    this.clock.sleep(at - this.clock.now(), controller.signal).then(
      () => {
        if (bucket.timer !== controller) return;
        bucket.timer = null;
        this.pump(bucket);
      },
      () => undefined,
    );
  }

  private cancelTimer(bucket: Bucket): void {
    if (!bucket.timer) return;
    bucket.timer.abort();
    bucket.timer = null;
  }
}

/** The first waiter not already aborted, removed from the queue. */
function firstLive(queue: Fifo<Waiter>): Waiter | undefined {
  let waiter = queue.shift();
  while (waiter?.done) waiter = queue.shift();
  return waiter;
}

function nextLocalMidnight(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}
