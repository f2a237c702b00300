// Ctrl/Cmd+1..7 jump between pages; `/` focuses the page's search box (an element marked
// `data-page-search`), unless the user is typing somewhere already. Neither acts while a dialog or
// drawer is open: the mouse cannot reach the menu behind it either, and leaving the page would drop
// what was typed in it or leave its confirmation over another page.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { NAV_ITEMS } from './nav.ts';

export const PAGE_SEARCH_SELECTOR = '[data-page-search]';

function dialogOpen(): boolean {
  return [...document.querySelectorAll<HTMLElement>('[aria-modal="true"]')].some((dialog) => dialog.getClientRects().length > 0);
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (dialogOpen()) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && /^[1-9]$/.test(event.key)) {
        const item = NAV_ITEMS[Number(event.key) - 1];
        if (!item) return;
        event.preventDefault();
        void navigate(item.path);
        return;
      }
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target)) {
        const search = document.querySelector<HTMLElement>(PAGE_SEARCH_SELECTOR);
        const input = search?.matches('input, textarea') ? search : search?.querySelector<HTMLElement>('input');
        if (!input) return;
        event.preventDefault();
        input.focus();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
