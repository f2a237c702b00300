// A cell's box: fixed-width columns keep their width, the others share the rest.
import type { CSSProperties } from 'react';
import type { VirtualColumn } from './types.ts';

export const MIN_FLEX_WIDTH = 120;

export function cellStyle<R>(column: VirtualColumn<R>): CSSProperties {
  return {
    flex: column.width ? `0 0 ${column.width}px` : `1 1 ${MIN_FLEX_WIDTH}px`,
    minWidth: column.width ?? MIN_FLEX_WIDTH,
    padding: '0 12px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    textAlign: column.align ?? 'left',
  };
}
