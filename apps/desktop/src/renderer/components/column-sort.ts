// The sort rule of both tables' headers (VirtualTable's and LightTable's): what a column's header
// says (aria-sort, which caret is lit) and the sort a press of it asks for. The same column flips;
// another starts descending (the largest or newest first).

export interface ColumnSort {
  key: string;
  desc: boolean;
}

export interface HeaderSort {
  /** The table is sorted by this column, and which way; null when it is not. */
  direction: 'asc' | 'desc' | null;
  ariaSort: 'ascending' | 'descending' | 'none' | undefined;
  /** The sort a press of this column's header asks for. */
  next: ColumnSort;
}

export function headerSort(sort: ColumnSort | undefined, column: { key: string; sortable?: boolean }): HeaderSort {
  const direction = sort?.key === column.key ? (sort.desc ? 'desc' : 'asc') : null;
  return {
    direction,
    ariaSort: direction === 'desc' ? 'descending' : direction === 'asc' ? 'ascending' : column.sortable ? 'none' : undefined,
    next: { key: column.key, desc: direction !== 'desc' },
  };
}
