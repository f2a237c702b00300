// A windowed table over a paged data source: only the rows in view are in the DOM, and only the pages
// they fall in are fetched (cached per queryKey), so 100k rows scroll smoothly and a new filter shows its
// first rows as soon as its first page arrives. Keyboard: the grid takes focus, arrows/PageUp/PageDown/
// Home/End move the active row (aria-activedescendant), Enter opens it.
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import type { CSSProperties, KeyboardEvent, ReactNode } from 'react';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Flex, Typography, theme } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.tsx';
import { toServiceError } from '../errors.ts';
import type { ServiceError } from '../../shared/models.ts';
import { formatNumber } from '../format.ts';
import { createPageCache } from './virtualTablePages.ts';
import type { PageCache } from './virtualTablePages.ts';

export interface VirtualColumn<R> {
  key: string;
  title: ReactNode;
  /** Fixed width in px; columns without one share the rest (at least 120 px each). */
  width?: number;
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

export interface VirtualTableProps<R> {
  columns: VirtualColumn<R>[];
  rowKey: (row: R) => string;
  fetchPage: FetchPage<R>;
  /** Any change resets the table (filters, sort, a data version…). */
  queryKey: string;
  rowHeight?: number;
  /** Height of the scrolling body in px. */
  height?: number;
  sort?: VirtualSort;
  onSortChange?: (sort: VirtualSort) => void;
  onRowClick?: (row: R) => void;
  emptyText?: ReactNode;
  /** Rows per fetched page. */
  pageSize?: number;
  /** Called when the total for the current queryKey is known. */
  onTotalChange?: (total: number) => void;
  /** Show "N rows" under the table (default true). */
  showCount?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
}

const MIN_FLEX_WIDTH = 120;
const KEPT_QUERIES = 4;

function cellStyle<R>(column: VirtualColumn<R>): CSSProperties {
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

interface VirtualRowProps<R> {
  row: R | undefined;
  index: number;
  id: string;
  testId: string;
  start: number;
  active: boolean;
  columns: VirtualColumn<R>[];
  rowStyle: CSSProperties;
  activeStyle: CSSProperties;
  placeholderStyle: CSSProperties;
  onActivate: (index: number, row: R | undefined) => void;
}

/**
 * One body row. Memoised: a re-render of the table (a page arriving, the active row moving, the
 * parent re-rendering with the same rows) leaves the rows whose data and position did not change
 * alone, so only new rows pay for their cells.
 */
function VirtualRowImpl<R>({
  row,
  index,
  id,
  testId,
  start,
  active,
  columns,
  rowStyle,
  activeStyle,
  placeholderStyle,
  onActivate,
}: VirtualRowProps<R>) {
  return (
    <div
      id={id}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={active || undefined}
      data-testid={testId}
      className="wld-grid-row"
      onClick={() => onActivate(index, row)}
      style={{ ...rowStyle, ...(active ? activeStyle : null), transform: `translateY(${start}px)` }}
    >
      {columns.map((column) => (
        <div key={column.key} role="gridcell" style={cellStyle(column)}>
          {row === undefined ? (
            <span aria-hidden style={placeholderStyle} />
          ) : column.render ? (
            column.render(row)
          ) : (
            String((row as Record<string, unknown>)[column.key] ?? '')
          )}
        </div>
      ))}
    </div>
  );
}
const VirtualRow = memo(VirtualRowImpl) as typeof VirtualRowImpl;

export function VirtualTable<R>(props: VirtualTableProps<R>) {
  const {
    columns,
    rowKey,
    fetchPage,
    queryKey,
    rowHeight = 36,
    height = 480,
    sort,
    onSortChange,
    onRowClick,
    emptyText,
    pageSize = 200,
    onTotalChange,
    showCount = true,
  } = props;
  const { t } = useTranslation('common');
  const { token } = theme.useToken();
  const gridId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [active, setActive] = useState<number | null>(null);

  // Caches per queryKey (a few kept, so flipping back to a filter is instant).
  const caches = useRef(new Map<string, PageCache<R>>());
  /** User Timing for the renderer benchmark: a new query, until its first rows are in the DOM. */
  const queryStarted = useRef<{ queryKey: string; at: number } | null>(null);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const totalRef = useRef(onTotalChange);
  totalRef.current = onTotalChange;

  const loadInto = useCallback((target: PageCache<R>, page: number) => {
    const timedFetch = (offset: number, limit: number, signal: AbortSignal) => {
      const started = performance.now();
      return fetchRef
        .current(offset, limit, signal)
        .finally(() => performance.measure('wld:table-fetch', { start: started }));
    };
    target.load(page, timedFetch, () => {
      if (target.total !== null) totalRef.current?.(target.total);
      rerender();
    });
  }, []);

  const cache = useMemo(() => {
    const existing = caches.current.get(queryKey);
    if (existing) {
      caches.current.delete(queryKey);
      caches.current.set(queryKey, existing); // most recent last
      return existing;
    }
    const created = createPageCache<R>(pageSize);
    queryStarted.current = { queryKey, at: performance.now() };
    caches.current.set(queryKey, created);
    while (caches.current.size > KEPT_QUERIES) {
      const oldest = caches.current.keys().next().value as string;
      caches.current.get(oldest)?.abort();
      caches.current.delete(oldest);
    }
    // The first page is asked for now, not after commit: the services search while React renders
    // and commits the reset table (an effect would wait for that, and maybe for a paint). The cache is
    // keyed by queryKey, so a render that runs twice or is thrown away reuses it instead of refetching.
    loadInto(created, 0);
    return created;
  }, [queryKey, pageSize, loadInto]);

  const load = useCallback((page: number) => loadInto(cache, page), [cache, loadInto]);

  // A new query starts at the top with its first page.
  useEffect(() => {
    setActive(null);
    scrollRef.current?.scrollTo?.({ top: 0 });
    load(0);
    if (cache.total !== null) totalRef.current?.(cache.total);
  }, [cache, load]);

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
  useEffect(() => {
    if (cache.total === null || cache.total === 0) return;
    for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) load(page);
  }, [cache, first, last, pageSize, load]);

  useLayoutEffect(() => {
    const started = queryStarted.current;
    if (
      !started ||
      started.queryKey !== queryKey ||
      cache.total === null ||
      (cache.total > 0 && cache.row(first) === undefined)
    )
      return;
    queryStarted.current = null;
    performance.measure('wld:table-query-to-rows', { start: started.at, detail: queryKey });
  });

  const error: ServiceError | null = cache.error ? toServiceError(cache.error) : null;

  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // header buttons handle their own keys
    const page = Math.max(1, Math.floor(height / rowHeight) - 1);
    const current = active ?? -1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(current + 1),
      ArrowUp: () => moveTo(Math.max(0, current - 1)),
      PageDown: () => moveTo(current + page),
      PageUp: () => moveTo(current - page),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => {
        const row = active !== null ? cache.row(active) : undefined;
        if (row !== undefined) onRowClick?.(row);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const rowId = (index: number) => `${gridId}-row-${index}`;
  const clickRef = useRef(onRowClick);
  clickRef.current = onRowClick;
  const onActivate = useCallback((index: number, row: R | undefined) => {
    setActive(index);
    if (row !== undefined) clickRef.current?.(row);
  }, []);
  const hasRowClick = onRowClick !== undefined;
  const rowStyles = useMemo(
    () => ({
      row: {
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: rowHeight,
        display: 'flex',
        alignItems: 'center',
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        cursor: hasRowClick ? 'pointer' : undefined,
      } satisfies CSSProperties,
      active: {
        background: token.controlItemBgActive,
        boxShadow: `inset 2px 0 0 ${token.colorPrimary}`,
      } satisfies CSSProperties,
      placeholder: {
        display: 'inline-block',
        width: '60%',
        height: 10,
        borderRadius: 4,
        background: token.colorFillSecondary,
      } satisfies CSSProperties,
    }),
    [rowHeight, hasRowClick, token],
  );
  const minWidth = columns.reduce((sum, c) => sum + (c.width ?? MIN_FLEX_WIDTH), 0);
  const loadingFirst = cache.total === null && !error;

  // The header (sort buttons and their icons) only changes with the columns, the sort or the theme,
  // not with every page or query, so it is not re-rendered with the rows.
  const header = useMemo(
    () => (
      <div
        role="rowgroup"
        style={{ position: 'sticky', top: 0, zIndex: 1, background: token.colorFillAlter }}
      >
        <div
          role="row"
          aria-rowindex={1}
          style={{
            display: 'flex',
            alignItems: 'center',
            height: rowHeight,
            fontWeight: 600,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            background: token.colorBgContainer,
          }}
        >
          {columns.map((column) => {
            const sorted = sort?.key === column.key;
            const ariaSort = sorted
              ? sort.desc
                ? 'descending'
                : 'ascending'
              : column.sortable
                ? 'none'
                : undefined;
            return (
              <div key={column.key} role="columnheader" aria-sort={ariaSort} style={cellStyle(column)}>
                {column.sortable && onSortChange ? (
                  <button
                    type="button"
                    data-testid={`sort-${column.key}`}
                    onClick={() => onSortChange({ key: column.key, desc: sorted ? !sort.desc : true })}
                    style={{
                      all: 'unset',
                      cursor: 'pointer',
                      display: 'inline-flex',
                      alignItems: 'center',
                      gap: 4,
                      maxWidth: '100%',
                    }}
                  >
                    {column.title}
                    <span
                      aria-hidden
                      style={{
                        display: 'inline-flex',
                        flexDirection: 'column',
                        fontSize: 9,
                        lineHeight: 0.9,
                      }}
                    >
                      <CaretUpOutlined
                        style={{
                          color: sorted && !sort.desc ? token.colorPrimary : token.colorTextQuaternary,
                        }}
                      />
                      <CaretDownOutlined
                        style={{
                          color: sorted && sort.desc ? token.colorPrimary : token.colorTextQuaternary,
                        }}
                      />
                    </span>
                  </button>
                ) : (
                  column.title
                )}
              </div>
            );
          })}
        </div>
      </div>
    ),
    [columns, sort, onSortChange, token, rowHeight],
  );

  return (
    <div data-testid={props['data-testid']}>
      {error ? (
        <ErrorAlert
          error={error}
          onRetry={() => {
            cache.clearError();
            load(Math.floor(first / pageSize));
            rerender();
          }}
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
          {header}
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
          {t('table.rows', { count: cache.total, formatted: formatNumber(cache.total) })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

export default VirtualTable;
