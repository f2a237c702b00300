// Per-live sums held in memory (department-sums.ts, division-sums.ts) follow the cache through the
// summary stamps: summary_changes counts every change of the per-live summaries, and
// live_summary_changes stamps each live with the count its last change reached (a live without a
// stamp has none; a clear deletes the stamps). A holder reads whole once, then only the lives
// stamped since, and forgets the lives that lost their stamp.
import type { CacheContext } from './context.ts';

export interface StampedSums {
  /** Reads every live's sums afresh. */
  readAll(): void;
  /** Reads one live's sums again (a live left without any is forgotten). */
  readLive(liveId: number): void;
  /** The held map of lives: those without a stamp are deleted from it. */
  held(): Map<number, unknown>;
}

export function followSummaryStamps(ctx: CacheContext, sums: StampedSums) {
  let loadedAt: number | null = null;
  const current = () => ctx.stmt('SELECT changes FROM summary_changes WHERE id = 1').pluck().get() as number;

  return {
    /** The count of summary changes now: a read ahead records it before it starts (`loadedAs`). */
    current,
    /** True once the sums were read, by `load` or a read ahead. */
    loaded: () => loadedAt !== null,
    /** A read ahead read every live's sums as of `changes`: later stamps are read by the next `load`. */
    loadedAs(changes: number): void {
      loadedAt = changes;
    },
    /** Brings the held sums up to date. */
    load(): void {
      const changes = current();
      if (changes === loadedAt) return;
      if (loadedAt === null || changes < loadedAt) sums.readAll();
      else {
        // a few rows per live: read whole, so that a live whose stamp was cleared is forgotten too
        const stamps = new Map(ctx.stmt('SELECT live_id, changed FROM live_summary_changes').raw().all() as Array<[number, number]>);
        const held = sums.held();
        for (const liveId of held.keys()) if (!stamps.has(liveId)) held.delete(liveId);
        for (const [liveId, changed] of stamps) if (changed > loadedAt) sums.readLive(liveId);
      }
      loadedAt = changes;
    },
  };
}
