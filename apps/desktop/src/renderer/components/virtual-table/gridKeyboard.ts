// Keyboard moves in a VirtualTable's grid: arrows, PageUp/PageDown, Home/End move the active row
// (scrolled into view), Enter opens it.
import type { KeyboardEvent } from 'react';

export interface GridKeyboard {
  total: number;
  /** Rows one PageUp/PageDown moves. */
  pageRows: number;
  active: number | null;
  setActive: (index: number) => void;
  scrollToIndex: (index: number) => void;
  onEnter: (index: number) => void;
}

export function gridKeyDown({ total, pageRows, active, setActive, scrollToIndex, onEnter }: GridKeyboard) {
  const moveTo = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    scrollToIndex(next);
  };
  return (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // header buttons handle their own keys
    const current = active ?? -1;
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(current + 1),
      ArrowUp: () => moveTo(Math.max(0, current - 1)),
      PageDown: () => moveTo(current + pageRows),
      PageUp: () => moveTo(current - pageRows),
      Home: () => moveTo(0),
      End: () => moveTo(total - 1),
      Enter: () => {
        if (active !== null) onEnter(active);
      },
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
}
