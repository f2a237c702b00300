// Each live's internal viewers per department (live_dept_summary) held in memory, so statistics
// over hundreds of lives add small arrays instead of reading and grouping hundreds of thousands of
// rows per request: completion per department at any level, and by the viewers' department (a
// subtree) each live's viewers and hours from it. Read whole once (a packed blob per live, see
// department-pack.ts), then only the lives whose summaries changed since (live_summary_changes,
// stamped by triggers on every write or delete; a live without a stamp has none).
// The rows keep the department the viewers had when the stats were fetched; the subtree and the
// roll-up to a level are applied per request, so a reorganisation is seen at once. A live's rows are
// kept in the order of the current tree (department-tree-order.ts), re-sorted when it changes, so a
// subtree is one range of each live's rows.
import type { CacheContext } from './context.ts';
import { DenseSlots } from './dense-slots.ts';
import { createDepartmentSumBlocks } from './department-sum-blocks.ts';
import { unpackDepartments } from './department-pack.ts';
import type { DepartmentPaths } from './department-paths.ts';
import { followSummaryStamps } from './summary-stamps.ts';
import type { Slicing } from './slicing.ts';
import { subtreeRange, treeKeys } from './department-tree-order.ts';

interface LiveDepartments {
  /** dense department slots (see `departmentSlots`), one per row */
  slots: Int32Array;
  viewers: Int32Array;
  seconds: Float64Array;
  completion: Float64Array;
  /** each row's place in the tree's walk, ascending once sorted for `keysVersion` */
  keys: Int32Array | null;
  keysVersion: number;
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

/** First index in `keys` (ascending) whose key is at least `key`. */
function lowerBound(keys: Int32Array, key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((keys[mid] as number) < key) lo = mid + 1;
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

/** New keys for rows already in the walk's order (departments were added, none moved). */
function rekey(rows: LiveDepartments, keyOfSlot: Int32Array, version: number): void {
  rows.keys = Int32Array.from(rows.slots, (slot) => keyOfSlot[slot] as number);
  rows.keysVersion = version;
}

/**
 * A live's rows put in the order of `keyOfSlot` (the tree's walk). A live has one row per
 * department, so each key marks its row in `scratch` (one entry per key, -1 when free, left free
 * again) and the rows are read back in key order: linear in the departments, no comparisons.
 */
function sortByKeys(rows: LiveDepartments, keyOfSlot: Int32Array, version: number, scratch: Int32Array): void {
  const n = rows.slots.length;
  for (let i = 0; i < n; i++) scratch[keyOfSlot[rows.slots[i] as number] as number] = i;
  const order = new Int32Array(n);
  const sortedKeys = new Int32Array(n);
  for (let key = 0, to = 0; to < n; key++) {
    const from = scratch[key] as number;
    if (from < 0) continue;
    scratch[key] = -1;
    order[to] = from;
    sortedKeys[to++] = key;
  }
  const permute = <A extends Int32Array | Float64Array>(array: A): A => {
    const copy = array.slice() as A;
    for (let to = 0; to < n; to++) array[to] = copy[order[to] as number] as number;
    return array;
  };
  rows.keys = sortedKeys;
  rows.slots = permute(rows.slots);
  rows.viewers = permute(rows.viewers);
  rows.seconds = permute(rows.seconds);
  rows.completion = permute(rows.completion);
  rows.keysVersion = version;
}

export function createDepartmentSums(ctx: CacheContext, departmentPaths: () => DepartmentPaths) {
  const departmentSlots = new DenseSlots();
  let byLive = new Map<number, LiveDepartments>();
  // blocks of lives whose sums are added up ahead: a year of lives adds a few dozen of them
  const blocks = createDepartmentSumBlocks(ctx, () => byLive);
  /**
   * The tree's walk over the slots (one key per slot), for the tree it was made with. New slots under
   * the same tree keep the others' order: a live sorted since `orderSince` only takes the new keys.
   */
  let keys: {
    of: Int32Array;
    tree: DepartmentPaths;
    version: number;
    orderSince: number;
    /** one entry per key, all -1 between sorts (see sortByKeys) */
    scratch: Int32Array;
  } | null = null;

  const slot = (departmentId: number) => departmentSlots.slot(departmentId);

  const fromRows = (rows: readonly Row[]): LiveDepartments => ({
    slots: Int32Array.from(rows, (r) => slot(r[1])),
    viewers: Int32Array.from(rows, (r) => r[2]),
    seconds: Float64Array.from(rows, (r) => r[3]),
    completion: Float64Array.from(rows, (r) => r[4]),
    keys: null,
    keysVersion: -1,
  });

  const fromPacked = (blob: Uint8Array): LiveDepartments => {
    const { departments, viewers, seconds, completion } = unpackDepartments(blob);
    // the ids become slots in place: no second array per live
    for (let i = 0; i < departments.length; i++) departments[i] = slot(departments[i] as number);
    return { slots: departments, viewers, seconds, completion, keys: null, keysVersion: -1 };
  };

  /** One live's sums into `held`: packed with its summary, or its rows when summarised before they were packed. */
  function readLive(held: Map<number, LiveDepartments>, liveId: number, packed?: Uint8Array | null): void {
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
    if (live && live.slots.length > 0) held.set(liveId, live);
    else held.delete(liveId);
  }

  const SUMMARIES = 'SELECT live_id, departments FROM live_summary';

  function readAll(): void {
    byLive = new Map();
    blocks.reset();
    const all = ctx.stmt(SUMMARIES).raw().iterate() as IterableIterator<[number, Uint8Array | null]>;
    for (const [liveId, blob] of all) readLive(byLive, liveId, blob);
  }

  const stamps = followSummaryStamps(ctx, {
    readAll,
    readLive(liveId) {
      readLive(byLive, liveId);
      blocks.changed(liveId);
    },
    held: () => byLive,
  });
  const { load } = stamps;

  /**
   * Reads every live's sums ahead of a request that needs them, a slice of lives at a time
   * (summary-stamps.ts), then adds up their blocks' sums, a few blocks at a time: at 10M watch
   * rows a whole read held the services' thread 200–500 ms, and the first request after it ~40 ms.
   */
  async function readAhead(pause: () => Promise<void>, slicing?: Slicing): Promise<void> {
    // prepared in the slices: the connection may be closed by the time this is called
    const slice = () => ctx.stmt(`${SUMMARIES} WHERE live_id BETWEEN ? AND ?`).raw();
    await stamps.readAhead(
      {
        begin: () => new Map<number, LiveDepartments>(),
        slice: (held, first, last) => {
          for (const [liveId, blob] of slice().iterate(first, last) as IterableIterator<[number, Uint8Array | null]>)
            readLive(held, liveId, blob);
        },
        end: (held) => {
          byLive = held;
          blocks.reset();
        },
      },
      pause,
      slicing,
    );
    if (ctx.db.open) await blocks.prepare(pause, () => departmentSlots.size, slicing);
  }

  /** Membership of the departments' slots (departments no live was watched from have none). */
  function maskOf(departmentIds: Iterable<number>): Uint8Array {
    const mask = new Uint8Array(departmentSlots.size);
    for (const id of departmentIds) {
      const s = departmentSlots.find(id);
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
          departmentId: departmentSlots.ids[s] as number,
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
    const sums = { viewers: new Float64Array(departmentSlots.size), completion: new Float64Array(departmentSlots.size) };
    blocks.add(liveIds, sums);
    return rowsOf(sums.viewers, sums.completion);
  }

  /** The walk of the current tree over every slot, made again when the tree or the slots change. */
  function currentKeys(): NonNullable<typeof keys> {
    const tree = departmentPaths();
    if (!keys || keys.tree !== tree || keys.of.length !== departmentSlots.size) {
      const version = (keys?.version ?? 0) + 1;
      const orderSince = keys && keys.tree === tree ? keys.orderSince : version;
      const scratch = new Int32Array(departmentSlots.size).fill(-1);
      keys = { of: treeKeys(departmentSlots.ids, tree), tree, version, orderSince, scratch };
    }
    return keys;
  }

  /**
   * The same over the departments `within` only, with each live's viewers and watch seconds from
   * them (lives none of them watched are left out), in one pass: a range of each live's rows when
   * the subtree is one run of the tree's walk, else every row tested against the subtree.
   */
  function within(
    liveIds: readonly number[],
    departmentIds: readonly number[],
  ): { departments: DepartmentSum[]; lives: Map<number, LiveSubtreeSum> } {
    load();
    const walk = currentKeys();
    const subtreeKeys: number[] = [];
    for (const id of departmentIds) {
      const s = departmentSlots.find(id);
      if (s !== undefined) subtreeKeys.push(walk.of[s] as number);
    }
    if (subtreeKeys.length === 0) return { departments: [], lives: new Map() }; // no live was watched from it
    const range = subtreeRange(subtreeKeys);
    const mask = range ? null : maskOf(departmentIds);
    const viewers = new Float64Array(departmentSlots.size);
    const completion = new Float64Array(departmentSlots.size);
    const lives = new Map<number, LiveSubtreeSum>();
    const live = new Float64Array(2);
    // in live order, as SQL would add them; within a live each department has one row
    for (const liveId of [...liveIds].sort((a, b) => a - b)) {
      const rows = byLive.get(liveId);
      if (!rows) continue;
      live[0] = 0;
      live[1] = 0;
      if (range) {
        if (rows.keysVersion !== walk.version) {
          if (rows.keys && rows.keysVersion >= walk.orderSince) rekey(rows, walk.of, walk.version);
          else sortByKeys(rows, walk.of, walk.version, walk.scratch);
        }
        const sorted = rows.keys as Int32Array;
        const end = lowerBound(sorted, range.last + 1);
        for (let i = lowerBound(sorted, range.first); i < end; i++) addRow(rows, i, viewers, completion, live);
      } else if (mask) {
        const slots = rows.slots;
        for (let i = 0; i < slots.length; i++) if (mask[slots[i] as number] === 1) addRow(rows, i, viewers, completion, live);
      }
      // every stored row counts at least one viewer
      if ((live[0] as number) > 0) lives.set(liveId, { viewers: live[0] as number, seconds: live[1] as number });
    }
    return { departments: rowsOf(viewers, completion), lives };
  }

  return { byDepartment, within, readAhead };
}
