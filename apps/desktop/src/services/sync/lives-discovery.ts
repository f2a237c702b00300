// How far the lives sync's sweep of members has come. WeCom lists lives one member at a time
// (get_user_all_livingid), so lives scheduled before this app was set up, or on another PC, are found
// only when the sweep reaches their host: in a corp of 20k members that takes hours. The lives page
// says so instead of calling an empty list "nothing matches".
import type { Cache } from '../cache/index.ts';

/** The sync state that holds the sweep's cursor (an offset into the active members by userid). */
export const DISCOVERY_SCOPE = 'lives:discovery';

/** Sweeps of the last hour: [when (ms), calls]. */
export type SweepLog = Array<[number, number]>;

/** What the sweep keeps in its sync state's data. */
export interface DiscoveryData {
  sweeps: SweepLog;
  /** Times the sweep went round every active member (counted from when this was first kept). */
  rounds: number;
  /** Members the sweep may ask per hour (its share of the hourly quota) at the last sync. */
  perHour: number;
}

export interface LivesDiscovery {
  /** Active members the sweep goes over; 0 before the first lives sync. */
  members: number;
  /** Members asked so far in the current round. */
  asked: number;
  rounds: number;
  perHour: number;
  /** When the sweep last asked anyone (ms); null before the first. */
  lastSweepAt: number | null;
}

const count = (value: unknown): number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;

/** The sweep's data as stored; anything missing or malformed reads as none. */
export function discoveryData(data: unknown): DiscoveryData {
  const stored = (data ?? {}) as Partial<Record<keyof DiscoveryData, unknown>>;
  const sweeps = Array.isArray(stored.sweeps)
    ? stored.sweeps.filter(
        (entry): entry is [number, number] =>
          Array.isArray(entry) && typeof entry[0] === 'number' && typeof entry[1] === 'number',
      )
    : [];
  return { sweeps, rounds: count(stored.rounds), perHour: count(stored.perHour) };
}

export function livesDiscovery(cache: Cache): LivesDiscovery {
  const state = cache.getSyncState(DISCOVERY_SCOPE);
  if (!state) return { members: 0, asked: 0, rounds: 0, perHour: 0, lastSweepAt: null };
  const data = discoveryData(state.data);
  const members = count(state.total);
  const last = data.sweeps.at(-1);
  return {
    members,
    asked: Math.min(members, count(Number(state.cursor ?? 0))),
    rounds: data.rounds,
    perHour: data.perHour,
    lastSweepAt: last ? last[0] : null,
  };
}
