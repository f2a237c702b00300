// The RPC over real worker_threads MessagePorts: validation, outputs, errors, cancellation, events.
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { servicesContract, type ServicesMethod } from '../../src/shared/contract.ts';
import {
  RpcError,
  createRpcClient,
  createRpcServer,
  fromDomPort,
  type CallTiming,
  type RpcClient,
  type ServicesHandlers,
} from '../../src/shared/rpc.ts';

const now = Date.now();
const user = (userid: string) => ({ userid, name: userid, position: '', status: 1 as const, mainDepartment: null, departments: [] });
const connection = { state: 'online' as const, asOf: now, since: now, lastError: null };

function setup(partial: Partial<ServicesHandlers>, onError?: (error: unknown) => void, timings?: { server: boolean; seen: CallTiming[] }) {
  const notImplemented = () => {
    throw new Error('not implemented in this test');
  };
  const handlers = Object.fromEntries(
    Object.keys(servicesContract).map((m) => [m, partial[m as ServicesMethod] ?? notImplemented]),
  ) as unknown as ServicesHandlers;
  const server = createRpcServer(handlers, { onError: onError ?? (() => {}), timings: timings?.server ?? false });
  const channel = new MessageChannel();
  const detach = server.attach(fromDomPort(channel.port1));
  const clientErrors: unknown[] = [];
  const client = createRpcClient(fromDomPort(channel.port2), {
    onError: (error) => clientErrors.push(error),
    ...(timings ? { onTiming: (timing: CallTiming) => timings.seen.push(timing) } : {}),
  });
  cleanups.push(() => {
    client.close();
    detach();
    channel.port1.close();
  });
  return { server, client, detach, clientErrors };
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function rejection(promise: Promise<unknown>): Promise<RpcError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('rpc', () => {
  it('round-trips a call with defaults applied to the input', async () => {
    let seen: unknown;
    const { client } = setup({
      'users.search': (input) => {
        seen = input;
        return { asOf: now, stale: false, total: 0, rows: [] };
      },
    });
    const out = await client.call('users.search', { query: '张' });
    expect(out).toEqual({ asOf: now, stale: false, total: 0, rows: [] });
    expect(seen).toMatchObject({ query: '张', offset: 0, limit: 100, recursive: true, sort: 'name' });
  });

  it('rejects invalid input naming the fields, without running the handler', async () => {
    let ran = false;
    const { client } = setup({
      'users.search': () => {
        ran = true;
        return { asOf: null, stale: false, total: 0, rows: [] };
      },
    });
    const error = await rejection(client.call('users.search', { limit: 5000, sort: 'bogus' } as never));
    expect(error.error.kind).toBe('validation');
    expect(error.error.code).toBe('INVALID_INPUT');
    expect(error.error.message).toContain('limit');
    expect(error.error.message).toContain('sort');
    expect(ran).toBe(false);
  });

  it('rejects an unknown method', async () => {
    const { client } = setup({});
    const error = await rejection(client.call('nope.nope' as ServicesMethod, {} as never));
    expect(error.error.code).toBe('UNKNOWN_METHOD');
  });

  it('passes RpcError through and hides the details of internal errors', async () => {
    const internal: unknown[] = [];
    const { client } = setup(
      {
        'lives.get': () => {
          throw new RpcError({ kind: 'not_found', code: 'LIVE_NOT_FOUND', message: 'no such live' });
        },
        'tags.list': () => {
          throw new Error('boom at https://x/cgi-bin/tag/list?access_token=SECRET123&x=1 corpsecret=abc');
        },
      },
      (error) => internal.push(error),
    );
    const notFound = await rejection(client.call('lives.get', { livingid: 'x' }));
    expect(notFound.error).toEqual({ kind: 'not_found', code: 'LIVE_NOT_FOUND', message: 'no such live' });
    const boom = await rejection(client.call('tags.list', {}));
    expect(boom.error.kind).toBe('internal');
    expect(boom.error.details).toContain('boom');
    expect(boom.error.details).not.toContain('SECRET123');
    expect(boom.error.details).not.toContain('abc');
    expect(internal).toHaveLength(1);
  });

  it('parses outputs before they leave: a handler answering the wrong shape is an error it logs, unknown fields are dropped', async () => {
    const logged: unknown[] = [];
    const { client } = setup(
      {
        'connection.state': () => ({ ...connection, secret: 'leak' }) as never,
        'tags.list': () => ({ asOf: 'yesterday' }) as never,
      },
      (error) => logged.push(error),
    );
    const state = await client.call('connection.state', {});
    expect(state).toEqual(connection);
    const error = await rejection(client.call('tags.list', {}));
    expect(error.error).toMatchObject({ kind: 'internal', code: 'INVALID_OUTPUT', message: 'The services answered tags.list with data of the wrong shape' });
    expect(error.error.details).toMatch(/asOf|tags/);
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toContain('tags.list');
  });

  it('cancels: the caller rejects with cancelled and the handler sees its signal abort', async () => {
    let handlerSignal: AbortSignal | undefined;
    let release: () => void = () => {};
    const { client } = setup({
      'sync.status': (_input, { signal }) => {
        handlerSignal = signal;
        return new Promise((resolve) => {
          release = () => resolve({ jobs: [], lastSync: {} });
          signal.addEventListener('abort', () => release());
        });
      },
    });
    const controller = new AbortController();
    const call = client.call('sync.status', {}, { signal: controller.signal });
    await vi.waitFor(() => expect(handlerSignal).toBeDefined());
    expect(handlerSignal?.aborted).toBe(false);
    controller.abort();
    const error = await rejection(call);
    expect(error.error.kind).toBe('cancelled');
    await vi.waitFor(() => expect(handlerSignal?.aborted).toBe(true));
    expect(client.pendingCount).toBe(0);
  });

  it('broadcasts events to every attached endpoint and validates them before they leave', async () => {
    const serverErrors: unknown[] = [];
    const { server, client, clientErrors } = setup({}, (error) => serverErrors.push(error));
    const channel = new MessageChannel();
    const detachSecond = server.attach(fromDomPort(channel.port1));
    const second: RpcClient = createRpcClient(fromDomPort(channel.port2), { onError: (e) => clientErrors.push(e) });
    cleanups.push(() => {
      second.close();
      detachSecond();
      channel.port1.close();
    });
    const first: unknown[] = [];
    const other: unknown[] = [];
    client.on('connection', (p) => first.push(p));
    const off = second.on('changed', (p) => other.push(p));
    server.emit('connection', connection);
    server.emit('changed', { topics: ['lives'] });
    server.emit('changed', { topics: ['not-a-topic'] } as never);
    // the malformed 'changed' is refused where it is made, and logged; no window hears it
    expect(serverErrors).toHaveLength(1);
    expect(String(serverErrors[0])).toContain('changed');
    await vi.waitFor(() => expect(first).toEqual([connection]));
    await vi.waitFor(() => expect(other).toEqual([{ topics: ['lives'] }]));
    expect(server.endpointCount).toBe(2);
    off();
    // one port delivers in order: once the marker after 'org' arrived, 'org' would have too
    const markers: unknown[] = [];
    second.on('connection', (p) => markers.push(p));
    server.emit('changed', { topics: ['org'] });
    server.emit('connection', connection);
    await vi.waitFor(() => expect(markers).toHaveLength(1));
    expect(other).toHaveLength(1);
  });

  it('calls made in the same tick travel as one batch and each gets its own answer', async () => {
    const { client } = setup({ 'users.get': ({ userid }) => ({ asOf: now, stale: false, user: user(userid), departmentNames: [], tags: [], watched: [] }) });
    const ids = Array.from({ length: 1000 }, (_, i) => `u${i}`);
    const answers = await Promise.all(ids.map((userid) => client.call('users.get', { userid })));
    expect(answers.map((a) => a.user.userid)).toEqual(ids);
  });

  it('an input that cannot be cloned fails alone, the calls beside it succeed', async () => {
    const { client } = setup({ 'lives.get': () => ({ asOf: now, stale: false, live: undefined, audience: null }) as never, 'connection.state': () => connection });
    const good = client.call('connection.state', {});
    const bad = rejection(client.call('users.search', { query: (() => 'x') as never }));
    expect(await good).toEqual(connection);
    expect((await bad).error.code).toBe('UNSENDABLE_INPUT');
  });

  it('timings: answers carry the services queue and handler time only when the server records them', async () => {
    const tags = () => ({ asOf: now, stale: false, tags: [] });
    const recorded = { server: true, seen: [] as CallTiming[] };
    const { client } = setup(
      {
        'tags.list': async (_input, context) => {
          await new Promise((resolve) => setImmediate(resolve)); // e.g. waiting for init
          context.markStarted();
          return tags();
        },
      },
      undefined,
      recorded,
    );
    await client.call('tags.list', {});
    await vi.waitFor(() => expect(recorded.seen).toHaveLength(1));
    const [timing] = recorded.seen;
    expect(timing).toMatchObject({ method: 'tags.list', ok: true, services: { queuedMs: expect.any(Number), runMs: expect.any(Number) } });
    expect(timing!.answeredAt).toBeGreaterThanOrEqual(timing!.sentAt);

    const silent = { server: false, seen: [] as CallTiming[] };
    const other = setup({ 'tags.list': tags }, undefined, silent);
    await other.client.call('tags.list', {});
    await vi.waitFor(() => expect(silent.seen).toHaveLength(1));
    expect(silent.seen[0]!.services).toBeNull();
  });

  it('close rejects pending calls', async () => {
    const { client } = setup({ 'sync.status': () => new Promise(() => {}) });
    const call = client.call('sync.status', {});
    client.close();
    const error = await rejection(call);
    expect(error.error.code).toBe('RPC_CLOSED');
  });
});
