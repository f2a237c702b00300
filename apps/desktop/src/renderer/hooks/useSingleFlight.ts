// One write at a time from one form or dialog: a second Enter or click that comes before React has
// re-rendered (the button shows its spinner only then) must not send the write again.
import { useCallback, useRef, useState } from 'react';

export interface SingleFlight {
  /** True while a write runs (for the button's spinner). */
  pending: boolean;
  /** Runs `write` unless one is already running; then it does nothing and resolves undefined. */
  run<T>(write: () => Promise<T>): Promise<T | undefined>;
}

export function useSingleFlight(): SingleFlight {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async <T,>(write: () => Promise<T>): Promise<T | undefined> => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    try {
      return await write();
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);
  return { pending, run };
}
