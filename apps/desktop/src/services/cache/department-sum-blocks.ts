// Per-department sums of blocks of lives, so that statistics over a year of lives add a few dozen
// block sums instead of every live's rows (at 10M watch rows a year is ~700 lives of ~2,400
// departments each: 1.7M additions, ~10 ms a request).
// The held lives are cut into blocks of BLOCK_SIZE in the order they started, so a date range
// covers whole blocks but at its two ends. A request adds a block's sums when it asks for every live
// of the block, and the lives it asks for one by one otherwise: any cut gives the same answer, the
// order only decides how many blocks a range covers whole. A block's sums are added up when first
// used and again after one of its lives changed; a live that started before the newest block cuts
// the lives again (a history sync), a live that started after it joins the newest block.
import type { CacheContext } from './context.ts';
import { READ_AHEAD_SLICING, sliceSizer, type Slicing } from './slicing.ts';

/** One live's rows as department-sums.ts holds them. */
export interface LiveRows {
  slots: Int32Array;
  viewers: Int32Array;
  completion: Float64Array;
}

export interface Sums {
  viewers: Float64Array;
  completion: Float64Array;
}

/** Lives per block: the ends of a range add at most two blocks' lives one by one. */
const BLOCK_SIZE = 16;
/** A budgeted preparation's first slice of blocks, whose time sizes the next. */
const FIRST_BLOCKS = 2;

interface Block {
  lives: number[];
  /** null until added up, and again once one of its lives changed */
  sums: Sums | null;
}

/** Adds one live's rows into `into`. */
function addLive(into: Sums, rows: LiveRows): void {
  const { slots, viewers, completion } = rows;
  const v = into.viewers;
  const c = into.completion;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as number;
    v[s] = (v[s] as number) + (viewers[i] as number);
    c[s] = (c[s] as number) + (completion[i] as number);
  }
}

/**
 * Adds a block's sums into `into`. A function of its own, not a loop inside `add`: there each
 * block's pass over the slots ran on-stack-replaced code that was thrown away when the loop ended,
 * 125 times in a 10M-row cache's first request after its read ahead (twice the second's time).
 */
function addSums(into: Sums, sums: Sums): void {
  const v = into.viewers;
  const c = into.completion;
  for (let s = 0; s < v.length; s++) {
    v[s] = (v[s] as number) + (sums.viewers[s] as number);
    c[s] = (c[s] as number) + (sums.completion[s] as number);
  }
}

export function createDepartmentSumBlocks(ctx: CacheContext, held: () => ReadonlyMap<number, LiveRows>) {
  let blocks: Block[] | null = null;
  const blockOf = new Map<number, Block>();
  /** the start of the newest block's last live: a live started after it joins that block */
  let newestStart = -Infinity;

  const startsOf = () =>
    new Map(ctx.stmt('SELECT id, living_start FROM lives').raw().all() as Array<[number, number | null]>);

  function cut(): Block[] {
    const starts = startsOf();
    const start = (liveId: number) => starts.get(liveId) ?? 0;
    const lives = [...held().keys()].sort((a, b) => start(a) - start(b) || a - b);
    const cutBlocks: Block[] = [];
    blockOf.clear();
    for (let i = 0; i < lives.length; i += BLOCK_SIZE) {
      const block: Block = { lives: lives.slice(i, i + BLOCK_SIZE), sums: null };
      for (const liveId of block.lives) blockOf.set(liveId, block);
      cutBlocks.push(block);
    }
    newestStart = lives.length > 0 ? start(lives.at(-1) as number) : -Infinity;
    return cutBlocks;
  }

  /** Places lives held but in no block: after the newest block when they started after it, else cuts again. */
  function place(current: Block[]): Block[] {
    const unplaced = [...held().keys()].filter((liveId) => !blockOf.has(liveId));
    if (unplaced.length === 0) return current;
    const starts = startsOf();
    const start = (liveId: number) => starts.get(liveId) ?? 0;
    if (unplaced.some((liveId) => start(liveId) < newestStart)) return cut();
    for (const liveId of unplaced.sort((a, b) => start(a) - start(b) || a - b)) {
      let newest = current.at(-1);
      if (!newest || newest.lives.length >= BLOCK_SIZE) {
        newest = { lives: [], sums: null };
        current.push(newest);
      }
      newest.lives.push(liveId);
      newest.sums = null;
      blockOf.set(liveId, newest);
      newestStart = start(liveId);
    }
    return current;
  }

  function sumsOf(block: Block, size: number): Sums {
    if (block.sums && block.sums.viewers.length === size) return block.sums;
    const sums = { viewers: new Float64Array(size), completion: new Float64Array(size) };
    const lives = held();
    for (const liveId of block.lives) {
      const rows = lives.get(liveId);
      if (rows) addLive(sums, rows);
    }
    block.sums = sums;
    return sums;
  }

  return {
    /** A live's sums were read again (or it was forgotten): its block is added up again when next used. */
    changed(liveId: number): void {
      const block = blockOf.get(liveId);
      if (block) block.sums = null;
    },
    /** Every live was read again: the lives are cut again on the next request. */
    reset(): void {
      blocks = null;
      blockOf.clear();
    },
    /**
     * Adds up every block's sums ahead of the requests, a slice of blocks after each `pause()`
     * (a read ahead's last steps: the first request after it then adds blocks, not lives).
     */
    async prepare(pause: () => Promise<void>, size: () => number, slicing: Slicing = READ_AHEAD_SLICING): Promise<void> {
      blocks = place(blocks ?? cut());
      const cutNow = blocks;
      const sizer = sliceSizer(slicing, FIRST_BLOCKS);
      for (let first = 0; first < cutNow.length; ) {
        await pause();
        // cut again meanwhile (every live read again): the next request adds up what it needs
        if (blocks !== cutNow) return;
        const end = Math.min(first + sizer.size(), cutNow.length);
        sizer.run(end - first, () => {
          for (const block of cutNow.slice(first, end)) sumsOf(block, size());
        });
        first = end;
      }
    },
    /** Adds the sums of `liveIds` (each counted once) into `into`, whose arrays have one entry per slot. */
    add(liveIds: readonly number[], into: Sums): void {
      const lives = held();
      blocks = place(blocks ?? cut());
      const asked = new Set(liveIds);
      const whole = new Set<Block>();
      for (const block of blocks) {
        // a forgotten live leaves its block: the block is added up again without it
        if (block.lives.some((liveId) => !lives.has(liveId))) {
          for (const liveId of block.lives) if (!lives.has(liveId)) blockOf.delete(liveId);
          block.lives = block.lives.filter((liveId) => lives.has(liveId));
          block.sums = null;
        }
        if (block.lives.length > 1 && block.lives.every((liveId) => asked.has(liveId))) whole.add(block);
      }
      const size = into.viewers.length;
      for (const block of whole) addSums(into, sumsOf(block, size));
      for (const liveId of asked) {
        const block = blockOf.get(liveId);
        if (block && whole.has(block)) continue;
        const rows = lives.get(liveId);
        if (rows) addLive(into, rows);
      }
    },
  };
}
