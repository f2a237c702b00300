// Ctrl/Cmd+1..7 jump between pages; `/` focuses the page's search box (an element marked
// `data-page-search`), unless the user is typing somewhere already.
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { NAV_ITEMS } from './nav.ts';

export const PAGE_SEARCH_SELECTOR = '[data-page-search]';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useGlobalShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
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
