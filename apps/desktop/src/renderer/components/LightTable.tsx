// A table of the rows it is given (one page of a list the services page and sort), drawn with antd's
// table stylesheet but without antd's Table: at 20 rows antd's Table took ~30-40 ms more to mount than
// this markup (the lives screen's first data, browser host, 10 alternated runs), mostly its fixed
// columns' measuring and per-cell machinery. Plain semantics: <table>, <th scope="col"> with aria-sort
// and a button to sort by; the first and last columns can stay in view while the rest scroll sideways.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CSSProperties, ReactNode } from 'react';
import { Empty } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ANTD_CSS_VAR_KEY } from '../theme/index.ts';
import { headerSort, type ColumnSort } from './column-sort.ts';

export interface LightColumn<R> {
  key: string;
  title: ReactNode;
  /** Width in px (every column has one: the table's width is their sum). */
  width: number;
  align?: 'left' | 'right' | 'center';
  /** Kept in view at the start or the end of the row while the others scroll sideways. */
  fixed?: 'start' | 'end';
  /** One line, cut with an ellipsis. */
  ellipsis?: boolean;
  sortable?: boolean;
  render: (row: R) => ReactNode;
}

export type LightSort = ColumnSort;

export interface LightTableProps<R> {
  columns: LightColumn<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  rowTestId?: (row: R) => string;
  sort?: LightSort;
  /** A sortable column's header was pressed: the same column flips, another starts descending. */
  onSortChange?: (sort: LightSort) => void;
  loading?: boolean;
  emptyText?: ReactNode;
  /** Under the table, inside its frame (the pagination). */
  footer?: ReactNode;
  'data-testid'?: string;
}

const PREFIX = 'ant-table';

/** The sticky offset of each fixed column: the widths of the fixed columns before it on its side. */
function fixedOffsets<R>(columns: LightColumn<R>[]): Map<string, number> {
  const offsets = new Map<string, number>();
  for (const side of ['start', 'end'] as const) {
    let offset = 0;
    for (const c of side === 'start' ? columns : [...columns].reverse()) {
      if (c.fixed !== side) continue;
      offsets.set(c.key, offset);
      offset += c.width;
    }
  }
  return offsets;
}

/** Whether the content is scrolled away from its start, and whether more of it lies past the end. */
function useScrollEdges() {
  const ref = useRef<HTMLDivElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = el.scrollLeft > 0;
    const end = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setEdges((e) => (e.start === start && e.end === end ? e : { start, end }));
  }, []);
  // read after the first paint (a passive effect), never during a commit
  useEffect(() => {
    update();
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [update]);
  return { ref, edges, onScroll: update };
}

export function LightTable<R>(props: LightTableProps<R>) {
  const { columns, rows, rowKey, rowTestId, sort, onSortChange, loading = false, emptyText, footer } = props;
  const { t } = useTranslation('common');
  const { ref, edges, onScroll } = useScrollEdges();
  const offsets = fixedOffsets(columns);
  const lastStart = columns.findLastIndex((c) => c.fixed === 'start');
  const firstEnd = columns.findIndex((c) => c.fixed === 'end');

  const cellClass = (column: LightColumn<R>, index: number, header: boolean) => {
    const names = [`${PREFIX}-cell`];
    if (column.ellipsis) names.push(`${PREFIX}-cell-ellipsis`);
    if (column.fixed) names.push(`${PREFIX}-cell-fix`, `${PREFIX}-cell-fix-${column.fixed}`);
    if (index === lastStart)
      names.push(
        `${PREFIX}-cell-fix-start-shadow`,
        ...(edges.start ? [`${PREFIX}-cell-fix-start-shadow-show`] : []),
      );
    if (index === firstEnd)
      names.push(
        `${PREFIX}-cell-fix-end-shadow`,
        ...(edges.end ? [`${PREFIX}-cell-fix-end-shadow-show`] : []),
      );
    if (header && column.sortable) names.push(`${PREFIX}-column-has-sorters`);
    if (sort?.key === column.key) names.push(`${PREFIX}-column-sort`);
    return names.join(' ');
  };
  const cellStyle = (column: LightColumn<R>): CSSProperties | undefined => {
    if (!column.fixed && !column.align) return undefined;
    const style: CSSProperties = { textAlign: column.align };
    if (column.fixed === 'start')
      Object.assign(style, { insetInlineStart: offsets.get(column.key), zIndex: 2 });
    if (column.fixed === 'end') Object.assign(style, { insetInlineEnd: offsets.get(column.key), zIndex: 2 });
    return style;
  };
  const content = (column: LightColumn<R>, node: ReactNode) =>
    column.ellipsis ? <span className={`${PREFIX}-cell-content`}>{node}</span> : node;

  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const placeholder = loading ? t('table.loading') : (emptyText ?? t('table.empty'));

  return (
    <div
      className={`${PREFIX}-wrapper ${ANTD_CSS_VAR_KEY} ${PREFIX}-css-var wld-light-table`}
      data-testid={props['data-testid']}
    >
      <div className={`${PREFIX} ${PREFIX}-small`}>
        <div className={`${PREFIX}-container`}>
          <div className={`${PREFIX}-content`} ref={ref} onScroll={onScroll} style={{ overflowX: 'auto' }}>
            <table style={{ width, minWidth: '100%', tableLayout: 'fixed' }} aria-busy={loading || undefined}>
              <colgroup>
                {columns.map((c) => (
                  <col key={c.key} style={{ width: c.width }} />
                ))}
              </colgroup>
              <thead className={`${PREFIX}-thead`}>
                <tr>
                  {columns.map((column, i) => {
                    const { direction, ariaSort, next } = headerSort(sort, column);
                    return (
                      <th
                        key={column.key}
                        scope="col"
                        aria-sort={ariaSort}
                        className={cellClass(column, i, true)}
                        style={cellStyle(column)}
                      >
                        {column.sortable && onSortChange ? (
                          <button
                            type="button"
                            className={`${PREFIX}-column-sorters wld-light-table-sorter`}
                            data-testid={`sort-${column.key}`}
                            onClick={() => onSortChange(next)}
                          >
                            <span className={`${PREFIX}-column-title`}>{column.title}</span>
                            <span
                              className={`${PREFIX}-column-sorter ${PREFIX}-column-sorter-full`}
                              aria-hidden
                            >
                              <span className={`${PREFIX}-column-sorter-inner`}>
                                <CaretUpOutlined
                                  className={`${PREFIX}-column-sorter-up${direction === 'asc' ? ' active' : ''}`}
                                />
                                <CaretDownOutlined
                                  className={`${PREFIX}-column-sorter-down${direction === 'desc' ? ' active' : ''}`}
                                />
                              </span>
                            </span>
                          </button>
                        ) : (
                          content(column, column.title)
                        )}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody className={`${PREFIX}-tbody`}>
                {rows.length === 0 ? (
                  <tr className={`${PREFIX}-placeholder`}>
                    <td className={`${PREFIX}-cell`} colSpan={columns.length}>
                      {loading ? (
                        placeholder
                      ) : (
                        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={placeholder} />
                      )}
                    </td>
                  </tr>
                ) : (
                  rows.map((row) => (
                    <tr
                      key={rowKey(row)}
                      className={`${PREFIX}-row`}
                      data-row-key={rowKey(row)}
                      data-testid={rowTestId?.(row)}
                    >
                      {columns.map((column, i) => (
                        <td key={column.key} className={cellClass(column, i, false)} style={cellStyle(column)}>
                          {content(column, column.render(row))}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      </div>
      {footer}
    </div>
  );
}

export default LightTable;
