import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { fakeApi } from '../test-support/fakeApi.ts';
import { RpcError } from '../../shared/rpc-wire.ts';
import { inputKey, useServiceQuery } from './useServiceQuery.ts';

vi.mock('../api/client.ts', async () => (await import('../test-support/fakeApi.ts')).fakeClientModule());

const tags = (n: number) => ({
  asOf: 1_763_700_000_000,
  stale: false,
  tags: Array.from({ length: n }, (_, i) => ({ tagid: i + 1, tagname: `tag ${i + 1}`, memberCount: i })),
});

beforeEach(() => fakeApi.reset());

describe('useServiceQuery', () => {
  it('re-queries when a changed event names one of its topics, and not for other topics', async () => {
    let n = 1;
    fakeApi.handle('tags.list', () => tags(n++));
    const { result } = renderHook(() => useServiceQuery('tags.list', {}, { topics: ['tags'] }));
    await waitFor(() => expect(result.current.data?.tags).toHaveLength(1));
    expect(result.current.loading).toBe(false);

    act(() => fakeApi.emit('changed', { topics: ['users', 'org'] }));
    expect(fakeApi.callsOf('tags.list')).toHaveLength(1);

    act(() => fakeApi.emit('changed', { topics: ['lives', 'tags'] }));
    await waitFor(() => expect(result.current.data?.tags).toHaveLength(2));
    expect(fakeApi.callsOf('tags.list')).toHaveLength(2);
  });

  it('re-queries when the input changes by value, cancelling the call in flight, but not for an equal copy', async () => {
    const pending: ((v: ReturnType<typeof page>) => void)[] = [];
    const page = (query: string) => ({ asOf: null, stale: false, total: 1, rows: [{ userid: query, name: query, position: '', status: 1 as const, mainDepartment: null, departments: [] }] });
    fakeApi.handle('users.search', (input) => new Promise((resolve) => pending.push(() => resolve(page(input.query ?? '')))));

    const { result, rerender } = renderHook(({ query }) => useServiceQuery('users.search', { query, limit: 10 }), {
      initialProps: { query: 'a' },
    });
    rerender({ query: 'a' }); // a new but equal object: no new call
    expect(fakeApi.callsOf('users.search')).toHaveLength(1);

    rerender({ query: 'ab' });
    await waitFor(() => expect(fakeApi.callsOf('users.search')).toHaveLength(2));
    expect(fakeApi.callsOf('users.search')[0]?.signal?.aborted).toBe(true);
    expect(fakeApi.callsOf('users.search')[1]?.signal?.aborted).toBe(false);

    // The stale answer arriving late must not win.
    act(() => pending[0]?.(page('a')));
    act(() => pending[1]?.(page('ab')));
    await waitFor(() => expect(result.current.data?.rows[0]?.userid).toBe('ab'));
  });

  it('reports the service error and clears it after a successful refetch', async () => {
    let fail = true;
    fakeApi.handle('tags.list', () => {
      if (fail) throw new RpcError({ kind: 'offline', code: 'OFFLINE', message: '离线' });
      return tags(3);
    });
    const { result } = renderHook(() => useServiceQuery('tags.list', {}));
    await waitFor(() => expect(result.current.error?.code).toBe('OFFLINE'));
    fail = false;
    act(() => result.current.refetch());
    await waitFor(() => expect(result.current.data?.tags).toHaveLength(3));
    expect(result.current.error).toBeNull();
  });

  it('does not call while disabled', async () => {
    fakeApi.handle('tags.list', () => tags(1));
    const { result } = renderHook(() => useServiceQuery('tags.list', {}, { enabled: false, topics: ['tags'] }));
    act(() => fakeApi.emit('changed', { topics: ['tags'] }));
    expect(fakeApi.callsOf('tags.list')).toHaveLength(0);
    expect(result.current.loading).toBe(false);
  });

  it('inputKey ignores key order', () => {
    expect(inputKey({ a: 1, b: { c: 2, d: 3 } })).toBe(inputKey({ b: { d: 3, c: 2 }, a: 1 }));
    expect(inputKey({ a: [1, 2] })).not.toBe(inputKey({ a: [2, 1] }));
  });
});
