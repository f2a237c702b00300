// The shapes a VirtualTable is described with: its columns, its sort and its paged data source.
import type { ReactNode } from 'react';

export interface VirtualColumn<R> {
  key: string;
  title: ReactNode;
  /** Fixed width in px; columns without one share the rest (at least `minWidth` each). */
  width?: number;
  /** The least a column without a fixed width is given before the table scrolls sideways (120 px). */
  minWidth?: number;
  align?: 'left' | 'right' | 'center';
  sortable?: boolean;
  render?: (row: R) => ReactNode;
}

export interface VirtualSort {
  key: string;
  desc: boolean;
}

export type FetchPage<R> = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<{ total: number; rows: R[] }>;
