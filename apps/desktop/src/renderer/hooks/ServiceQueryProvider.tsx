// The query cache of a window: one QueryClient, fed by the one subscription to `changed` events.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import { createServiceQueryClient, followChangedTopics, seedEarlyAnswers } from './queryClient.ts';

export function ServiceQueryProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [queryClient] = useState(() => client ?? seedEarlyAnswers(createServiceQueryClient()));
  useEffect(() => followChangedTopics(queryClient), [queryClient]);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
