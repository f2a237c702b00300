// The shapes a VirtualTable is described with: its columns, its sort and its paged data source.
import type { ReactNode } from 'react';
import type { Topic } from '../../api/client.ts';
import type { ColumnSort } from '../column-sort.ts';

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

export type VirtualSort = ColumnSort;

export type FetchPage<R> = (
  offset: number,
  limit: number,
  signal: AbortSignal,
) => Promise<{ total: number; rows: R[] }>;

/** Where a table's rows come from: one query per page under `key`, refreshed by `topics`. */
export interface PageSource<R> {
  /** Identifies the result set (filters, sort); a new key starts the table over at the top. */
  key: readonly unknown[];
  fetchPage: FetchPage<R>;
  topics?: readonly Topic[];
  /** A page whose answer has just arrived (the warm start asked it): the table starts from it. */
  arrivedPage?: (offset: number, limit: number) => { total: number; rows: R[] } | undefined;
}
