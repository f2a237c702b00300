// Whose data the services answer with (`cache.scope`) against the profile main says is active. After
// a switch the two differ until the services have restarted on the new profile's cache; pages wait.
import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, peekEarly } from '../api/client.ts';
import { usePreferencesStore } from '../stores/preferences.ts';
import { resetProfileData } from '../stores/reset-profile-data.ts';

const RECHECK_MS = 250;

export type DataScope = { state: 'ready'; profileId: string | null } | { state: 'switching'; profileId: string | null };

export function useDataScope(): DataScope {
  const loaded = usePreferencesStore((s) => s.loaded);
  const active = usePreferencesStore((s) => s.activeProfileId);
  // the warm start's answer, when it has arrived: the pages render on the first pass
  const [served, setServed] = useState<{ profileId: string | null; failed: boolean } | null>(() => {
    const early = peekEarly('services', 'cache.scope', {});
    return early ? { profileId: early.profileId, failed: false } : null;
  });

  useEffect(() => {
    if (!loaded) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      // Decides whose answers the query cache may hold, so it cannot itself go through that cache.
      // eslint-disable-next-line no-restricted-syntax
      api.call('cache.scope', {}).then(
        (scope) => {
          if (cancelled) return;
          setServed({ profileId: scope.profileId, failed: false });
          // still the previous profile's services: ask again once they restarted
          if (scope.profileId !== active) timer = setTimeout(check, RECHECK_MS);
        },
        () => {
          if (cancelled) return;
          // no cache (init failed): nothing of any corp can be shown; let the pages say why
          setServed({ profileId: active, failed: true });
        },
      );
    };
    check();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [loaded, active]);

  const queryClient = useQueryClient();
  const [shownFor, setShownFor] = useState<string | null | undefined>(undefined);
  const ready = loaded && served !== null && served.profileId === active;
  useEffect(() => {
    if (shownFor !== undefined && shownFor !== active) resetProfileData(queryClient);
    if (ready) setShownFor(active);
  }, [ready, active, shownFor, queryClient]);

  return ready ? { state: 'ready', profileId: active } : { state: 'switching', profileId: active };
}
