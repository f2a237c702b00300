// Per-live sums held in memory (department-sums.ts, division-sums.ts) follow the cache through the
// summary stamps: summary_changes counts every change of the per-live summaries, and
// live_summary_changes stamps each live with the count its last change reached (a live without a
// stamp has none; a clear deletes the stamps). A holder reads whole once, then only the lives
// stamped since, and forgets the lives that lost their stamp.
import type { CacheContext } from './context.ts';
import { READ_AHEAD_SLICING, sliceSizer, type Slicing } from './slicing.ts';

export interface StampedSums {
  /** Reads every live's sums afresh. */
  readAll(): void;
  /** Reads one live's sums again (a live left without any is forgotten). */
  readLive(liveId: number): void;
  /** The held map of lives: those without a stamp are deleted from it. */
  held(): Map<number, unknown>;
}

/** A whole read in slices: into a new holder, which requests use once every slice is in. */
export interface SlicedRead<Holder> {
  begin(): Holder;
  /** Reads the lives with ids from `first` to `last` into the holder. */
  slice(holder: Holder, first: number, last: number): void;
  end(holder: Holder): void;
}

/** A budgeted read ahead's first slice: a few lives, whose time sizes the next. */
const FIRST_LIVES = 10;

export function followSummaryStamps(ctx: CacheContext, sums: StampedSums) {
  let loadedAt: number | null = null;
  const current = () => ctx.stmt('SELECT changes FROM summary_changes WHERE id = 1').pluck().get() as number;
  let reading: Promise<void> | null = null;

  async function readInSlices<Holder>(read: SlicedRead<Holder>, pause: () => Promise<void>, slicing: Slicing): Promise<void> {
    if (loadedAt !== null || !ctx.db.open) return;
    // the count before the first slice: a live written meanwhile carries a newer stamp, read again by the next load
    const changes = current();
    const liveIds = ctx.stmt('SELECT id FROM lives ORDER BY id').pluck().all() as number[];
    const holder = read.begin();
    const sizer = sliceSizer(slicing, FIRST_LIVES);
    for (let first = 0; first < liveIds.length; ) {
      await pause();
      if (loadedAt !== null || !ctx.db.open) return; // a request read them meanwhile, or the cache is closed
      const end = Math.min(first + sizer.size(), liveIds.length);
      sizer.run(end - first, () => read.slice(holder, liveIds[first] as number, liveIds[end - 1] as number));
      first = end;
    }
    read.end(holder);
    loadedAt = changes;
  }

  return {
    /**
     * Reads every live's sums before a request asks, a slice of lives at a time (`slicing`), after
     * `pause()` each time (the services answer the windows on this thread, and at 10M watch rows
     * one whole read held it for a third of a second or more). A request before the last slice
     * reads whole as it would have. Stops when the connection is closed (another profile,
     * shutdown). One at a time: a second call while one runs gets the same promise.
     */
    readAhead<Holder>(read: SlicedRead<Holder>, pause: () => Promise<void>, slicing: Slicing = READ_AHEAD_SLICING): Promise<void> {
      reading ??= readInSlices(read, pause, slicing).finally(() => (reading = null));
      return reading;
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
