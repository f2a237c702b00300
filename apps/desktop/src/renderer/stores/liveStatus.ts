// The latest status and online count per live, from `live.status` events: the live-now panels read it
// so counts move without re-querying the whole list.
import { create } from 'zustand';
import type { EventPayload } from '../../shared/contract.ts';
import type { Live } from '../../shared/models.ts';
import { api } from '../api/client.ts';
import { now } from '@wld/clock';

export type LiveStatusEvent = EventPayload<'live.status'>;

export interface LiveStatusState {
  byId: Record<string, LiveStatusEvent & { at: number }>;
}

export interface LiveStatusActions {
  apply(event: LiveStatusEvent): void;
  /** Follows `live.status`; returns the unsubscribe. */
  listen(): () => void;
}

export const useLiveStatusStore = create<LiveStatusState & LiveStatusActions>()((set, get) => ({
  byId: {},
  apply: (event) => set({ byId: { ...get().byId, [event.livingid]: { ...event, at: now() } } }),
  listen: () => api.on('live.status', (event) => get().apply(event)),
}));

/** A live with the newest status and online count we heard of (events newer than the fetch win). */
export function withLiveStatus(live: Live, latest: LiveStatusState['byId'][string] | undefined): Live {
  if (!latest || latest.at < live.fetchedAt) return live;
  return { ...live, status: latest.status, onlineCount: latest.onlineCount };
}

export function useLiveWithStatus(live: Live): Live;
export function useLiveWithStatus(live: Live | undefined): Live | undefined;
export function useLiveWithStatus(live: Live | undefined): Live | undefined {
  const latest = useLiveStatusStore((s) => (live ? s.byId[live.livingid] : undefined));
  return live ? withLiveStatus(live, latest) : undefined;
}
