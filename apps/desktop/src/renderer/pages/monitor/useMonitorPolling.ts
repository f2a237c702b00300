// Polls the API statistics every few seconds while the page is shown and the window is visible;
// a hidden window costs nothing, and coming back shows fresh numbers at once.
import { useEffect } from 'react';
import { MONITOR_POLL_MS, useMonitorStore } from '../../stores/monitor.ts';

export function useMonitorPolling(intervalMs: number = MONITOR_POLL_MS): void {
  const paused = useMonitorStore((s) => s.paused);
  const poll = useMonitorStore((s) => s.poll);

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
