// API usage state: the latest `apiUsage.stats` snapshot, polled while the screen is visible.
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract.ts';
import type { ServiceError } from '../../shared/models.ts';
import { api } from '../api/client.ts';
import { toServiceError } from '../errors.ts';
import { now } from '@wld/clock';

export type ApiStats = MethodOutput<'apiUsage.stats'>;

export const API_USAGE_POLL_MS = 3_000;

export interface ApiUsageState {
  stats: ApiStats | null;
  /** ms; when the snapshot was taken */
  updatedAt: number | null;
  error: ServiceError | null;
  paused: boolean;
}

export interface ApiUsageActions {
  /** Takes one snapshot; overlapping polls are skipped. */
  poll(): Promise<void>;
  setPaused(paused: boolean): void;
}

let inFlight = false;

export const useApiUsageStore = create<ApiUsageState & ApiUsageActions>()((set) => ({
  stats: null,
  updatedAt: null,
  error: null,
  paused: false,
  poll: async () => {
    if (inFlight) return;
    inFlight = true;
    try {
      const stats = await api.call('apiUsage.stats', {});
      set({ stats, updatedAt: now(), error: null });
    } catch (e) {
      // Keep the last snapshot on screen; the error says why it is not moving.
      set({ error: toServiceError(e) });
    } finally {
      inFlight = false;
    }
  },
  setPaused: (paused) => set({ paused }),
}));
