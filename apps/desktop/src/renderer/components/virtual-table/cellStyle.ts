// A cell's box: fixed-width columns keep their width, the others share the rest.
import type { CSSProperties } from 'react';
import type { VirtualColumn } from './types.ts';

export const MIN_FLEX_WIDTH = 120;

/** The width a column never goes below: its fixed width, else its minimum. */
export const columnMinWidth = <R>(column: VirtualColumn<R>): number => column.width ?? column.minWidth ?? MIN_FLEX_WIDTH;

export function cellStyle<R>(column: VirtualColumn<R>): CSSProperties {
  return {
    flex: column.width ? `0 0 ${column.width}px` : `1 1 ${columnMinWidth(column)}px`,
    minWidth: columnMinWidth(column),
    padding: '0 12px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    textAlign: column.align ?? 'left',
  };
}
