// A windowed table over a paged data source: only the rows in view are in the DOM, and only the pages
// they fall in are fetched (one query per page in the window's query cache, see usePageQueries), so
// 100k rows scroll smoothly and a new filter shows its first rows as soon as its first page arrives. Keyboard: the grid takes focus, arrows/PageUp/PageDown/
// Home/End move the active row (aria-activedescendant), Enter opens it. The parts: virtual-table/.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';
import { usePageQueries } from '../hooks/useServicePages.ts';
import { inputKey } from '../hooks/useServiceQuery.ts';
import { columnMinWidth } from './virtual-table/cellStyle.ts';
import { gridKeyDown } from './virtual-table/gridKeyboard.ts';
import { useQueryToRowsMark } from './virtual-table/queryToRowsMark.ts';
import { VirtualHeader } from './virtual-table/VirtualHeader.tsx';
import { VirtualRow, useRowStyles } from './virtual-table/VirtualRow.tsx';
import type { PageSource, VirtualColumn, VirtualSort } from './virtual-table/types.ts';

export type { FetchPage, PageSource, VirtualColumn, VirtualSort } from './virtual-table/types.ts';
export { widthForTitle } from './virtual-table/cellStyle.ts';

export interface VirtualTableProps<R> {
  columns: VirtualColumn<R>[];
  rowKey: (row: R) => string;
  /** The rows, page by page; a new source key resets the table (filters, sort…). */
  source: PageSource<R>;
  rowHeight?: number;
  /** Height of the scrolling body in px. */
  height?: number;
  sort?: VirtualSort;
  onSortChange?: (sort: VirtualSort) => void;
  onRowClick?: (row: R) => void;
  emptyText?: ReactNode;
  /** Rows per fetched page. */
  pageSize?: number;
  /**
   * What goes above the table, given its total (null until the source's first answer): a count beside
   * the filters then changes in the commit that changes the rows, never a render after them.
   */
  toolbar?: (total: number | null) => ReactNode;
  /** Show "N rows" under the table (default true). */
  showCount?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const {
    columns,
    rowKey,
    source,
    rowHeight = 36,
    height = 480,
    sort,
    onSortChange,
    onRowClick,
    emptyText,
    pageSize = 200,
    toolbar,
    showCount = true,
  } = props;
  const { t } = useTranslation('common');
  const { token } = theme.useToken();
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState<number | null>(null);
  const queryKey = inputKey(source.key);
  // The pages in view, for the current query only (a new one starts with its first page).
  const [inView, setInView] = useState({ queryKey, first: 0, last: 0 });
  const viewed = inView.queryKey === queryKey ? inView : { first: 0, last: 0 };
  const cache = usePageQueries(source, pageSize, viewed.first, viewed.last);
  const queryStarted = useRef<{ queryKey: string; at: number } | null>(null);
  if (queryStarted.current?.queryKey !== queryKey && cache.total === null) {
    queryStarted.current = { queryKey, at: performance.now() };
  }

  // A new query starts at the top.
  useEffect(() => {
    setActive(null);
    scrollRef.current?.scrollTo?.({ top: 0 });
  }, [queryKey]);

  // the same element while the total and the toolbar stay: scrolling re-renders the table, not the toolbar
  const toolbarElement = useMemo(() => toolbar?.(cache.total), [toolbar, cache.total]);

  const total = cache.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // Until the element has a size (first layout, hidden tab, test DOM), assume the requested height.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height })),
    initialRect: { width: 0, height },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  // Fetch the pages the visible rows fall in.
  const firstPage = Math.floor(first / pageSize);
  const lastPage = Math.floor(last / pageSize);
  useEffect(() => {
    setInView((v) => (v.queryKey === queryKey && v.first === firstPage && v.last === lastPage ? v : { queryKey, first: firstPage, last: lastPage }));
  }, [queryKey, firstPage, lastPage]);

  useQueryToRowsMark(queryStarted, queryKey, cache, first);

  const error = cache.error;

  const onKeyDown = gridKeyDown({
    total,
    pageRows: Math.max(1, Math.floor(height / rowHeight) - 1),
    active,
    setActive,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    onEnter: (index) => {
      const row = cache.row(index);
      if (row !== undefined) onRowClick?.(row);
    },
  });

  const rowId = (index: number) => `${gridId}-row-${index}`;
  const clickRef = useRef(onRowClick);
  clickRef.current = onRowClick;
  const onActivate = useCallback((index: number, row: R | undefined) => {
    setActive(index);
    if (row !== undefined) clickRef.current?.(row);
  }, []);
  const rowStyles = useRowStyles(rowHeight, onRowClick !== undefined, token);
  const minWidth = columns.reduce((sum, c) => sum + columnMinWidth(c), 0);
  const loadingFirst = cache.total === null && !error;

  return (
    <>
      {/* beside the table's box, not in it: the parent lays the two out */}
      {toolbarElement}
      <div data-testid={props['data-testid']}>
        {error ? (
          <ErrorAlert
            error={error}
            onRetry={cache.retry}
            className="wld-table-error"
          />
        ) : null}
        <div
          ref={scrollRef}
          role="grid"
          tabIndex={0}
          aria-label={props['aria-label']}
          aria-rowcount={cache.total === null ? -1 : total + 1}
          aria-colcount={columns.length}
          aria-busy={loadingFirst || undefined}
          aria-activedescendant={
            active !== null && active >= first && active <= last ? rowId(active) : undefined
          }
          onKeyDown={onKeyDown}
          style={{
            height,
            overflow: 'auto',
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadius,
            background: token.colorBgContainer,
            contain: 'strict',
          }}
        >
          <div style={{ minWidth }}>
            <VirtualHeader<R>
              columns={columns}
              sort={sort}
              onSortChange={onSortChange}
              rowHeight={rowHeight}
              token={token}
            />
            {cache.total === 0 ? (
              <Flex justify="center" align="center" style={{ height: height - rowHeight - 2 }}>
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('table.empty')} />
              </Flex>
            ) : (
              <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {items.map((item) => {
                  const row = cache.row(item.index);
                  return (
                    <VirtualRow<R>
                      key={row === undefined ? `loading-${item.index}` : rowKey(row)}
                      row={row}
                      index={item.index}
                      id={rowId(item.index)}
                      testId={row === undefined ? 'row-loading' : `row-${rowKey(row)}`}
                      start={item.start}
                      active={item.index === active}
                      columns={columns}
                      rowStyle={rowStyles.row}
                      activeStyle={rowStyles.active}
                      placeholderStyle={rowStyles.placeholder}
                      onActivate={onActivate}
                    />
                  );
                })}
              </div>
            )}
            {loadingFirst ? (
              <Flex justify="center" style={{ padding: 16 }}>
                <Typography.Text type="secondary">{t('table.loading')}</Typography.Text>
              </Flex>
            ) : null}
          </div>
        </div>
        {showCount && cache.total !== null ? (
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, display: 'block', marginTop: 6 }}
            data-testid="table-count"
          >
            {t('table.rows', { count: cache.total })}
          </Typography.Text>
        ) : null}
      </div>
    </>
  );
}

export default VirtualTable;
