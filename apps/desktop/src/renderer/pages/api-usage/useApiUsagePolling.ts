// Polls the API statistics every few seconds while the page is shown and the window is visible;
// a hidden window costs nothing, and coming back shows fresh numbers at once.
import { useEffect } from 'react';
import { API_USAGE_POLL_MS, useApiUsageStore } from '../../stores/apiUsage.ts';

export function useApiUsagePolling(intervalMs: number = API_USAGE_POLL_MS): void {
  const paused = useApiUsageStore((s) => s.paused);
  const poll = useApiUsageStore((s) => s.poll);

  useEffect(() => {
    if (paused) return;
    const visible = () => document.visibilityState !== 'hidden';
    if (visible()) void poll();
    const timer = setInterval(() => {
      if (visible()) void poll();
    }, intervalMs);
    const onVisibility = () => {
      if (visible()) void poll();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [paused, poll, intervalMs]);
}
