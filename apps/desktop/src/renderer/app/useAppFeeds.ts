// Starts the long-lived event feeds of the main window: settings, connection, sync, live status.
import { useEffect } from 'react';
import { useConnectionStore } from '../stores/connection.ts';
import { usePreferencesStore } from '../stores/preferences.ts';
import { useSyncStore } from '../stores/sync.ts';
import { useLiveStatusStore } from '../stores/liveStatus.ts';

export function useAppFeeds(): void {
  useEffect(() => {
    const stops = [
      usePreferencesStore.getState().start(),
      useConnectionStore.getState().start(),
      useSyncStore.getState().listen(),
      useLiveStatusStore.getState().listen(),
    ];
    return () => {
      for (const stop of stops) stop();
    };
  }, []);
}
