// Each live's internal viewers per department (live_dept_summary) held in memory, so statistics
// over hundreds of lives add small arrays instead of reading and grouping hundreds of thousands of
// rows per request: completion per department at any level, and by the viewers' department (a
// subtree) each live's viewers and hours from it. Read whole once (a packed blob per live, see
// department-pack.ts), then only the lives whose summaries changed since (live_summary_changes,
// stamped by triggers on every write or delete; a live without a stamp has none).
// The rows keep the department the viewers had when the stats were fetched; the subtree and the
// roll-up to a level are applied per request, so a reorganisation is seen at once.
import type { CacheContext } from './context.ts';
import { unpackDepartments } from './department-pack.ts';

interface LiveDepartments {
  /** department ids, ascending (as stored) */
  ids: Int32Array;
  /** dense department slots (see slotOf), in the order of `ids` */
  slots: Int32Array;
  viewers: Int32Array;
  seconds: Float64Array;
  completion: Float64Array;
}

export interface DepartmentSum {
  departmentId: number;
  completion: number;
  viewers: number;
}

export interface LiveSubtreeSum {
  viewers: number;
  seconds: number;
}

type Row = [liveId: number, departmentId: number, viewers: number, seconds: number, completion: number];

const ROWS = 'SELECT live_id, department_id, viewers, watch_seconds, completion_sum FROM live_dept_summary';

/** The subtree to add up: its departments' slots as a mask, and their ids ascending. */
interface Subtree {
  mask: Uint8Array;
  ids: Int32Array;
}

