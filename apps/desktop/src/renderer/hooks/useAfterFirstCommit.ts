// false in a component's first render, true in a transition right after it: what is costly to draw
// and not the first thing read (charts, the navigation menu) follows the first paint instead of
// holding it back. The transition yields to the browser, so the first commit is on screen first.
import { startTransition, useEffect, useState } from 'react';

export function useAfterFirstCommit(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    startTransition(() => setReady(true));
  }, []);
  return ready;
}
