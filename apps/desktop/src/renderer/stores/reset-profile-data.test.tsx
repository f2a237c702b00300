import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { fakeApi } from '../test-support/fakeApi.ts';
import { createServiceQueryClient } from '../hooks/queryClient.ts';
import { ServiceQueryProvider } from '../hooks/ServiceQueryProvider.tsx';
import { useServiceQuery } from '../hooks/useServiceQuery.ts';
import { resetProfileData } from './reset-profile-data.ts';

/** How many tags.list calls had been made each time the early answers were dropped. */
const callsWhenForgotten = vi.hoisted(() => [] as number[]);
vi.mock('../api/client.ts', async () => {
  const fake = await import('../test-support/fakeApi.ts');
  return { ...fake.fakeClientModule(), forgetEarlyAnswers: () => callsWhenForgotten.push(fake.fakeApi.callsOf('tags.list').length) };
});

beforeEach(() => fakeApi.reset());

describe('resetProfileData', () => {
  it("drops every cached answer, so a query on screen through a corp switch never shows the other corp's data", async () => {
    let corp = 'A';
    let answer: (() => void) | null = null;
    fakeApi.handle('tags.list', () => {
      const tags = [{ tagid: 1, tagname: `tag of ${corp}`, memberCount: 1 }];
      return corp === 'A' ? { asOf: null, stale: false, tags } : new Promise((resolve) => (answer = () => resolve({ asOf: null, stale: false, tags })));
    });
    const client = createServiceQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => <ServiceQueryProvider client={client}>{children}</ServiceQueryProvider>;
    const { result } = renderHook(() => useServiceQuery('tags.list', {}, { topics: ['tags'] }), { wrapper });
    await waitFor(() => expect(result.current.data?.tags[0]?.tagname).toBe('tag of A'));

    corp = 'B';
    const before = fakeApi.callsOf('tags.list').length;
    act(() => resetProfileData(client));
    // the unclaimed start-up answers were dropped before the reset's refetch could take one
    expect(callsWhenForgotten).toEqual([before]);
    await waitFor(() => expect(answer).not.toBeNull());
    expect(result.current.data).toBeUndefined();
    expect(result.current.loading).toBe(true);
    act(() => answer?.());
    await waitFor(() => expect(result.current.data?.tags[0]?.tagname).toBe('tag of B'));
  });
});
