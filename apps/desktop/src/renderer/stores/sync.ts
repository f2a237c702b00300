// Sync jobs started from the top bar (or anywhere): progress from `sync.progress`, cancellable.
import { create } from 'zustand';
import type { ServiceError, SyncProgress } from '../../shared/models.ts';
import { api } from '../api/client.ts';
import { toServiceError } from '../errors.ts';
import { now } from '@wld/clock';

export type SyncScope = SyncProgress['scope'];

export interface SyncState {
  /** The job shown in the top bar: the running one, or the last one that finished. */
  current: SyncProgress | null;
  starting: boolean;
  error: ServiceError | null;
  lastSync: Record<string, number | null>;
  /** The job the person started from this window (its end is announced); the services start others on their own. */
  startedHere: string | null;
}

export interface SyncActions {
  start(scope?: SyncScope): Promise<void>;
  cancel(): Promise<void>;
  applyProgress(progress: SyncProgress): void;
  /** Follows `sync.progress` and loads the jobs already running; returns the unsubscribe. */
  listen(): () => void;
}

export const isRunning = (p: SyncProgress | null): boolean => p?.state === 'running';

/** 0..100, or null when the total is unknown (indeterminate bar). */
export function syncPercent(p: SyncProgress | null): number | null {
  if (!p || p.total === null || p.total <= 0) return null;
  return Math.min(100, Math.round((p.done / p.total) * 100));
}

export const useSyncStore = create<SyncState & SyncActions>()((set, get) => ({
  current: null,
  starting: false,
  error: null,
  lastSync: {},
  startedHere: null,
  start: async (scope = 'all') => {
    if (get().starting || isRunning(get().current)) return;
    set({ starting: true, error: null });
    try {
      const { jobId } = await api.call('sync.start', { scope });
      set({ startedHere: jobId });
      // The first progress event may come before or after this answer.
      if (get().current?.jobId !== jobId) {
        set({
          current: { jobId, scope, state: 'running', phase: '', done: 0, total: null, label: '', error: null },
        });
      }
    } catch (e) {
      set({ error: toServiceError(e) });
    } finally {
      set({ starting: false });
    }
  },
  cancel: async () => {
    const current = get().current;
    if (!current || !isRunning(current)) return;
    try {
      await api.call('sync.cancel', { jobId: current.jobId });
    } catch (e) {
      set({ error: toServiceError(e) });
    }
  },
  applyProgress: (progress) => {
    const current = get().current;
    // A different job only takes over the bar if it runs, or if ours is done.
    if (current && current.jobId !== progress.jobId && isRunning(current) && !isRunning(progress)) return;
    set({
      current: progress,
      ...(progress.state === 'done' ? { lastSync: { ...get().lastSync, [progress.scope]: now() } } : {}),
    });
  },
  listen: () => {
    const off = api.on('sync.progress', (p) => get().applyProgress(p));
    // The feed's starting point (jobs already running), not a cached read: `sync.progress` follows.
    // eslint-disable-next-line no-restricted-syntax
    api.call('sync.status', {}).then(
      (status) => {
        set({ lastSync: status.lastSync });
        const running = status.jobs.find((j) => j.state === 'running');
        if (running && !get().current) set({ current: running });
      },
      () => {},
    );
    return off;
  },
}));