/** First index in `ids` (ascending) from `from` whose id is at least `id`. */
function lowerBound(ids: Int32Array, id: number, from: number): number {
  let lo = from;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((ids[mid] as number) < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Adds row `i` of a live to the per-department sums and to the live's own (`live`: viewers, seconds). */
function addRow(rows: LiveDepartments, i: number, viewers: Float64Array, completion: Float64Array, live: Float64Array): void {
  const s = rows.slots[i] as number;
  const n = rows.viewers[i] as number;
  live[0] = (live[0] as number) + n;
  live[1] = (live[1] as number) + (rows.seconds[i] as number);
  viewers[s] = (viewers[s] as number) + n;
  completion[s] = (completion[s] as number) + (rows.completion[i] as number);
}

/**
 * Adds a live's rows of the subtree's departments to the per-department sums, and puts the live's
 * own viewers and seconds from them into `live`; false when none of its rows is in the subtree.
 * Rows are added in department order either way (the same sums to the last bit): a small subtree
 * is looked up in the live's rows, a large one is scanned against the mask. No closure here: the
 * scan runs for every row of every live in range.
 */
function addWithin(
  rows: LiveDepartments,
  subtree: Subtree,
  viewers: Float64Array,
  completion: Float64Array,
  live: Float64Array,
): boolean {
  const { ids, slots } = rows;
  live[0] = 0;
  live[1] = 0;
  if (subtree.ids.length * Math.log2(ids.length + 1) < ids.length) {
    let from = 0;
    for (let k = 0; k < subtree.ids.length; k++) {
      const id = subtree.ids[k] as number;
      from = lowerBound(ids, id, from);
      if (from >= ids.length) break;
      if (ids[from] === id) addRow(rows, from++, viewers, completion, live);
    }
  } else {
    const mask = subtree.mask;
    for (let i = 0; i < slots.length; i++) if (mask[slots[i] as number] === 1) addRow(rows, i, viewers, completion, live);
  }
  // every stored row counts at least one viewer
  return (live[0] as number) > 0;
}

export function createDepartmentSums(ctx: CacheContext) {
  const slotOf = new Map<number, number>();
  const departmentOf: number[] = [];
  let byLive = new Map<number, LiveDepartments>();
  let loadedAt: number | null = null;

  const slot = (departmentId: number) => {
    let s = slotOf.get(departmentId);
    if (s === undefined) {
      s = departmentOf.length;
      slotOf.set(departmentId, s);
      departmentOf.push(departmentId);
    }
    return s;
  };

  const fromRows = (rows: readonly Row[]): LiveDepartments => ({
    ids: Int32Array.from(rows, (r) => r[1]),
    slots: Int32Array.from(rows, (r) => slot(r[1])),
    viewers: Int32Array.from(rows, (r) => r[2]),
    seconds: Float64Array.from(rows, (r) => r[3]),
    completion: Float64Array.from(rows, (r) => r[4]),
  });

  const fromPacked = (blob: Uint8Array): LiveDepartments => {
    const { departments, viewers, seconds, completion } = unpackDepartments(blob);
    return { ids: departments, slots: departments.map(slot), viewers, seconds, completion };
  };

  /** One live's sums: packed with its summary, or its rows when summarised before they were packed. */
  function readLive(liveId: number, packed?: Uint8Array | null): void {
    const blob =
      packed === undefined
        ? (ctx.stmt('SELECT departments FROM live_summary WHERE live_id = ?').pluck().get(liveId) as
            Uint8Array | null | undefined)
        : packed;
    let live: LiveDepartments | null = null;
    if (blob) live = fromPacked(blob);
    else {
      const rows = ctx.stmt(`${ROWS} WHERE live_id = ? ORDER BY department_id`).raw().all(liveId) as Row[];
      if (rows.length > 0) live = fromRows(rows);
    }
    if (live && live.slots.length > 0) byLive.set(liveId, live);
    else byLive.delete(liveId);
  }

  function readAll(): void {
    byLive = new Map();
    const all = ctx.stmt('SELECT live_id, departments FROM live_summary').raw().iterate() as IterableIterator<
      [number, Uint8Array | null]
    >;
    for (const [liveId, blob] of all) readLive(liveId, blob);
  }

  function load(): void {
    const changes = ctx.stmt('SELECT changes FROM summary_changes WHERE id = 1').pluck().get() as number;
    if (changes === loadedAt) return;
    if (loadedAt === null || changes < loadedAt) readAll();
    else {
      // a few rows per live: read whole, so that a live whose stamp was cleared is forgotten too
      const stamps = new Map(
        ctx.stmt('SELECT live_id, changed FROM live_summary_changes').raw().all() as Array<[number, number]>,
      );
      for (const liveId of byLive.keys()) if (!stamps.has(liveId)) byLive.delete(liveId);
      for (const [liveId, changed] of stamps) if (changed > loadedAt) readLive(liveId);
    }
    loadedAt = changes;
  }

  /** Membership of the departments' slots (departments no live was watched from have none). */
  function maskOf(departmentIds: Iterable<number>): Uint8Array {
    const mask = new Uint8Array(departmentOf.length);
    for (const id of departmentIds) {
      const s = slotOf.get(id);
      if (s !== undefined) mask[s] = 1;
    }
    return mask;
  }

  /** Per-department sums as rows (every stored row counts at least one viewer: a department with none was not summed). */
  function rowsOf(viewers: Float64Array, completion: Float64Array): DepartmentSum[] {
    const sums: DepartmentSum[] = [];
    for (let s = 0; s < viewers.length; s++) {
      if ((viewers[s] as number) > 0) {
        sums.push({
          departmentId: departmentOf[s] as number,
          viewers: viewers[s] as number,
          completion: completion[s] as number,
        });
      }
    }
    return sums;
  }

  /** Viewers and completion per department over these lives (a department none of them was watched from is left out). */
  function byDepartment(liveIds: readonly number[]): DepartmentSum[] {
    load();
    const viewers = new Float64Array(departmentOf.length);
    const completion = new Float64Array(departmentOf.length);
    // in live order, as SQL would add them
    for (const liveId of [...liveIds].sort((a, b) => a - b)) {
      const live = byLive.get(liveId);
      if (!live) continue;
      const { slots, viewers: v, completion: c } = live;
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i] as number;
        viewers[s] = (viewers[s] as number) + (v[i] as number);
        completion[s] = (completion[s] as number) + (c[i] as number);
      }
    }
    return rowsOf(viewers, completion);
  }

  /**
   * The same over the departments `within` only, with each live's viewers and watch seconds from
   * them (lives none of them watched are left out), in one pass.
   */
  function within(
    liveIds: readonly number[],
    departmentIds: readonly number[],
  ): { departments: DepartmentSum[]; lives: Map<number, LiveSubtreeSum> } {
    load();
    const subtree: Subtree = { mask: maskOf(departmentIds), ids: Int32Array.from(departmentIds).sort() };
    const viewers = new Float64Array(departmentOf.length);
    const completion = new Float64Array(departmentOf.length);
    const lives = new Map<number, LiveSubtreeSum>();
    const live = new Float64Array(2);
    for (const liveId of [...liveIds].sort((a, b) => a - b)) {
      const rows = byLive.get(liveId);
      if (rows && addWithin(rows, subtree, viewers, completion, live)) {
        lives.set(liveId, { viewers: live[0] as number, seconds: live[1] as number });
      }
    }
    return { departments: rowsOf(viewers, completion), lives };
  }

  return { byDepartment, within };
}
