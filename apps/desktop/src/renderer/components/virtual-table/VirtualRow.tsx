// One body row of a VirtualTable, and the row styles of the current theme.
import { memo, useMemo } from 'react';
import type { CSSProperties } from 'react';
import type { GlobalToken } from 'antd';
import { cellStyle } from './cellStyle.ts';
import type { VirtualColumn } from './types.ts';

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
export const VirtualRow = memo(VirtualRowImpl) as typeof VirtualRowImpl;

/** The row, active-row and placeholder styles; they change only with the height, clickability or theme. */
export function useRowStyles(rowHeight: number, clickable: boolean, token: GlobalToken) {
  return useMemo(
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
        cursor: clickable ? 'pointer' : undefined,
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
    [rowHeight, clickable, token],
  );
}
