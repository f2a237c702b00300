// Sync jobs: one job per scope at a time ('all' runs org → lives → watch), cancellable, with
// throttled `sync.progress` events. Parts take a lock, so an 'org' job and an 'all' job never
// write the organisation at the same time.
import { setTimeout as delay } from 'node:timers/promises';
import type { WeComClient } from '@wld/wecom-core';
import type { ServiceError, SyncProgress } from '../../shared/models.ts';
import type { Cache } from '../cache/index.ts';
import type { Language } from '../i18n.ts';
import { syncLives } from './lives-sync.ts';
import { syncOrg } from './org-sync.ts';
import { watchPauses } from './pause-watch.ts';
import { syncFailure } from './sync-failure.ts';
import {
  DEFAULT_SYNC_TUNING,
  type RetryBudget,
  type SyncNote,
  type SyncRun,
  type SyncTuning,
} from './sync-run.ts';
import { syncWatch } from './watch-sync.ts';
import { systemClock } from '@wld/clock';

export type SyncScope = SyncProgress['scope'];
type SyncPart = Exclude<SyncScope, 'all'>;

const PARTS: Record<SyncScope, SyncPart[]> = {
  org: ['org'],
  lives: ['lives'],
  watch: ['watch'],
  all: ['org', 'lives', 'watch'],
};
const PROGRESS_INTERVAL_MS = 100;
/** Jobs kept in sync.status after they end. */
const FINISHED_KEPT = 20;

export interface SyncEngineDeps {
  cache: () => Cache;
  client: () => WeComClient;
  hasContactsSecret: () => boolean;
  language: () => Language;
  toServiceError: (error: unknown) => ServiceError;
  emitProgress: (progress: SyncProgress) => void;
  /** A part finished: its data changed. */
  onPartDone?: (part: SyncPart) => void;
  /** A job failed (e.g. WeCom unreachable). */
  onJobFailed?: (error: unknown, progress: SyncProgress) => void;
  tuning?: Partial<SyncTuning>;
  now?: () => number;
  /** The profile's configured anchors, added to the tuning's (asked on every lives sync). */
  extraAnchors?: () => string[];
  /** The active profile's own tuning, over `tuning` (the Demo's: DEMO_SYNC_TUNING). */
  profileTuning?: () => Partial<SyncTuning>;
  /** Waits of backoffs and rate-limit windows; default a timer. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const timerSleep = (ms: number, signal: AbortSignal): Promise<void> =>
  delay(Math.max(0, ms), undefined, { signal });

export interface SyncJob {
  readonly id: string;
  readonly scope: SyncScope;
  readonly done: Promise<SyncProgress>;
  readonly progress: SyncProgress;
  /** Called with every progress the job tells (the same as the `sync.progress` events); returns an unsubscribe. */
  watch(listener: (progress: SyncProgress) => void): () => void;
}

export interface SyncEngine {
  /** Starts a job, or returns the job already running for this scope. */
  start(scope: SyncScope): SyncJob;
  cancel(jobId: string): boolean;
  cancelAll(): void;
  running(scope?: SyncScope): SyncJob | null;
  status(): SyncProgress[];
  /** Resolves when no job is running. */
  idle(): Promise<void>;
}


