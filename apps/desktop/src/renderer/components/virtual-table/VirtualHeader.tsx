// The sticky header row of a VirtualTable: column titles and sort buttons. Memoised: it changes with
// the columns, the sort or the theme, not with every page or query.
import { memo } from 'react';
import type { GlobalToken } from 'antd';
import { CaretDownOutlined, CaretUpOutlined } from '@ant-design/icons';
import { headerSort } from '../column-sort.ts';
import { cellStyle } from './cellStyle.ts';
import type { VirtualColumn, VirtualSort } from './types.ts';

interface VirtualHeaderProps<R> {
  columns: VirtualColumn<R>[];
  sort: VirtualSort | undefined;
  onSortChange: ((sort: VirtualSort) => void) | undefined;
  rowHeight: number;
  token: GlobalToken;
}

function VirtualHeaderImpl<R>({ columns, sort, onSortChange, rowHeight, token }: VirtualHeaderProps<R>) {
  return (
    <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 1, background: token.colorFillAlter }}>
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
          const { direction, ariaSort, next } = headerSort(sort, column);
          return (
            <div key={column.key} role="columnheader" aria-sort={ariaSort} style={cellStyle(column)}>
              {column.sortable && onSortChange ? (
                <button
                  type="button"
                  data-testid={`sort-${column.key}`}
                  onClick={() => onSortChange(next)}
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
                        color: direction === 'asc' ? token.colorPrimary : token.colorTextQuaternary,
                      }}
                    />
                    <CaretDownOutlined
                      style={{
                        color: direction === 'desc' ? token.colorPrimary : token.colorTextQuaternary,
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
  );
}
export const VirtualHeader = memo(VirtualHeaderImpl) as typeof VirtualHeaderImpl;
