// The cache's lives part: lives, their audiences and the lists the lives sync works from.
import type { Audience } from '../../../shared/models.ts';
import type { LiveDetailResult, LiveListFilter, LivesNowResult, LivesResult } from './reads.ts';
import type { WireLivingInfo } from './wire.ts';

export interface LivesCache {
  // lives
  /** Upserts lives (living_info + livingid); changes of duration mark summaries dirty. */
  upsertLives(rows: WireLivingInfo[], fetchedAt?: number): void;
  /** Removes lives and their watch rows, audience and summaries. */
  deleteLives(livingids: string[]): number;
  /** Stores the audience picked when scheduling (WeCom keeps none). */
  setLiveAudience(livingid: string, audience: Audience | null): void;
  /** The stored audience, or null. */
  getLiveAudience(livingid: string): Audience | null;
  /** Lives filtered by start range, status, anchor, type and a theme/livingid query, newest first. */
  listLives(filter: LiveListFilter): LivesResult;
  /** One live with its audience; null when unknown. */
  getLive(livingid: string): LiveDetailResult | null;
  /** Lives live now (status 1) and reserved ones starting within `horizonSeconds` of `now` (ms). */
  livesNow(now: number, horizonSeconds: number): LivesNowResult;
  /** Distinct anchors of cached lives (for the lives sync). */
  knownAnchors(): string[];
  /** Livingids whose watch stats should be (re)fetched: living now, running fetches, ended lives not complete. */
  pendingWatchSyncs(): string[];
}
