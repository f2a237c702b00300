import { describe, expect, it } from 'vitest';
import { buildDepartmentTree } from '../../src/services/departments.ts';
import { chainedPages } from '../../src/paging/chained-pages.ts';
import { mapConcurrent } from '../../src/paging/map-concurrent.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('chainedPages', () => {
  it('requests the next page before the consumer finishes the current one', async () => {
    const asked: (string | undefined)[] = [];
    const pages = chainedPages({
      fetchPage: async (key) => {
        asked.push(key);
        return { key, next: key === undefined ? 'k1' : key === 'k1' ? 'k2' : '' };
      },
      nextKey: (page) => page.next || null,
    });
    const seen: (string | undefined)[] = [];
    for await (const page of pages) {
      await tick();
      // While handling page N, page N+1 has already been asked for (unless N was the last).
      expect(asked.length).toBe(page.next ? seen.length + 2 : seen.length + 1);
      seen.push(page.key);
    }
    expect(seen).toEqual([undefined, 'k1', 'k2']);
  });

  it('aborts the request in flight when the consumer stops early', async () => {
    const signals: AbortSignal[] = [];
    const pages = chainedPages({
      fetchPage: async (key, signal) => {
        signals.push(signal);
        return Number(key ?? 0);
      },
      nextKey: (page) => String(page + 1),
    });
    for await (const page of pages) if (page === 2) break;
    expect(signals.length).toBe(4);
    expect(signals.at(-1)!.aborted).toBe(true);
  });
});

describe('mapConcurrent', () => {
  it('keeps at most `concurrency` tasks in flight and yields every result', async () => {
    let inFlight = 0;
    let peak = 0;
    const results: number[] = [];
    const items = Array.from({ length: 50 }, (_, i) => i);
    for await (const value of mapConcurrent(items, 4, async (item) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      for (let i = 0; i < (item % 3) + 1; i++) await tick();
      inFlight--;
      return item * 2;
    })) {
      results.push(value);
    }
    expect(peak).toBe(4);
    expect(results.sort((a, b) => a - b)).toEqual(items.map((i) => i * 2));
  });

  it('rethrows the first failure and aborts the rest', async () => {
    const signals: AbortSignal[] = [];
    const run = async () => {
      for await (const _ of mapConcurrent([1, 2, 3, 4], 2, async (item, signal) => {
        signals.push(signal);
        await tick();
        if (item === 2) throw new Error('boom');
        return item;
      })) {
        // consume
      }
    };
    await expect(run()).rejects.toThrow('boom');
    expect(signals[0]!.aborted).toBe(true);
  });
});

describe('buildDepartmentTree', () => {
  it('nests departments and sorts siblings by order, larger first', () => {
    const tree = buildDepartmentTree([
      { id: 1, parentid: 0, order: 1 },
      { id: 2, parentid: 1, order: 10 },
      { id: 3, parentid: 1, order: 300 },
      { id: 4, parentid: 2, order: 5 },
      { id: 5, parentid: 2, order: 5 },
      { id: 9, parentid: 77, order: 1 },
    ]);
    expect(tree.map((n) => n.id)).toEqual([1, 9]);
    expect(tree[0]!.children.map((n) => n.id)).toEqual([3, 2]);
    expect(tree[0]!.children[1]!.children.map((n) => n.id)).toEqual([4, 5]);
    expect(tree[1]!.children).toEqual([]);
  });
});

describe('mapConcurrent backpressure', () => {
  it('holds at most `concurrency` finished results for a consumer that is not reading', async () => {
    let started = 0;
    const items = Array.from({ length: 100 }, (_, i) => i);
    const iterator = mapConcurrent(items, 5, async (item) => {
      started++;
      return item;
    });
    await iterator.next();
    for (let i = 0; i < 20; i++) await tick();
    // 5 running or finished-and-waiting, plus up to 5 more started while those waited.
    expect(started).toBeLessThanOrEqual(11);
    let rest = 0;
    for await (const _ of iterator) rest++;
    expect(rest).toBe(99);
    expect(started).toBe(100);
  });
});
