import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { fakeApi } from '../test-support/fakeApi.ts';
import { RpcError } from '../../shared/rpc-wire.ts';
import type { ReactNode } from 'react';
import { QueryWrapper } from '../test-support/queries.tsx';
import { ServiceQueryProvider } from './ServiceQueryProvider.tsx';
import { createServiceQueryClient, seedQuery } from './queryClient.ts';
import { inputKey, serviceQueryKey, useServiceQuery } from './useServiceQuery.ts';

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
    const { result } = renderHook(() => useServiceQuery('tags.list', {}, { topics: ['tags'] }), { wrapper: QueryWrapper });
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
      wrapper: QueryWrapper,
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
    const { result } = renderHook(() => useServiceQuery('tags.list', {}), { wrapper: QueryWrapper });
    await waitFor(() => expect(result.current.error?.code).toBe('OFFLINE'));
    fail = false;
    act(() => result.current.refetch());
    await waitFor(() => expect(result.current.data?.tags).toHaveLength(3));
    expect(result.current.error).toBeNull();
  });

  it('does not call while disabled', async () => {
    fakeApi.handle('tags.list', () => tags(1));
    const { result } = renderHook(() => useServiceQuery('tags.list', {}, { enabled: false, topics: ['tags'] }), { wrapper: QueryWrapper });
    act(() => fakeApi.emit('changed', { topics: ['tags'] }));
    expect(fakeApi.callsOf('tags.list')).toHaveLength(0);
    expect(result.current.loading).toBe(false);
  });

  it('one changed event refetches every query registered for its topics, once per query, and not the others', async () => {
    let n = 1;
    fakeApi.handle('tags.list', () => tags(n++));
    fakeApi.handle('org.departments', () => ({ asOf: null, stale: false, departments: [] }));
    const { result } = renderHook(
      () => ({
        tags: useServiceQuery('tags.list', {}, { topics: ['tags'] }),
        sameTags: useServiceQuery('tags.list', {}, { topics: ['tags'] }),
        departments: useServiceQuery('org.departments', {}, { topics: ['org'] }),
      }),
      { wrapper: QueryWrapper },
    );
    await waitFor(() => expect(result.current.departments.data).toBeDefined());
    await waitFor(() => expect(result.current.tags.data?.tags).toHaveLength(1));
    expect(fakeApi.callsOf('tags.list')).toHaveLength(1); // two components, one query
    expect(fakeApi.listenerCount('changed')).toBe(1); // one subscription for the whole cache

    act(() => fakeApi.emit('changed', { topics: ['tags'] }));
    await waitFor(() => expect(result.current.sameTags.data?.tags).toHaveLength(2));
    expect(result.current.tags.data?.tags).toHaveLength(2);
    expect(fakeApi.callsOf('tags.list')).toHaveLength(2);
    expect(fakeApi.callsOf('org.departments')).toHaveLength(1);
  });

  it('keepPrevious: false shows neither the answer for another input nor one fetched before it was re-enabled', async () => {
    const version = new Map<string, number>();
    const pending: (() => void)[] = [];
    fakeApi.handle('lives.get', (input) => {
      const v = (version.get(input.livingid) ?? 0) + 1;
      version.set(input.livingid, v);
      return new Promise((resolve) => pending.push(() => resolve({ live: { livingid: input.livingid, theme: `${input.livingid} v${v}` } } as never)));
    });
    const settle = () => act(() => pending.shift()?.());
    const theme = (r: { current: { data?: { live: { theme: string } } } }) => r.current.data?.live.theme;
    const { result, rerender } = renderHook(
      ({ id, open }) => useServiceQuery('lives.get', { livingid: id }, { enabled: open, keepPrevious: false }),
      { initialProps: { id: 'a', open: true }, wrapper: QueryWrapper },
    );
    expect(result.current.loading).toBe(true);
    settle();
    await waitFor(() => expect(theme(result)).toBe('a v1'));

    rerender({ id: 'b', open: true }); // another input: nothing until its own answer
    expect(result.current.data).toBeUndefined();
    settle();
    await waitFor(() => expect(theme(result)).toBe('b v1'));

    rerender({ id: 'b', open: false }); // closed: nothing
    expect(result.current.data).toBeUndefined();
    rerender({ id: 'b', open: true }); // reopened: the cached 'b v1' must not show
    expect(result.current.data).toBeUndefined();
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(pending).toHaveLength(1));
    settle();
    await waitFor(() => expect(theme(result)).toBe('b v2'));
  });

  it('an answer seeded at start-up shows without asking again; a form opening on it still asks', async () => {
    let v = 0;
    fakeApi.handle('lives.get', (input) => ({ live: { livingid: input.livingid, theme: `v${++v}` } }) as never);
    const client = createServiceQueryClient();
    seedQuery(client, serviceQueryKey('lives.get', { livingid: 'a' }), { live: { livingid: 'a', theme: 'seeded' } });
    const wrapper = ({ children }: { children: ReactNode }) => <ServiceQueryProvider client={client}>{children}</ServiceQueryProvider>;
    const { result, rerender } = renderHook(
      ({ editing }) => ({
        page: useServiceQuery('lives.get', { livingid: 'a' }),
        form: useServiceQuery('lives.get', { livingid: editing ? 'a' : '-' }, { enabled: editing, keepPrevious: false }),
      }),
      { initialProps: { editing: false }, wrapper },
    );
    expect(result.current.page.data?.live.theme).toBe('seeded');
    expect(result.current.page.loading).toBe(false);
    expect(fakeApi.callsOf('lives.get')).toHaveLength(0);

    rerender({ editing: true }); // the editor opens on the same live
    expect(result.current.form.data).toBeUndefined();
    await waitFor(() => expect(result.current.form.data?.live.theme).toBe('v1'));
    expect(fakeApi.callsOf('lives.get')).toHaveLength(1);
  });

  it('keepPrevious (the default) keeps the last answer on screen while the next input loads', async () => {
    const pending: (() => void)[] = [];
    fakeApi.handle('tags.members', (input) => new Promise((resolve) => pending.push(() => resolve({ asOf: null, stale: false, users: [], departmentIds: [input.tagid] }))));
    const { result, rerender } = renderHook(({ tagid }) => useServiceQuery('tags.members', { tagid }), {
      initialProps: { tagid: 1 },
      wrapper: QueryWrapper,
    });
    act(() => pending.shift()?.());
    await waitFor(() => expect(result.current.data).toBeDefined());
    rerender({ tagid: 2 });
    expect(result.current.data).toEqual({ asOf: null, stale: false, users: [], departmentIds: [1] });
    expect(result.current.loading).toBe(true);
    act(() => pending.shift()?.());
    await waitFor(() => expect(result.current.data).toEqual({ asOf: null, stale: false, users: [], departmentIds: [2] }));
  });

  it('inputKey ignores key order', () => {
    expect(inputKey({ a: 1, b: { c: 2, d: 3 } })).toBe(inputKey({ b: { d: 3, c: 2 }, a: 1 }));
    expect(inputKey({ a: [1, 2] })).not.toBe(inputKey({ a: [2, 1] }));
  });
});
