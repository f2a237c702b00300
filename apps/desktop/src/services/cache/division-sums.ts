// Each live's viewers and completion per division (一级部门, live_division_summary) held in memory,
// so statistics over thousands of lives add small arrays instead of reading hundreds of thousands
// of rows per request. Read again whole when the summaries changed (summary_changes, kept by
// triggers on every write or delete of them), which happens once per fetched live.
import type { CacheContext } from './context.ts';
import { DenseSlots } from './dense-slots.ts';

interface LiveDivisions {
  /** each row's division as its slot in `divisions` */
  slots: Int32Array;
  viewers: Float64Array;
  completion: Float64Array;
}

export interface DivisionSum {
  departmentId: number;
  completion: number;
  viewers: number;
}

export function createDivisionSums(ctx: CacheContext) {
  let loadedAt: number | null = null;
  let byLive = new Map<number, LiveDivisions>();
  /** the divisions' slots: a request adds each live's rows into arrays indexed by slot */
  let divisions = new DenseSlots();

  function load(): void {
    const changes = ctx.stmt('SELECT changes FROM summary_changes WHERE id = 1').pluck().get() as number | undefined;
    if (changes !== undefined && changes === loadedAt) return;
    const next = new Map<number, LiveDivisions>();
    const slots = new DenseSlots();
    let live = -1;
    let rows: Array<[number, number, number]> = [];
    const flush = () => {
      if (live === -1) return;
      next.set(live, {
        slots: Int32Array.from(rows, (r) => slots.slot(r[0])),
        viewers: Float64Array.from(rows, (r) => r[1]),
        completion: Float64Array.from(rows, (r) => r[2]),
      });
    };
    const all = ctx
      .stmt('SELECT live_id, division_id, viewers, completion_sum FROM live_division_summary ORDER BY live_id')
      .raw()
      .iterate() as IterableIterator<[number, number, number, number]>;
    for (const [liveId, division, viewers, completion] of all) {
      if (liveId !== live) {
        flush();
        live = liveId;
        rows = [];
      }
      rows.push([division, viewers, completion]);
    }
    flush();
    byLive = next;
    divisions = slots;
    loadedAt = changes ?? null;
  }

  /** Sums per division over these lives (a division none of them was watched from is left out). */
  function sum(liveIds: readonly number[]): DivisionSum[] {
    load();
    const viewers = new Float64Array(divisions.size);
    const completion = new Float64Array(divisions.size);
    const seen = new Uint8Array(divisions.size);
    /** slots in the order they were first added to, as the result lists them */
    const order: number[] = [];
    // in live order, as SQL would add them
    for (const liveId of [...liveIds].sort((a, b) => a - b)) {
      const live = byLive.get(liveId);
      if (!live) continue;
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
    return order.map((slot) => ({ departmentId: divisions.ids[slot]!, completion: completion[slot]!, viewers: viewers[slot]! }));
  }

  return { sum };
}