export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const now = deps.now ?? systemClock.now;
  const sleep = deps.sleep ?? timerSleep;
  const tuning: SyncTuning = { ...DEFAULT_SYNC_TUNING, ...deps.tuning };
  const jobs = new Map<string, { job: SyncJob; controller: AbortController; state: SyncProgress }>();
  const locks = new Map<SyncPart, Promise<void>>();
  let counter = 0;

  async function withLock<T>(part: SyncPart, task: () => Promise<T>): Promise<T> {
    const previous = locks.get(part) ?? Promise.resolve();
    let release: () => void = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => mine);
    locks.set(part, chained);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (locks.get(part) === chained) locks.delete(part);
    }
  }

  function prune() {
    const finished = [...jobs.values()].filter((j) => j.state.state !== 'running');
    for (const entry of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT)))
      jobs.delete(entry.job.id);
  }

  function start(scope: SyncScope): SyncJob {
    // a running 'all' job covers every scope
    const existing = running(scope) ?? running('all');
    if (existing) return existing;
    const id = `sync-${scope}-${now().toString(36)}-${++counter}`;
    const controller = new AbortController();
    const language = deps.language();
    const budget: RetryBudget = { used: 0, max: tuning.retryBudget };
    const startedAt = now();
    const state: SyncProgress = {
      jobId: id,
      scope,
      state: 'running',
      phase: 'queued',
      done: 0,
      total: null,
      label: PARTS[scope][0]!,
      error: null,
      note: null,
      left: null,
      calls: 0,
      retries: { used: 0, max: budget.max },
    };
    let lastEmit = 0;
    const watchers = new Set<(progress: SyncProgress) => void>();
    const emit = (force: boolean) => {
      const at = now();
      if (!force && at - lastEmit < PROGRESS_INTERVAL_MS) return;
      lastEmit = at;
      state.retries = { used: budget.used, max: budget.max };
      deps.emitProgress({ ...state });
      for (const listener of watchers) listener({ ...state });
    };
    let stopCounting: () => void = () => {};
    // a unit's own note (a retry, a wait after the pipeline gave up) wins over the limiter's pause
    let unitNote: SyncNote | null = null;
    let pauseNote: SyncNote | null = null;
    const showNote = () => {
      const note = unitNote ?? pauseNote;
      const changed = (note?.message ?? null) !== (state.note?.message ?? null);
      state.note = note;
      // a wait or a retry is told at once; the end of one too
      if (changed) emit(true);
    };
    const done = (async (): Promise<SyncProgress> => {
      emit(true);
      try {
        for (const part of PARTS[scope]) {
          await withLock(part, async () => {
            if (controller.signal.aborted) throw controller.signal.reason;
            state.label = part;
            const client = deps.client();
            stopCounting();
            const offCalls = client.onCall((call) => {
              if (!call.fromCache) state.calls = (state.calls ?? 0) + call.attempts;
            });
            const offPauses = watchPauses(client, (note) => {
              pauseNote = note;
              showNote();
            });
            stopCounting = () => {
              offCalls();
              offPauses();
              pauseNote = null;
            };
            const run: SyncRun = {
              client,
              cache: deps.cache(),
              signal: controller.signal,
              hasContactsSecret: deps.hasContactsSecret(),
              now,
              options: {
                ...tuning,
                ...deps.profileTuning?.(),
                extraAnchors: [...new Set([...tuning.extraAnchors, ...(deps.extraAnchors?.() ?? [])])],
              },
              sleep,
              budget,
              startedAt,
              language,
              status(note) {
                unitNote = note;
                showNote();
              },
              progress(phase, doneCount, total) {
                const next = `${part}:${phase}`;
                const phaseChanged = next !== state.phase;
                state.phase = next;
                state.done = doneCount;
                state.total = total;
                state.left = total === null ? null : Math.max(0, total - doneCount);
                // counts are throttled; a new phase is always told
                emit(phaseChanged);
              },
            };
            if (part === 'org') await syncOrg(run);
            else if (part === 'lives') await syncLives(run);
            else await syncWatch(run);
          });
          deps.onPartDone?.(part);
        }
        state.state = 'done';
        state.phase = 'done';
        state.note = null;
        state.left = 0;
        state.label = 'done';
      } catch (error) {
        if (controller.signal.aborted) {
          state.state = 'cancelled';
          state.label = 'cancelled';
          state.error = deps.toServiceError(controller.signal.reason ?? error);
          if (state.error.kind !== 'cancelled')
            state.error = { kind: 'cancelled', code: 'CANCELLED', message: 'Sync cancelled' };
        } else {
          state.state = 'failed';
          state.label = 'failed';
          state.error = syncFailure(error) ?? deps.toServiceError(error);
          state.note = null;
          deps.onJobFailed?.(error, { ...state });
        }
      }
      stopCounting();
      emit(true);
      prune();
      return { ...state };
    })();
    const job: SyncJob = {
      id,
      scope,
      done,
      get progress() {
        return { ...state };
      },
      watch(listener) {
        watchers.add(listener);
        return () => watchers.delete(listener);
      },
    };
    jobs.set(id, { job, controller, state });
    return job;
  }

  function running(scope?: SyncScope): SyncJob | null {
    for (const { job, state } of jobs.values()) {
      if (state.state === 'running' && (scope === undefined || job.scope === scope)) return job;
    }
    return null;
  }

  return {
    start,
    cancel(jobId) {
      const entry = jobs.get(jobId);
      if (!entry || entry.state.state !== 'running') return false;
      entry.controller.abort(new DOMException('Sync cancelled', 'AbortError'));
      return true;
    },
    cancelAll() {
      for (const { controller, state } of jobs.values()) {
        if (state.state === 'running') controller.abort(new DOMException('Sync cancelled', 'AbortError'));
      }
    },
    running,
    status: () => [...jobs.values()].map(({ state }) => ({ ...state })),
    async idle() {
      for (;;) {
        const active = [...jobs.values()].filter((j) => j.state.state === 'running');
        if (active.length === 0) return;
        await Promise.allSettled(active.map((j) => j.job.done));
      }
    },
  };
}
