// On a profile switch the start-up answers nobody took are dropped, the query cache drops every answer
// and every store holding a corp's screen state goes back to its initial state, so nothing of the
// previous corp can be drawn under the new one.
import type { QueryClient } from '@tanstack/react-query';
import { forgetEarlyAnswers } from '../api/client.ts';
import { useLiveStatusStore } from './liveStatus.ts';
import { useLivesStore } from './lives.ts';
import { useMessagesStore } from './messages.ts';
import { useApiUsageStore } from './apiUsage.ts';
import { useOrgStore } from './org.ts';
import { useStatisticsStore } from './statistics.ts';
import { useSyncStore } from './sync.ts';

const CORP_STORES = [useLiveStatusStore, useLivesStore, useMessagesStore, useApiUsageStore, useOrgStore, useStatisticsStore, useSyncStore] as const;

export function resetProfileData(queryClient: QueryClient): void {
  // first: the reset refetches the queries on screen at once, and a refetch takes an early answer
  forgetEarlyAnswers();
  // reset, not clear: components on screen through the switch (the top bar) keep a live query
  void queryClient.resetQueries();
  for (const store of CORP_STORES) {
    // merge, not replace: listener bookkeeping kept in the state survives
    const initial = store.getInitialState() as object;
    const data = Object.fromEntries(Object.entries(initial).filter(([, value]) => typeof value !== 'function'));
    (store.setState as (partial: object) => void)(data);
  }
}
