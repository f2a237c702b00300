// The watch-table pages both cache benchmarks ask for: every kind, both directions, first and later pages.
export type WatchSort = 'watchTime' | 'name' | 'department';
export type Pick = <T>(list: readonly T[]) => T;

export function watchStatsQueries(lives: ReadonlyArray<{ livingid: string }>, sort: WatchSort, pick: Pick) {
  return lives.map((l, i) => ({
    livingid: l.livingid,
    kind: pick(['all', 'all', 'internal', 'external'] as const),
    sort,
    desc: i % 2 === 0,
    offset: i % 3 === 0 ? 1000 : 0,
    limit: 100,
  }));
}
