import { describe, expect, it } from 'vitest';
import { collectPages } from './collectPages.ts';
import type { CollectProgress } from './collectPages.ts';

const source = (total: number) => async (offset: number, limit: number) => ({
  total,
  rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i),
});

describe('collectPages', () => {
  it('fetches every page in order and reports progress', async () => {
    const progress: CollectProgress[] = [];
    const rows = await collectPages(source(2500), { pageSize: 1000, signal: new AbortController().signal, onProgress: (p) => progress.push(p) });
    expect(rows).toHaveLength(2500);
    expect(rows[2499]).toBe(2499);
    expect(progress).toEqual([
      { done: 0, total: null },
      { done: 1000, total: 2500 },
      { done: 2000, total: 2500 },
      { done: 2500, total: 2500 },
    ]);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    let pages = 0;
    const fetchPage = async (offset: number, limit: number) => {
      pages++;
      if (pages === 2) controller.abort();
      return source(10_000)(offset, limit);
    };
    await expect(collectPages(fetchPage, { pageSize: 100, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(pages).toBe(2);
  });
});
