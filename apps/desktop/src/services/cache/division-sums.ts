// Each live's viewers and completion per division (一级部门, live_division_summary) held in memory,
// so statistics over thousands of lives add small arrays instead of reading hundreds of thousands
// of rows per request. They follow the summary stamps (summary-stamps.ts; the triggers on
// live_division_summary stamp the live on every write or delete): a fetched live costs its own rows,
// not every live's (at 10M watch rows, 400k division rows took 300 ms to read again after each fetch).
import type { CacheContext } from './context.ts';
import { DenseSlots } from './dense-slots.ts';
import { followSummaryStamps } from './summary-stamps.ts';
import type { Slicing } from './slicing.ts';

interface LiveDivisions {
  /** each row's division as its slot in `divisions` */
  slots: Int32Array;
  viewers: Float64Array;
  completion: Float64Array;
}

/** A request's running sums per division slot, and the slots in the order first added to. */
interface Sums {
  viewers: Float64Array;
  completion: Float64Array;
  seen: Uint8Array;
  order: number[];
}

/**
 * Adds one live's rows into `into`. A function of its own, not a loop inside `sum`: there the
 * inner loop ran on-stack-replaced code, thrown away at each live's end, in the first request of
 * a cache (at 10M rows 2,000 lives: ~8 ms of its ~18).
 */
function addLive(live: LiveDivisions, into: Sums): void {
  const { viewers, completion, seen, order } = into;
  for (let i = 0; i < live.slots.length; i++) {
    const slot = live.slots[i]!;
    if (seen[slot] === 0) {
      seen[slot] = 1;
      order.push(slot);
    }
    completion[slot]! += live.completion[i]!;
    viewers[slot]! += live.viewers[i]!;
  }
}

export interface DivisionSum {
  departmentId: number;
  completion: number;
  viewers: number;
}

export function createDivisionSums(ctx: CacheContext) {
  let byLive = new Map<number, LiveDivisions>();
  /** the divisions' slots: a request adds each live's rows into arrays indexed by slot */
  let divisions = new DenseSlots();

  type DivisionRow = readonly [division: number, viewers: number, completion: number];

  /** One live's rows, in division order (the order the whole read has them in), into `held`. */
  function readLive(held: Map<number, LiveDivisions>, slots: DenseSlots, liveId: number, rows: readonly DivisionRow[]): void {
    if (rows.length === 0) {
      held.delete(liveId);
      return;
    }
    held.set(liveId, {
      slots: Int32Array.from(rows, (r) => slots.slot(r[0])),
      viewers: Float64Array.from(rows, (r) => r[1]),
      completion: Float64Array.from(rows, (r) => r[2]),
    });
  }

  /** Rows of several lives ordered by live, each live's in division order, into `held`. */
  function readLives(held: Map<number, LiveDivisions>, slots: DenseSlots, all: Iterable<[number, number, number, number]>): void {
    let live = -1;
    let rows: DivisionRow[] = [];
    for (const [liveId, division, viewers, completion] of all) {
      if (liveId !== live) {
        if (live !== -1) readLive(held, slots, live, rows);
        live = liveId;
        rows = [];
      }
      rows.push([division, viewers, completion]);
    }
    if (live !== -1) readLive(held, slots, live, rows);
  }

  const ROWS = 'SELECT live_id, division_id, viewers, completion_sum FROM live_division_summary';

  function readAll(): void {
    byLive = new Map();
    divisions = new DenseSlots();
    readLives(byLive, divisions, ctx.stmt(`${ROWS} ORDER BY live_id, division_id`).raw().iterate() as IterableIterator<[number, number, number, number]>);
  }

  const stamps = followSummaryStamps(ctx, {
    readAll,
    readLive(liveId) {
      const rows = ctx.stmt('SELECT division_id, viewers, completion_sum FROM live_division_summary WHERE live_id = ? ORDER BY division_id').raw().all(liveId);
      readLive(byLive, divisions, liveId, rows as DivisionRow[]);
    },
    held: () => byLive,
  });

  /** Reads every live's rows ahead of the first request, a slice of lives at a time (summary-stamps.ts). */
  function warm(pause: () => Promise<void>, slicing?: Slicing): Promise<void> {
    // statements are prepared in the slices: the connection may be closed by the time this is called
    const slice = () => ctx.stmt(`${ROWS} WHERE live_id BETWEEN ? AND ? ORDER BY live_id, division_id`).raw();
    return stamps.readAhead(
      {
        begin: () => ({ held: new Map<number, LiveDivisions>(), slots: new DenseSlots() }),
        slice: (into, first, last) =>
          readLives(into.held, into.slots, slice().iterate(first, last) as IterableIterator<[number, number, number, number]>),
        end: (into) => {
          byLive = into.held;
          divisions = into.slots;
        },
      },
      pause,
      slicing,
    );
  }

  /** Sums per division over these lives (a division none of them was watched from is left out). */
  function sum(liveIds: readonly number[]): DivisionSum[] {
    stamps.load();
    const viewers = new Float64Array(divisions.size);
    const completion = new Float64Array(divisions.size);
    const seen = new Uint8Array(divisions.size);
    /** slots in the order they were first added to, as the result lists them */
    const order: number[] = [];
    const into = { viewers, completion, seen, order };
    // in live order, as SQL would add them
    for (const liveId of [...liveIds].sort((a, b) => a - b)) {
      const live = byLive.get(liveId);
      if (live) addLive(live, into);
    }
    return order.map((slot) => ({ departmentId: divisions.ids[slot]!, completion: completion[slot]!, viewers: viewers[slot]! }));
  }

  return { sum, warm };
}
