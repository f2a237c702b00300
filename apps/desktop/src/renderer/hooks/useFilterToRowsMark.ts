// User Timing for the renderer benchmark: from a change of a list's filter (typed or clicked) to the
// filtered rows in the DOM, as the measure `name`.
import { useLayoutEffect, useRef } from 'react';

/** Returns the function to call where the filter changes; `key` names the filter's current value. */
export function useFilterToRowsMark(name: string, key: string): () => void {
  const started = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (started.current === null) return;
    performance.measure(name, { start: started.current, detail: key });
    started.current = null;
  }, [name, key]);
  return () => {
    started.current ??= performance.now();
  };
}
