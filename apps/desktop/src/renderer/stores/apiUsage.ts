// API usage screen state: whether the figures follow live (polled every few seconds) or stay put.
// The figures themselves are the `apiUsage.stats` query.
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract.ts';

export type ApiStats = MethodOutput<'apiUsage.stats'>;

export const API_USAGE_POLL_MS = 3_000;

export interface ApiUsageState {
  paused: boolean;
  setPaused(paused: boolean): void;
}

export const useApiUsageStore = create<ApiUsageState>()((set) => ({
  paused: false,
  setPaused: (paused) => set({ paused }),
}));
