// Every screen is drawn in one scroll box (the layout's content area). Without this, a screen opened
// from the menu kept the offset the previous screen was scrolled to: Home opened from the end of
// Settings showed its last card, its title and first cards above the fold. A screen opened anew
// starts at its top; Back and Forward return to where that screen was left.
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { useLocation, useNavigationType } from 'react-router';

export function useScreenScroll(box: RefObject<HTMLElement | null>): void {
  const location = useLocation();
  const navigationType = useNavigationType();
  /** Each visited history entry's offset, by entryId. */
  const offsets = useRef(new Map<string, number>());
  const entry = useRef(entryId(location.key));
  const pathname = useRef(location.pathname);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const remember = () => {
      if (entry.current !== null) offsets.current.set(entry.current, element.scrollTop);
    };
    element.addEventListener('scroll', remember, { passive: true });
    return () => element.removeEventListener('scroll', remember);
  }, [box]);

  // before paint, so the new screen is never seen at the old offset
  useLayoutEffect(() => {
    const element = box.current;
    const samePage = pathname.current === location.pathname; // a view switch within a screen (?view=…)
    entry.current = entryId(location.key);
    pathname.current = location.pathname;
    if (!element || samePage) return;
    const returning = navigationType === 'POP' && entry.current !== null;
    const target = returning ? (offsets.current.get(entry.current!) ?? 0) : 0;
    element.scrollTop = target;
    return element.scrollTop < target ? scrollOnceTallEnough(element, target) : undefined;
  }, [box, location.key, location.pathname, navigationType]);
}

/**
 * A history entry's identity: the router's key. Entries the router did not make share the key
 * 'default': the one the page opened on (the router numbers it 0) and any address typed since (not
 * numbered: always a screen opened anew, null).
 */
function entryId(key: string): string | null {
  if (key !== 'default') return key;
  return (window.history.state as { idx?: number } | null)?.idx === 0 ? 'opened on' : null;
}

/** Frames to wait for a screen to grow to a remembered offset (about a second). */
const GROWTH_FRAMES = 60;
/** What a person does to scroll: the wait for the offset gives way to it. */
const OWN_SCROLLING = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const;

/**
 * A screen draws parts of itself after its first commit (forms, charts, answers from the cache), so
 * it may be too short for the offset it was left at: try again each frame until it fits. Returns the
 * stop (another navigation, or the person scrolls first).
 */
function scrollOnceTallEnough(element: HTMLElement, target: number): () => void {
  let frame = 0;
  let framesLeft = GROWTH_FRAMES;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of OWN_SCROLLING) element.removeEventListener(type, stop);
  };
  const retry = () => {
    element.scrollTop = target;
    framesLeft -= 1;
    if (element.scrollTop >= target || framesLeft === 0) stop();
    else frame = requestAnimationFrame(retry);
  };
  for (const type of OWN_SCROLLING) element.addEventListener(type, stop, { passive: true });
  frame = requestAnimationFrame(retry);
  return stop;
}
