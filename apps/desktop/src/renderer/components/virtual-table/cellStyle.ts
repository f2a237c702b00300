// A cell's box: fixed-width columns keep their width, the others share the rest.
import type { CSSProperties } from 'react';
import { textWidth } from '../../textWidth.ts';
import type { VirtualColumn } from './types.ts';

export const MIN_FLEX_WIDTH = 120;

/** The width a column never goes below: its fixed width, else its minimum. */
export const columnMinWidth = <R>(column: VirtualColumn<R>): number => column.width ?? column.minWidth ?? MIN_FLEX_WIDTH;

/**
 * A fixed column width, at least `width`, that shows `title` whole in the header (semibold, `fontSize`
 * px: a Latin letter up to ~0.68 em, a CJK character two cells), with the cell's padding and a sort caret:
 * "Completion" or "On mic" in English need more than the same column in 中文.
 */
export function widthForTitle(title: string, width: number, { sortable = false, fontSize = 14 } = {}): number {
  return Math.max(width, Math.ceil(textWidth(title) * fontSize * 0.68) + 24 + (sortable ? 18 : 0));
}

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
